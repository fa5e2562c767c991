// "Register Device…": a device type (existing or new) and a device id, created on the active
// platform through the registry API (platform-contract.md §5); then a document with the connection facts and
// device code, shown once because it holds the token, and an offer to pin the device.
// The argument `{ typeId, deviceId }` skips the questions (walkthrough, tests).
import * as vscode from 'vscode';
import { isValidIdPart } from '../../core/ids';
import { plainText } from '../../core/text';
import { isPlatformError } from '../../platform/errors';
import { clientIdOf } from '../../platform/rest/registry';
import type { Log } from '../../vscode/log';
import type { ActivePlatform } from '../../features/platforms/active';
import type { PlatformService } from '../../vscode/platforms/service';
import { withUserProgress } from '../../vscode/progress';
import { Command, type RegisteredDevice } from '../../shared/commands';
import { executeCommand } from '../../vscode/commands';
import { inputStep, pickStep } from '../commands/multiStep';
import { deviceDocument } from '../../features/register/document';
import type { DeviceDocuments } from './documents';
import { connectionFacts, DEVICE_USERNAME } from '../../features/register/facts';
import type { DeviceTokens } from '../../vscode/deviceTokens';

export interface RegisterDeviceDeps {
  readonly platforms: PlatformService;
  readonly log: Log;
  readonly documents: DeviceDocuments;
  /** Where a device's token may be kept for debugging (a launch configuration naming the device). */
  readonly tokens: DeviceTokens;
}

interface Target {
  typeId: string;
  deviceId: string;
  newType: boolean;
}

const idProblem = (v: string) =>
  isValidIdPart(v.trim()) ? undefined : vscode.l10n.t('Use 1 to 36 letters, digits, dots, dashes or underscores.');

async function askTarget(platform: ActivePlatform, arg: unknown): Promise<Target> {
  const given = (arg ?? {}) as { typeId?: unknown; deviceId?: unknown; ask?: unknown };
  // `ask`: the questions, filled in with what was given (the hover of an unknown id in code).
  const prefill =
    given.ask === true && typeof given.typeId === 'string' && typeof given.deviceId === 'string'
      ? { typeId: given.typeId.slice(0, 36), deviceId: given.deviceId.slice(0, 36) }
      : undefined;
  if (!prefill && typeof given.typeId === 'string' && typeof given.deviceId === 'string') {
    if (idProblem(given.typeId) || idProblem(given.deviceId)) {
      throw new Error(
        vscode.l10n.t('A device type and a device id use 1 to 36 letters, digits, dots, dashes or underscores.'),
      );
    }
    // Created when missing: an existing type answers 409, which is fine.
    return { typeId: given.typeId, deviceId: given.deviceId, newType: true };
  }
  const title = vscode.l10n.t('Register Device on {0}', plainText(platform.name, 60));
  // Cancellable: a platform may page for long (the REST client stops it after its page budget).
  const types = await withUserProgress(vscode.l10n.t('Reading device types…'), (signal) =>
    platform.rest.listDeviceTypes(signal),
  );
  const create = { label: vscode.l10n.t('$(add) New Device Type…'), typeId: undefined };
  const items = [
    create,
    ...types.map((t) => ({
      label: plainText(t.id, 40),
      description: t.description ? plainText(t.description, 80) : undefined,
      typeId: t.id,
    })),
  ];
  const existing = items.find((i) => i.typeId !== undefined && i.typeId === prefill?.typeId);
  const picked =
    types.length === 0
      ? create
      : await pickStep({
          title,
          step: 1,
          totalSteps: 2,
          items,
          active: existing ?? (prefill ? create : (items[1] ?? create)),
          placeholder: vscode.l10n.t('Device type of the new device'),
        });
  const typeId =
    picked.typeId ??
    (await inputStep({
      title,
      step: 1,
      totalSteps: 2,
      value: prefill?.typeId ?? 'my-device-type',
      prompt: vscode.l10n.t('Name of the new device type'),
      validate: idProblem,
    }));
  const deviceId = await inputStep({
    title,
    step: 2,
    totalSteps: 2,
    value: prefill?.deviceId ?? `device-${Math.random().toString(36).slice(2, 6)}`,
    prompt: vscode.l10n.t('Device id (unique within type {0})', plainText(typeId, 40)),
    validate: idProblem,
  });
  return { typeId, deviceId, newType: picked.typeId === undefined };
}

export async function registerDevice(deps: RegisterDeviceDeps, arg?: unknown): Promise<RegisteredDevice | undefined> {
  const status = await deps.platforms.status();
  if (status.kind !== 'ready') {
    const start = vscode.l10n.t('Start Local Sandbox');
    const connect = vscode.l10n.t('Connect to Platform…');
    const message =
      status.kind === 'problem'
        ? status.message
        : vscode.l10n.t('Register Device needs a platform: start the local sandbox or connect to one.');
    const choice = await vscode.window.showWarningMessage(message, start, connect);
    if (choice) {
      await (choice === start ? executeCommand(Command.startLocalSandbox) : executeCommand(Command.connectPlatform));
    }
    return undefined;
  }
  const platform = status.platform;
  const target = await askTarget(platform, arg);
  const shown = plainText(`${target.typeId}/${target.deviceId}`, 80);
  const created = await withUserProgress(vscode.l10n.t('Registering device {0}…', shown), async (signal) => {
    if (target.newType) {
      await platform.rest.createDeviceType(target.typeId, undefined, signal).catch((err: unknown) => {
        if (!isPlatformError(err, 'conflict')) throw err; // created meanwhile: use it
      });
    }
    return platform.rest.createDevice(target.typeId, { deviceId: target.deviceId }, signal);
  });
  deps.log.addSecret(DEVICE_USERNAME, created.authToken);
  const clientId = clientIdOf(created, platform.resolved.orgId);
  if (!clientId) throw new Error(vscode.l10n.t('The platform did not say the organization of device {0}.', shown));
  deps.log.for('register').info(`registered ${clientId} on ${platform.name}`);
  const facts = connectionFacts({
    mqttUrl: platform.resolved.mqttUrl,
    caFile: platform.resolved.caFile,
    clientId,
    token: created.authToken,
  });
  const uri = await deps.documents.show(clientId, deviceDocument({ platformName: platform.name, facts }));
  offerPinAndKeep(clientId, () => deps.tokens.set(platform.name, clientId, created.authToken));
  return { clientId, typeId: created.typeId, deviceId: created.deviceId, uri: uri.toString() };
}

function offerPinAndKeep(clientId: string, keep: () => Promise<void>): void {
  const pin = vscode.l10n.t('Pin Device');
  const keepToken = vscode.l10n.t('Keep Token for Debugging');
  const message = vscode.l10n.t(
    'Device {0} is registered. Its token is in the document that just opened and is shown only this once: copy it now.',
    plainText(clientId, 120),
  );
  void vscode.window.showInformationMessage(message, pin, keepToken).then(async (choice) => {
    if (choice === pin) void executeCommand(Command.pinClient, clientId);
    if (choice !== keepToken) return;
    // For a launch configuration with "iotConnectivity": {"client": …}: the program gets it as IOT_PASSWORD.
    await keep();
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'The token of {0} is kept in secret storage: a launch configuration that names the device in ' +
          '"iotConnectivity.client" gives it to the program as IOT_PASSWORD.',
        plainText(clientId, 120),
      ),
    );
  });
}
