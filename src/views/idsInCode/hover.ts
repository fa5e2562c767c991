// The hover of a client id: its state in the Clients tree's tooltip words, today's drops, or why
// nothing is known, and links that are the extension's own commands with the id as their checked
// argument (enabledCommands: no other command can run from it; text from the wire is escaped and
// never a link). A hover is asked for: it waits a moment for an answer already on its way (the
// editor does not wait, VS Code shows "Loading…"), then says what is known.
import * as vscode from 'vscode';
import { commandUri, hoverActions, HOVER_COMMANDS } from '../../features/idsInCode/hoverActions';
import { hoverMarkdown } from '../../features/idsInCode/hoverText';
import type { Lookup } from '../../features/idsInCode/lookupTypes';
import type { DocumentIds } from './documents';
import type { IdsSession } from './session';
import { actionLabel, hoverWords } from './words';

/** How long a hover waits for a lookup in flight. */
const HOVER_WAIT_MS = 1_500;

export class IdHovers implements vscode.HoverProvider {
  constructor(
    private readonly session: IdsSession,
    private readonly documents: DocumentIds,
    private readonly isPinned: (clientId: string) => boolean,
  ) {}

  async provideHover(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.Hover | undefined> {
    const match = this.documents.at(document, position);
    const active = this.session.active;
    if (!match || !active) return undefined;
    const { clientId } = match;
    active.lookups.want([clientId]);
    const lookup = await this.answer(clientId, token);
    if (token.isCancellationRequested) return undefined;
    const actions = hoverActions(clientId, lookup, {
      trusted: vscode.workspace.isTrusted,
      pinned: this.isPinned(clientId),
      orgId: active.orgId,
    });
    const markdown = hoverMarkdown(clientId, lookup, {
      now: Date.now(),
      platformName: active.platformName,
      words: hoverWords(),
      links: actions.map((a) => ({ label: actionLabel(a.kind), uri: commandUri(a.command, a.arg) })),
    });
    const contents = new vscode.MarkdownString(markdown);
    contents.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
    contents.supportHtml = false;
    contents.supportThemeIcons = false;
    return new vscode.Hover(contents, this.documents.range(document, match));
  }

  /** The lookup once it is no longer pending, or after HOVER_WAIT_MS, or when the hover is cancelled. */
  private answer(clientId: string, token: vscode.CancellationToken): Promise<Lookup | undefined> {
    const now = () => this.session.active?.lookups.peek(clientId);
    const settled = (l: Lookup | undefined) => l !== undefined && l.kind !== 'pending';
    if (settled(now())) return Promise.resolve(now());
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        listener.dispose();
        cancel.dispose();
        resolve(now());
      };
      const timer = setTimeout(done, HOVER_WAIT_MS);
      const listener = this.session.onDidChange((ids) => (!ids || ids.includes(clientId)) && settled(now()) && done());
      const cancel = token.onCancellationRequested(done);
    });
  }
}
