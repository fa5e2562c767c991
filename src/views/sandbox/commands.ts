// "Start Local Sandbox" and "Stop Local Sandbox". Start takes an optional `{ fleetSize }` (the
// walkthrough and tests pass one); otherwise the setting decides. Both say what happened.
import * as vscode from 'vscode';
import { settings } from '../../vscode/settings';
import { MAX_LOCAL_FLEET } from '../../vscode/settingKeys';
import { withUserProgress } from '../../vscode/progress';
import { Command, type StartedSandbox } from '../../shared/commands';
import { executeCommand } from '../../vscode/commands';
import type { LocalSandbox } from './service';

const CLIENTS_VIEW_COMMAND = 'iotConnectivity.clients.focus';

function fleetSizeOf(arg: unknown): number {
  const n = (arg as { fleetSize?: unknown } | null | undefined)?.fleetSize;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= MAX_LOCAL_FLEET
    ? n
    : settings.localSandboxFleetSize();
}

export async function startLocalSandbox(sandbox: LocalSandbox, arg?: unknown): Promise<StartedSandbox> {
  const fleetSize = fleetSizeOf(arg);
  const title =
    fleetSize > 0
      ? vscode.l10n.t('Starting the local sandbox with {0} simulated clients…', fleetSize)
      : vscode.l10n.t('Starting the local sandbox…');
  const { ready, alreadyRunning } = await withUserProgress(title, (signal) => sandbox.start(fleetSize, signal));
  void vscode.commands.executeCommand(CLIENTS_VIEW_COMMAND);
  const stop = vscode.l10n.t('Stop');
  const message = alreadyRunning
    ? vscode.l10n.t('The local sandbox is already running; it is the active platform.')
    : vscode.l10n.t(
        'The local sandbox is running (API {0}, MQTT {1}). It stops when this window closes.',
        ready.apiUrl,
        ready.mqttUrl,
      );
  void vscode.window.showInformationMessage(message, stop).then((choice) => {
    if (choice === stop) void executeCommand(Command.stopLocalSandbox);
  });
  return { pid: sandbox.pid ?? 0, apiUrl: ready.apiUrl, mqttUrl: ready.mqttUrl, fleetSize, alreadyRunning };
}

export async function stopLocalSandbox(sandbox: LocalSandbox): Promise<boolean> {
  const stopped = await sandbox.stop();
  void vscode.window.showInformationMessage(
    stopped
      ? vscode.l10n.t(
          'The local sandbox stopped; its clients were closed with code 93 (server shutdown). Its data is kept for ' +
            'the next start.',
        )
      : vscode.l10n.t('The local sandbox is not running in this window.'),
  );
  return stopped;
}
