// Start/Stop Local Sandbox, registered with the shared services (npm start's handover: handover.ts).
import * as path from 'path';
import * as vscode from 'vscode';
import type { Log } from '../../vscode/log';
import type { PlatformService } from '../../vscode/platforms/service';
import { Command, type CommandHandlers } from '../../shared/commands';
import { startLocalSandbox, stopLocalSandbox } from './commands';
import { ownSandboxDataDir } from './handover';
import { LocalSandbox } from './service';

export interface LocalSandboxDeps {
  readonly log: Log;
  readonly platforms: PlatformService;
}

export function registerLocalSandbox(context: vscode.ExtensionContext, deps: LocalSandboxDeps): LocalSandbox {
  const sandbox = new LocalSandbox({
    ...deps,
    cliPath: context.asAbsolutePath(path.join('dist', 'sandbox.js')),
    dataDir: ownSandboxDataDir(context),
  });
  context.subscriptions.push(sandbox);
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
