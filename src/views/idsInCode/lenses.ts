// The CodeLenses above lines that hold client ids: `● connected 2 h · 3 drops today (160 ×2, 91)`
// (Show Client…) and `Timeline`. Lenses are placed from the document's ids at once; a lens is
// worded from the lookups' cache when VS Code resolves it (it resolves those on screen), which
// also asks for what is missing. Nothing waits for the network: answers, and what the watcher and
// the tree learn, redraw the lenses of the ids concerned, debounced. Setting
// `iotConnectivity.codeLens`: on, off, or only for pinned ids (per folder of a multi-root workspace).
import * as vscode from 'vscode';
import { plainText } from '../../core/text';
import { lensSpots, MAX_LINES, type LensSpot } from '../../features/idsInCode/lensPlan';
import { lensTitle } from '../../features/idsInCode/lensText';
import { Command } from '../../shared/commands';
import { settings } from '../../vscode/settings';
import type { DocumentIds } from './documents';
import type { IdsSession } from './session';
import { lensWords, timelineLensTitle } from './words';

const REDRAW_MS = 250;

class StatusLens extends vscode.CodeLens {
  constructor(
    range: vscode.Range,
    readonly spot: LensSpot,
  ) {
    super(range);
  }
}

export class IdLenses implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  /** Ids with a lens on screen since the last redraw. */
  private readonly shown = new Set<string>();
  private timer?: ReturnType<typeof setTimeout>;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly session: IdsSession,
    private readonly documents: DocumentIds,
    private readonly isPinned: (clientId: string) => boolean,
  ) {
    this.subscriptions = [
      this.changed,
      session.onDidChange((ids) => {
        if (!ids || ids.some((id) => this.shown.has(id))) this.redraw();
      }),
      vscode.workspace.onDidChangeConfiguration(
        (e) => e.affectsConfiguration('iotConnectivity.codeLens') && this.redraw(),
      ),
      // A large document has lenses only near what is on screen.
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        if (this.documents.matches(e.textEditor.document).length > MAX_LINES) this.redraw();
      }),
    ];
  }

  /** Soon, once, however many changes come. */
  redraw(): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      // VS Code resolves the lenses on screen again, which marks their ids anew.
      this.shown.clear();
      this.changed.fire();
    }, REDRAW_MS);
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const mode = settings.codeLens(document.uri);
    const matches = mode === 'off' || !this.session.active ? [] : this.documents.matches(document);
    if (matches.length === 0) return [];
    const visible = vscode.window.visibleTextEditors
      .filter((e) => e.document === document)
      .flatMap((e) => e.visibleRanges.map((r) => ({ from: r.start.line, to: r.end.line })));
    const spots = lensSpots(matches, this.documents.lines(document), {
      accept: mode === 'pinned' ? this.isPinned : undefined,
      visible,
    });
    const lenses: vscode.CodeLens[] = [];
    for (const spot of spots) {
      const range = new vscode.Range(spot.line, 0, spot.line, 0);
      lenses.push(
        new StatusLens(range, spot),
        new vscode.CodeLens(range, {
          title: timelineLensTitle(),
          command: Command.showTimeline,
          arguments: [spot.clientId],
        }),
      );
    }
    return lenses;
  }

  resolveCodeLens(lens: vscode.CodeLens): vscode.CodeLens {
    if (!(lens instanceof StatusLens)) return lens;
    const { clientId, named } = lens.spot;
    const active = this.session.active;
    this.shown.add(clientId);
    active?.lookups.want([clientId]);
    const title = lensTitle(clientId, active?.lookups.peek(clientId), {
      now: Date.now(),
      platformName: active?.platformName ?? '',
      named,
      words: lensWords(),
    });
    lens.command = { title, command: Command.showClient, arguments: [clientId], tooltip: plainText(clientId, 200) };
    return lens;
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
  }
}
