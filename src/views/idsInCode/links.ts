// Ctrl+click on a client id opens its connection timeline: a document link whose target is the
// extension's own Show Timeline command with the id as its argument (an id too long to carry gets
// no link). Every id gets its link up to MAX_ALL_LINKED ids; a document with more gets links near
// what is on screen when VS Code asks (it asks again when the document changes).
import * as vscode from 'vscode';
import { commandUri, MAX_LINKED_ID } from '../../features/idsInCode/hoverActions';
import { WINDOW_MARGIN } from '../../features/idsInCode/lensPlan';
import { Command } from '../../shared/commands';
import type { DocumentIds } from './documents';
import { linkTooltip } from './words';

const MAX_ALL_LINKED = 5_000;

export class IdLinks implements vscode.DocumentLinkProvider {
  constructor(private readonly documents: DocumentIds) {}

  provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    const matches = this.documents.matches(document);
    if (matches.length === 0) return [];
    const visible = vscode.window.visibleTextEditors
      .filter((e) => e.document === document)
      .flatMap((e) => e.visibleRanges.map((r) => ({ from: r.start.line, to: r.end.line })));
    const tooltip = linkTooltip();
    const links: vscode.DocumentLink[] = [];
    const lines = this.documents.lines(document);
    const near = (line: number) =>
      matches.length <= MAX_ALL_LINKED ||
      visible.some((v) => line >= v.from - WINDOW_MARGIN && line <= v.to + WINDOW_MARGIN);
    matches.forEach((m, i) => {
      if (m.clientId.length > MAX_LINKED_ID || !near(lines[i])) return;
      const link = new vscode.DocumentLink(
        this.documents.range(document, m),
        vscode.Uri.parse(commandUri(Command.showTimeline, m.clientId)),
      );
      link.tooltip = tooltip;
      links.push(link);
    });
    return links;
  }
}
