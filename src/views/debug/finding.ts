// The duplicate client id detective's finding as one notification: the client id, how
// often its two users took it from each other, and each side — its process (PID, command line as
// plain text, whether it is the debugged program) where it is on this machine, else its address.
// Actions: Show Timeline, Copy PID (of the side that is not being debugged, when there is one).
import * as vscode from 'vscode';
import { plainText } from '../../core/text';
import type { DuplicateDetective, Finding, Side } from '../../features/debug/detective';
import { Command } from '../../shared/commands';
import { executeCommand } from '../../vscode/commands';
import type { Log } from '../../vscode/log';
import { settings } from '../../vscode/settings';

function sideWords(s: Side): string {
  const at = plainText(s.endpoint, 60);
  if (s.process) {
    const cmd = plainText(s.process.cmdline.join(' '), 100);
    return s.debugged
      ? vscode.l10n.t('process {0} "{1}" at {2}, the program being debugged', s.process.pid, cmd, at)
      : vscode.l10n.t('process {0} "{1}" at {2}', s.process.pid, cmd, at);
  }
  return s.local
    ? vscode.l10n.t('{0} on this machine (its process was not found)', at)
    : vscode.l10n.t('{0} on another machine', at);
}

function findingWords(f: Finding): string {
  const seconds = Math.max(1, Math.round((f.lastAt - f.firstAt) / 1000));
  const head = vscode.l10n.t(
    'Client id {0} is used by two programs: they took its session from each other {1} times in {2} s (288).',
    plainText(f.clientId, 120),
    f.takeovers,
    seconds,
  );
  const [now, before, ...others] = f.sides;
  const parts = [head];
  if (now) parts.push(vscode.l10n.t('Holding it now: {0}.', sideWords(now)));
  if (before) parts.push(vscode.l10n.t('Taken from: {0}.', sideWords(before)));
  if (others.length > 0) parts.push(vscode.l10n.t('Also: {0}.', others.map(sideWords).join('; ')));
  return parts.join(' ');
}

/** The PID worth copying: a side's that is not the program being debugged (the copy to stop), else any. */
function pidToCopy(f: Finding): number | undefined {
  const withPid = f.sides.filter((s) => s.process !== undefined);
  return (withPid.find((s) => !s.debugged) ?? withPid[0])?.process?.pid;
}

interface FindingShown {
  readonly finding: Finding;
  /** When the notification was asked for (epoch ms). */
  readonly shownAt: number;
}

/** Shows each finding; `onDidShow` tells tests and the benchmark when. */
export class FindingNotifier implements vscode.Disposable {
  private readonly shownEmitter = new vscode.EventEmitter<FindingShown>();
  readonly onDidShow = this.shownEmitter.event;
  private readonly subscription: { dispose(): void };

  constructor(detective: DuplicateDetective, log: Log) {
    this.subscription = detective.on('finding', (f) => {
      const text = findingWords(f);
      log.for('debug').warn(`duplicate client id: ${text}`);
      if (settings.notify() === 'never') return;
      void this.show(f, text);
    });
  }

  private async show(f: Finding, text: string): Promise<void> {
    const timeline = vscode.l10n.t('Show Timeline');
    const copy = vscode.l10n.t('Copy PID');
    const pid = pidToCopy(f);
    const shown = vscode.window.showWarningMessage(text, ...(pid === undefined ? [timeline] : [timeline, copy]));
    this.shownEmitter.fire({ finding: f, shownAt: Date.now() });
    const choice = await shown;
    if (choice === timeline) await executeCommand(Command.showTimeline, f.clientId);
    else if (choice === copy && pid !== undefined) await vscode.env.clipboard.writeText(String(pid));
  }

  dispose(): void {
    this.subscription.dispose();
    this.shownEmitter.dispose();
  }
}
