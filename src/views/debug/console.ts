// The debug session's clients in its Debug Console (issue 12 §7): `[iot] boiler-1 dropped: keep-alive
// timed out (160) after 47 s paused`. VS Code writes extension output only to the console of the
// focused session (debug.activeDebugConsole), so a family's lines wait (a few) until one of its
// sessions is the active one. `iotConnectivity.debug.consoleLines` turns them off.
import * as vscode from 'vscode';
import { clientLabel } from '../../core/clientWords';
import { closeCodeInfo } from '../../core/closeCodes';
import { plainText } from '../../core/text';
import type { ConsoleFact, ConsoleLines } from '../../features/debug/consoleLines';
import type { DebugSessions } from '../../features/debug/sessions';
import { settings } from '../../vscode/settings';

const MAX_WAITING = 100;

function droppedWords(f: Extract<ConsoleFact, { kind: 'dropped' }>, name: string): string {
  if (f.closeCode === undefined) return vscode.l10n.t('[iot] {0} disconnected', name);
  const why = closeCodeInfo(f.closeCode)?.explanation ?? vscode.l10n.t('closed');
  return f.pausedSeconds !== undefined
    ? vscode.l10n.t('[iot] {0} dropped: {1} ({2}) after {3} s paused', name, why, f.closeCode, f.pausedSeconds)
    : vscode.l10n.t('[iot] {0} dropped: {1} ({2})', name, why, f.closeCode);
}

function lineOf(f: ConsoleFact): string {
  const name = clientLabel(f.clientId);
  switch (f.kind) {
    case 'connected': {
      const at = f.endpoint !== undefined ? plainText(f.endpoint, 60) : undefined;
      if (at === undefined) return vscode.l10n.t('[iot] {0} connected', name);
      return f.pid !== undefined
        ? vscode.l10n.t('[iot] {0} connected from {1} (process {2})', name, at, f.pid)
        : vscode.l10n.t('[iot] {0} connected from {1}', name, at);
    }
    case 'dropped':
      return droppedWords(f, name);
    case 'held':
      return vscode.l10n.t('[iot] {0} keep-alive held while the program is paused', name);
    case 'released':
      return vscode.l10n.t('[iot] {0} keep-alive hold released', name);
  }
}

export class DebugConsoleWriter implements vscode.Disposable {
  private readonly waiting = new Map<string, string[]>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    lines: ConsoleLines,
    private readonly sessions: DebugSessions,
  ) {
    const facts = lines.on('line', ({ rootId, fact }) => {
      if (settings.debugConsoleLines()) this.write(rootId, lineOf(fact));
    });
    const finished = sessions.on('finished', ({ root }) => this.waiting.delete(root.id));
    this.subscriptions = [
      { dispose: () => facts.dispose() },
      { dispose: () => finished.dispose() },
      vscode.debug.onDidChangeActiveDebugSession(() => this.flush()),
    ];
  }

  private activeRoot(): string | undefined {
    const active = vscode.debug.activeDebugSession;
    return active ? this.sessions.rootOf(active.id)?.id : undefined;
  }

  private write(rootId: string, line: string): void {
    if (this.activeRoot() === rootId) return vscode.debug.activeDebugConsole.appendLine(line);
    const queue = this.waiting.get(rootId) ?? [];
    if (queue.push(line) > MAX_WAITING) queue.shift();
    this.waiting.set(rootId, queue);
  }

  private flush(): void {
    const root = this.activeRoot();
    const queue = root !== undefined ? this.waiting.get(root) : undefined;
    if (root === undefined || !queue) return;
    this.waiting.delete(root);
    queue.forEach((line) => vscode.debug.activeDebugConsole.appendLine(line));
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.waiting.clear();
  }
}
