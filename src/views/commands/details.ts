// "Show Details": the client's record as the API sent it, as JSON in a read-only virtual document
// (scheme iot-connectivity). The document's name is made from the id's safe part; the full id
// stays inside the JSON.
import * as vscode from 'vscode';
import type { ClientState } from '../../core/clientState';
import { clientLabel } from '../../core/clientWords';
import { hashText } from '../../core/text';

export const DETAILS_SCHEME = 'iot-connectivity';
const KEPT = 50;

export class DetailsDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly registration: vscode.Disposable;

  constructor() {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(DETAILS_SCHEME, this);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return (
      this.texts.get(uri.toString()) ?? vscode.l10n.t('// This record is no longer in memory: use Show Details again.')
    );
  }

  uriFor(state: ClientState): vscode.Uri {
    const name =
      clientLabel(state.id)
        .replace(/[^\w.-]+/g, '_')
        .slice(0, 60) || 'client';
    return vscode.Uri.from({ scheme: DETAILS_SCHEME, path: `/clients/${name}-${hashText(state.id)}.json` });
  }

  async show(state: ClientState): Promise<vscode.TextEditor> {
    const uri = this.uriFor(state);
    const key = uri.toString();
    this.texts.delete(key);
    this.texts.set(key, `${JSON.stringify(state.raw, null, 2)}\n`);
    // Only the latest records are kept: details are looked at, not collected.
    for (const old of [...this.texts.keys()].slice(0, Math.max(0, this.texts.size - KEPT))) this.texts.delete(old);
    const doc = await vscode.workspace.openTextDocument(uri);
    return vscode.window.showTextDocument(doc, { preview: true });
  }

  dispose(): void {
    this.registration.dispose();
    this.texts.clear();
  }
}
