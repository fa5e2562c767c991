// The debug session's clients in its Debug Console: `[iot] boiler-1 dropped: keep-alive
// timed out (160) after 47 s paused`. VS Code writes extension output only to the console of the
// focused session (debug.activeDebugConsole), so a family's lines wait (a few) until one of its
// sessions is the active one. `iotConnectivity.debug.consoleLines` turns them off.
import * as vscode from 'vscode';
import { consoleLineWords, type ConsoleLines } from '../../features/debug/consoleLines';
import type { DebugSessions } from '../../features/debug/sessions';
import { settings } from '../../vscode/settings';
import { t } from './text';

const MAX_WAITING = 100;

export class DebugConsoleWriter implements vscode.Disposable {
  private readonly waiting = new Map<string, string[]>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    lines: ConsoleLines,
    private readonly sessions: DebugSessions,
  ) {
    const facts = lines.on('line', ({ rootId, fact }) => {
      if (settings.debugConsoleLines()) this.write(rootId, t(consoleLineWords(fact)));
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
