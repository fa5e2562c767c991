// The read-only documents "Register Device…" opens (scheme iot-connectivity-device). They hold a
// device token, so each is forgotten as soon as its tab closes (or its document), and only a few
// are kept.
import * as vscode from 'vscode';
import { hashText } from '../../core/text';
import { DisposableStore } from '../../platform/events';

export const DEVICE_SCHEME = 'iot-connectivity-device';
const KEPT = 10;

export class DeviceDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fired when a text is forgotten: VS Code then asks again and the token leaves its copy too. */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions = new DisposableStore();

  constructor() {
    this.subscriptions.push(
      vscode.workspace.registerTextDocumentContentProvider(DEVICE_SCHEME, this),
      // Its tab closed is "closed" for the person; VS Code may keep the document a while longer.
      vscode.window.tabGroups.onDidChangeTabs((e) => {
        for (const tab of e.closed) {
          if (tab.input instanceof vscode.TabInputText && tab.input.uri.scheme === DEVICE_SCHEME) {
            this.forget(tab.input.uri);
          }
        }
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.texts.delete(doc.uri.toString())),
      this.changed,
    );
  }

  private forget(uri: vscode.Uri): void {
    const stillShown = vscode.window.tabGroups.all.some((g) =>
      g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString()),
    );
    if (stillShown || !this.texts.delete(uri.toString())) return;
    this.changed.fire(uri);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return (
      this.texts.get(uri.toString()) ??
      vscode.l10n.t("This device's connection details are no longer in memory: its token was shown once.")
    );
  }

  async show(clientId: string, text: string): Promise<vscode.Uri> {
    const name = clientId.replace(/[^\w.-]+/g, '_').slice(0, 80) || 'device';
    const uri = vscode.Uri.from({
      scheme: DEVICE_SCHEME,
      path: `/devices/${name}-${hashText(`${clientId}${Date.now()}`)}.md`,
    });
    this.texts.set(uri.toString(), text);
    for (const old of [...this.texts.keys()].slice(0, Math.max(0, this.texts.size - KEPT))) this.texts.delete(old);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    return uri;
  }

  dispose(): void {
    this.subscriptions.dispose();
    this.texts.clear();
  }
}
