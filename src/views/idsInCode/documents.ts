// The ids of the documents on screen, read once per version of the document and of the index of
// known ids (recognition is linear, but a lens, a link and a hover should not each pay for it).
// Only documents in a visible editor, and none over 1 MiB, are read; a closed one is forgotten.
import * as vscode from 'vscode';
import { lineNumbers } from '../../features/idsInCode/lensPlan';
import { matchAt, MAX_DOCUMENT_CHARS, recogniseIds, type IdMatch } from '../../features/idsInCode/recognise';
import type { IdsSession } from './session';

interface Read {
  readonly version: number;
  readonly indexVersion: number;
  readonly orgId?: string;
  readonly matches: readonly IdMatch[];
  lines?: readonly number[];
}

export class DocumentIds implements vscode.Disposable {
  private readonly reads = new Map<string, Read>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly session: IdsSession) {
    this.subscription = vscode.workspace.onDidCloseTextDocument((d) => this.reads.delete(d.uri.toString()));
  }

  /** Whether the document is shown in an editor now. */
  static visible(document: vscode.TextDocument): boolean {
    return vscode.window.visibleTextEditors.some((e) => e.document === document);
  }

  /** The ids of a document on screen, in order; none for one that is not. */
  matches(document: vscode.TextDocument): readonly IdMatch[] {
    return DocumentIds.visible(document) ? this.read(document).matches : [];
  }

  /** The line of each match of matches(). */
  lines(document: vscode.TextDocument): readonly number[] {
    const read = this.read(document);
    read.lines ??= lineNumbers(document.getText(), read.matches);
    return read.lines;
  }

  /** The id at a position (its end included). */
  at(document: vscode.TextDocument, position: vscode.Position): IdMatch | undefined {
    return matchAt(this.read(document).matches, document.offsetAt(position));
  }

  range(document: vscode.TextDocument, m: { readonly start: number; readonly end: number }): vscode.Range {
    return new vscode.Range(document.positionAt(m.start), document.positionAt(m.end));
  }

  private read(document: vscode.TextDocument): Read {
    const key = document.uri.toString();
    const index = this.session.index;
    const orgId = this.session.active?.orgId;
    const before = this.reads.get(key);
    if (
      before &&
      before.version === document.version &&
      before.indexVersion === index.version &&
      before.orgId === orgId
    ) {
      return before;
    }
    // The length without building the text: a document over the limit is not even read.
    const length = document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
    const matches = length > MAX_DOCUMENT_CHARS ? [] : recogniseIds(document.getText(), { known: index, orgId });
    const read: Read = { version: document.version, indexVersion: index.version, orgId, matches };
    this.reads.set(key, read);
    return read;
  }

  dispose(): void {
    this.subscription.dispose();
    this.reads.clear();
  }
}
