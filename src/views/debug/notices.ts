// What the debugging loop tells in notifications: a session's client dropped for
// silence because its program was paused — with Show Timeline, and Hold Keep-Alive While Paused
// where the platform can hold and the setting is off — and, once per platform, that a paused
// program's clients cannot be held there (with the way out: a longer keep-alive in debug builds).
import * as vscode from 'vscode';
import { clientLabel } from '../../core/clientWords';
import { plainText } from '../../core/text';
import { keepAliveFactor } from '../../features/debug/countdown';
import type { DebugLoop } from '../../features/debug/loop';
import type { PausedDrop } from '../../features/debug/pausedDrop';
import { pausedDropWords } from '../../features/debug/words';
import { Command } from '../../shared/commands';
import { executeCommand } from '../../vscode/commands';
import type { Log } from '../../vscode/log';
import { settings, updateUserSetting } from '../../vscode/settings';
import { Setting } from '../../vscode/settingKeys';
import { t } from './text';

export class DebugNotices implements vscode.Disposable {
  /** Platforms already told that they cannot hold (once per window). */
  private readonly told = new Set<string>();
  private readonly subscriptions: { dispose(): void }[];

  constructor(
    private readonly loop: DebugLoop,
    private readonly log: Log,
  ) {
    this.subscriptions = [
      loop.on('pausedDrop', (d) => void this.dropped(d)),
      loop.keeper.on('notHeld', (n) => void this.notHeld(n.platform, n.reason)),
    ];
  }

  private async dropped(d: PausedDrop): Promise<void> {
    const text = t(pausedDropWords(d, plainText(clientLabel(d.clientId), 80)));
    this.log.for('debug').info(text);
    const timeline = vscode.l10n.t('Show Timeline');
    const hold = vscode.l10n.t('Hold Keep-Alive While Paused');
    const offerHold = this.loop.canHold && !settings.debugHoldKeepAlive();
    const choice = await vscode.window.showWarningMessage(text, ...(offerHold ? [timeline, hold] : [timeline]));
    if (choice === timeline) await executeCommand(Command.showTimeline, d.clientId);
    else if (choice === hold) await updateUserSetting(Setting.debugHoldKeepAlive, true);
  }

  private async notHeld(platform: string, reason: string): Promise<void> {
    // Turned off by the person: nothing to tell.
    if (reason === 'off' || this.told.has(platform)) return;
    this.told.add(platform);
    const name = plainText(platform, 60);
    const text =
      reason === 'cannot hold'
        ? vscode.l10n.t(
            "{0} cannot hold a paused program's keep-alive: at a breakpoint, its clients are dropped after their " +
              'keep-alive × {1}. A longer keep-alive in debug builds avoids that.',
            name,
            keepAliveFactor(this.loop.sourceKind),
          )
        : vscode.l10n.t(
            "The keep-alive of a paused program's clients could not be held on {0}: {1}. A longer keep-alive in " +
              'debug builds avoids drops at breakpoints.',
            name,
            plainText(reason, 200),
          );
    this.log.for('debug').info(text);
    await vscode.window.showInformationMessage(text);
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
  }
}
