// Writes the test workspace's .vscode/settings.json as a hostile workspace would (by hand, not
// through the configuration API, which refuses application settings there) and waits until VS Code
// has read it. The configuration service learns of the file from the file service's event; when
// `.vscode` itself is new, VS Code 1.93 now and then misses that first event, so the same content
// is written again until it is read.
import * as path from 'path';
import * as vscode from 'vscode';
import { waitFor } from '../../support/waitFor';

/** `pageSize` is a window setting a workspace may set: its workspace value shows the file was read. */
export async function writeWorkspaceSettings(
  settings: Record<string, unknown> & { 'iotConnectivity.pageSize': number },
) {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!folder) throw new Error('the tests run with a workspace folder');
  const file = vscode.Uri.file(path.join(folder, '.vscode', 'settings.json'));
  const read = () =>
    vscode.workspace.getConfiguration('iotConnectivity').inspect('pageSize')?.workspaceValue ===
    settings['iotConnectivity.pageSize'];
  for (let attempt = 1; ; attempt++) {
    await vscode.workspace.fs.writeFile(file, Buffer.from(JSON.stringify(settings)));
    try {
      await waitFor('the workspace settings to be read', read, { timeoutMs: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** Removes the workspace's .vscode folder (and with it the settings written above). */
export async function removeWorkspaceSettings(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!folder) return;
  await vscode.workspace.fs.delete(vscode.Uri.file(path.join(folder, '.vscode')), { recursive: true });
}
