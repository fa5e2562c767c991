// The watcher's notifications, by `iotConnectivity.notify`: while debugging (the default), always,
// or never. A disconnect or failed connect says who and why, with "Show Timeline" and "Unpin"; a
// storm becomes one summary; what reconciliation found after the watcher's own outage is one
// message. When the broker refuses the watcher itself, that is said once, with a fix.
import * as vscode from 'vscode';
import type { Log } from '../../vscode/log';
import type { PresenceTransition } from '../../core/presence/presence';
import { transitionWords } from '../../core/presence/words';
import { onSettingsChanged, settings } from '../../vscode/settings';
import { Setting } from '../../vscode/settingKeys';
import { Command, OWN_CALL } from '../../shared/commands';
import { missedAlerts, missedWords } from '../../features/watcher/missedWords';
import { NotificationPolicy, notifyAllowed, type WatcherNotice } from '../../features/watcher/notifyPolicy';
import { noticeWords } from '../../features/watcher/noticeWords';
import type { WatcherService } from './service';
import { executeCommand } from '../../vscode/commands';
import { plainText } from '../../core/text';
import { DisposableStore } from '../../platform/events';

export class WatcherNotifier implements vscode.Disposable {
  private readonly policy = new NotificationPolicy();
  private timer?: ReturnType<typeof setTimeout>;
  private toldRefused?: string;
  private readonly subscriptions = new DisposableStore();

  constructor(
    private readonly service: WatcherService,
    private readonly log: Log,
  ) {
    this.subscriptions.push(
      service.onDidTransition((t) => {
        if (t.notify === 'alert' && this.explained(t)) {
          return this.log.for('watcher').info(`${transitionWords(t)} (told in the context of its debug session)`);
        }
        const allowed = this.allowed();
        if (!allowed && t.notify === 'alert') {
          this.log
            .for('watcher')
            .info(
              `${transitionWords(t)} (not notified: iotConnectivity.notify is ` +
                `${settings.notify()}${this.debugging() ? '' : ' and no debug session is active'})`,
            );
        }
        this.show(this.policy.offer(t, allowed, Date.now()));
      }),
      onSettingsChanged([Setting.notify], () => this.log.for('watcher').info(`notifications: ${settings.notify()}`)),
      service.onDidReconcile((r) => {
        const words = missedWords(r.missed, r.offlineMs);
        if (words) this.log.for('watcher').info(words);
        if (words && missedAlerts(r.missed) && this.allowed()) void this.warn(words, []);
      }),
      service.onDidChangeConnection((c) => {
        if (c.state !== 'rejected') return void (c.state === 'connected' && (this.toldRefused = undefined));
        if (this.toldRefused === c.reason || settings.notify() === 'never') return;
        this.toldRefused = c.reason;
        void this.refused(c.reason);
      }),
    );
  }

  /** Whether a notification may be shown now. */
  allowed(): boolean {
    return notifyAllowed(settings.notify(), this.debugging());
  }

  /**
   * Whether a debug session runs. VS Code's active session may name one that has ended
   * (docs/debug-adapters.md): the debugging loop's book of sessions, once given, is what counts.
   */
  private debugging: () => boolean = () => vscode.debug.activeDebugSession !== undefined;

  followDebugSessions(running: () => boolean): void {
    this.debugging = running;
  }

  /** A drop another part tells better (a debug session's client dropped because its program was paused). */
  private explained: (t: PresenceTransition) => boolean = () => false;

  leaveToOthers(explained: (t: PresenceTransition) => boolean): void {
    this.explained = explained;
  }

  private show(notice: WatcherNotice | undefined): void {
    this.schedule();
    if (!notice) return;
    const text = noticeWords(notice);
    if (notice.kind === 'storm') return void this.warn(text, [], true);
    if (notice.level === 'info') return void vscode.window.showInformationMessage(text);
    void this.warn(text, [notice.clientId]);
  }

  /** A storm summary is due later: ask again then. */
  private schedule(): void {
    clearTimeout(this.timer);
    const due = this.policy.nextDue();
    if (due !== undefined) {
      this.timer = setTimeout(() => this.show(this.policy.poll(Date.now())), Math.max(0, due - Date.now()));
    }
  }

  private async warn(text: string, clientIds: readonly string[], list = false): Promise<void> {
    const timeline = vscode.l10n.t('Show Timeline');
    const unpin = vscode.l10n.t('Unpin');
    const pinned = vscode.l10n.t('Show Pinned Clients');
    const actions = clientIds.length === 1 ? [timeline, unpin] : list ? [pinned] : [];
    const choice = await vscode.window.showWarningMessage(text, ...actions);
    if (choice === timeline) await executeCommand(Command.showTimeline, clientIds[0]);
    else if (choice === unpin) await executeCommand(Command.unpinClient, clientIds[0]);
    else if (choice === pinned) await executeCommand(Command.showPinned);
  }

  private async refused(reason: string): Promise<void> {
    const fix = vscode.l10n.t('Set Credentials…');
    const showLog = vscode.l10n.t('Show Log');
    const choice = await vscode.window.showErrorMessage(
      vscode.l10n.t('The pinned-client watcher cannot connect: {0}', plainText(reason, 500)),
      fix,
      showLog,
    );
    if (choice === fix) await executeCommand(Command.setCredentials, this.service.platform?.name, OWN_CALL);
    else if (choice === showLog) this.log.show();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subscriptions.dispose();
  }
}
