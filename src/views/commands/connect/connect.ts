// "Connect to Platform…": the steps (or a complete draft given as the argument), one real call
// under cancellable progress, then the token into secret storage, the rest into user settings,
// and the platform made active. A failure says what failed and offers to edit the same input
// again. An argument from outside the extension is asked about first (outsideCall.ts).
import * as vscode from 'vscode';
import { plainText } from '../../../core/text';
import { isCancellation } from '../../../vscode/cancellation';
import { messageOf } from '../../../core/errors';
import type { Log } from '../../../vscode/log';
import { readCaFile } from '../../../features/platforms/caFile';
import { resolvePlatform } from '../../../features/platforms/config';
import { createRestClient, type PlatformService } from '../../../vscode/platforms/service';
import { withUserProgress } from '../../../vscode/progress';
import { Command, type ConnectOutcome } from '../../../shared/commands';
import { executeCommand } from '../../../vscode/commands';
import { runSteps } from '../multiStep';
import { draftFromConfig, draftToConfig, readDraft, type ConnectDraft } from '../../../features/platforms/draft';
import { firstConnectStep } from './steps';
import { confirmOutsideCall, type OutsideQuestion } from '../outsideCall';

export interface ConnectDeps {
  readonly platforms: PlatformService;
  readonly log: Log;
}

/** The argument: a platform's name (edit it), a draft (complete: no more questions), or nothing. */
export async function connectPlatform(deps: ConnectDeps, arg?: unknown, caller?: unknown): Promise<ConnectOutcome> {
  const existing = typeof arg === 'string' ? deps.platforms.list().find((p) => p.name === arg) : undefined;
  const draft = existing ? draftFromConfig(existing) : readDraft(arg);
  const given = Object.values(draft).some((v) => v !== undefined);
  if (given && !(await confirmOutsideCall(caller, question(draft)))) {
    return { ok: false, cancelled: true, message: vscode.l10n.t('Cancelled.') };
  }
  return draftToConfig(draft) && !existing ? attempt(deps, draft) : ask(deps, draft);
}

function question(draft: ConnectDraft): OutsideQuestion {
  const config = draftToConfig({ ...draft, token: draft.token ?? '-' });
  const resolved = config ? resolvePlatform(config) : undefined;
  const where = resolved?.ok ? resolved.platform : { apiUrl: draft.apiUrl, mqttUrl: draft.mqttUrl };
  const name = plainText(draft.name ?? '', 60);
  return {
    question: draft.token
      ? vscode.l10n.t('Connect to platform "{0}" and send it the API key and token given?', name)
      : vscode.l10n.t('Edit platform "{0}" in Connect to Platform?', name),
    where,
    action: vscode.l10n.t('Connect'),
  };
}

async function ask(deps: ConnectDeps, draft: ConnectDraft): Promise<ConnectOutcome> {
  await runSteps(draft, firstConnectStep);
  return attempt(deps, draft);
}

async function verifyDraft(deps: ConnectDeps, draft: ConnectDraft, signal: AbortSignal): Promise<boolean> {
  const config = draftToConfig(draft);
  const resolved = config ? resolvePlatform(config) : undefined;
  if (!config || !resolved?.ok || !draft.token) {
    throw new Error(
      resolved && !resolved.ok ? resolved.problem : vscode.l10n.t("The platform's details are incomplete."),
    );
  }
  deps.log.addSecret(config.apiKey, draft.token);
  const ca = config.caFile ? await readCaFile(config.caFile) : undefined;
  if (ca && !ca.ok) throw new Error(ca.problem);
  const rest = createRestClient(resolved.platform, draft.token, ca?.pem, deps.log);
  try {
    return (await rest.verify(signal)).clientStateEnabled;
  } finally {
    rest.dispose();
  }
}

async function attempt(deps: ConnectDeps, draft: ConnectDraft): Promise<ConnectOutcome> {
  const log = deps.log.for('connect');
  const name = plainText(draft.name ?? '', 60);
  let enabled: boolean;
  try {
    enabled = await withUserProgress(vscode.l10n.t('Connecting to {0}…', name), (signal) =>
      verifyDraft(deps, draft, signal),
    );
  } catch (error) {
    if (isCancellation(error)) return { ok: false, cancelled: true, message: vscode.l10n.t('Cancelled.') };
    const message = vscode.l10n.t(
      'Could not connect to {0}: {1}',
      name,
      deps.log.redact(plainText(messageOf(error), 500)),
    );
    log.warn(message);
    const retry = vscode.l10n.t('Edit and Retry');
    // Not awaited: the command ends now; the person may come back to the same input later.
    void vscode.window.showErrorMessage(message, retry).then(async (choice) => {
      if (choice === retry) await ask(deps, draft).catch((e: unknown) => log.debug(plainText(messageOf(e), 500)));
    });
    return { ok: false, message };
  }
  const config = draftToConfig(draft);
  if (!config || !draft.token) return { ok: false, message: vscode.l10n.t("The platform's details are incomplete.") };
  await deps.platforms.save(config, draft.token);
  log.info(`connected to ${name}; client connection state API ${enabled ? 'on' : 'off'}`);
  if (enabled) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Connected to {0}.', name));
  } else {
    const enable = vscode.l10n.t('Enable Client Connection State API');
    void vscode.window
      .showWarningMessage(
        vscode.l10n.t(
          'Connected to {0}, but its Client Connection State API is switched off; the Clients view needs it.',
          name,
        ),
        enable,
      )
      .then((choice) => {
        if (choice === enable) void executeCommand(Command.enableClientState);
      });
  }
  return { ok: true, name: config.name, clientStateEnabled: enabled };
}
