// Wiring only: each feature registers itself with the context and the shared services.
import * as vscode from 'vscode';
import { createLog } from './vscode/log';

export function activate(context: vscode.ExtensionContext): void {
  const log = createLog(context);
  context.subscriptions.push(
    vscode.commands.registerCommand('iotConnectivity.showLog', () => log.show()),
  );
  log.info('[extension] activated');
}

export function deactivate(): void {}
