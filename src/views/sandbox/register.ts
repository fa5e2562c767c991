// Start/Stop Local Sandbox and the `npm start` handover, registered with the shared services.
import * as path from 'path';
import * as vscode from 'vscode';
import { registerCommand } from '../../vscode/errorHandling';
import type { Log } from '../../vscode/log';
import type { PlatformService } from '../../vscode/platforms/service';
import { Command } from '../commands/ids';
import { takeBootstrap } from './bootstrap';
import { startLocalSandbox, stopLocalSandbox } from './commands';
import { LocalSandbox } from './service';

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
  context.subscriptions.push(
    sandbox,
    registerCommand(deps.log, Command.startLocalSandbox, (arg?: unknown) => startLocalSandbox(sandbox, arg)),
    registerCommand(deps.log, Command.stopLocalSandbox, () => stopLocalSandbox(sandbox)),
  );
  void takeBootstrap(deps.platforms, deps.log);
  return sandbox;
}
