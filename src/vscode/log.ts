// The extension's one log channel.
import * as vscode from 'vscode';

export function createLog(context: vscode.ExtensionContext): vscode.LogOutputChannel {
  const channel = vscode.window.createOutputChannel('IoT Connectivity', { log: true });
  context.subscriptions.push(channel);
  return channel;
}
