// Start/Stop Local Sandbox and the `npm start` handover, registered with the shared services.
import * as path from 'path';
import * as vscode from 'vscode';
import type { Log } from '../../vscode/log';
import type { PlatformService } from '../../vscode/platforms/service';
import { Command, type CommandHandlers } from '../../shared/commands';
import { takeBootstrap } from '../../features/localSandbox/bootstrap';
import { startLocalSandbox, stopLocalSandbox } from './commands';
import { LocalSandbox } from './service';

/** contributes.walkthroughs[0].id in package.json. */
const WALKTHROUGH_ID = 'gettingStarted';
const WALKTHROUGH_SHOWN = 'iotConnectivity.walkthroughShown';

export interface LocalSandboxDeps {
  readonly log: Log;
  readonly platforms: PlatformService;
}

export function registerLocalSandbox(context: vscode.ExtensionContext, deps: LocalSandboxDeps): LocalSandbox {
  const sandbox = new LocalSandbox({
    ...deps,
    cliPath: context.asAbsolutePath(path.join('dist', 'sandbox.js')),
    dataDir: path.join(context.globalStorageUri.fsPath, 'sandbox'),
  });
  context.subscriptions.push(sandbox);
  // Launched by npm start: the first time, the walkthrough opens beside the fleet.
  void takeBootstrap(deps.platforms, deps.log).then(async (taken) => {
    if (!taken || context.globalState.get(WALKTHROUGH_SHOWN)) return;
    await context.globalState.update(WALKTHROUGH_SHOWN, true);
    await vscode.commands.executeCommand(
      'workbench.action.openWalkthrough',
      `${context.extension.id}#${WALKTHROUGH_ID}`,
      true,
    );
  });
  return sandbox;
}

export function localSandboxCommands(
  sandbox: LocalSandbox,
): Pick<CommandHandlers, typeof Command.startLocalSandbox | typeof Command.stopLocalSandbox> {
  return {
    [Command.startLocalSandbox]: (arg) => startLocalSandbox(sandbox, arg),
    [Command.stopLocalSandbox]: () => stopLocalSandbox(sandbox),
  };
}
