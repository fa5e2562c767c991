// The server of a watched broker comes back by itself: when the window starts (the server of the last session ended
// with it) and when its platform becomes the active one, the active platform's broker is watched again through the
// same start as "Watch a Broker…" (service.ts): the same data dir in global storage, so the history recorded before
// is there (`observed: "carried"` where the server cannot know what happened meanwhile, platform-contract.md §7.2),
// the password from secret storage. Only a platform whose API key the data dir keeps is started, and not when its
// server answers already (another window runs it). A server that cannot start is said in the Clients tree with its
// own words, and Retry (watchBrokerAgain) or Watch a Broker… (features/watchBroker/resume.ts says what is read).
import * as vscode from 'vscode';
import { messageOf } from '../../core/errors';
import { plainText } from '../../core/text';
import { keptTokenOf, serverAnswers, serverWords, watchedTargetOf } from '../../features/watchBroker/resume';
import { brokerWhere } from '../../features/watchBroker/target';
import type { ComponentLog } from '../../platform/log';
import type { PlatformService } from '../../vscode/platforms/service';
import { settings } from '../../vscode/settings';
import type { WatchedBrokers, WatchStarted } from './service';

/** Why the server is started again. */
export type ResumeCause = 'activation' | 'selected' | 'retry';

export class BrokerResumer implements vscode.Disposable {
  private busy?: Promise<WatchStarted | undefined>;
  private lastActive: string | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly brokers: WatchedBrokers,
    private readonly platforms: PlatformService,
    private readonly log: ComponentLog,
  ) {
    this.lastActive = settings.activePlatform();
    // Selected (Select Platform, or the setting): a change of the chosen platform, not every change of status, nor
    // the first platform standing in when the chosen one was removed.
    this.subscription = platforms.onDidChange(() => {
      const now = settings.activePlatform();
      if (now === this.lastActive) return;
      this.lastActive = now;
      if (now !== undefined) void this.resume('selected');
    });
  }

  /** Starts the server of the active platform's broker unless it runs; undefined when there was nothing to start. */
  resume(cause: ResumeCause): Promise<WatchStarted | undefined> {
    return (this.busy ??= this.run(cause).finally(() => (this.busy = undefined)));
  }

  private async run(cause: ResumeCause): Promise<WatchStarted | undefined> {
    const name = this.platforms.activeName();
    const config = this.platforms.list().find((p) => p.name === name);
    const target = watchedTargetOf(name, this.brokers.remembered());
    if (name === undefined || config === undefined || target === undefined) return this.nothing(cause, 'none');
    if (this.brokers.pidOf(target) !== undefined) return this.nothing(cause, 'running');
    const kept = await keptTokenOf(this.brokers.dataDirOf(target), config);
    // Not this data dir's server (a platform of that name connected by hand): nothing of ours to start.
    if (!kept) return this.nothing(cause, 'none');
    if (await serverAnswers(config, kept.token)) return this.nothing(cause, 'running');
    const where = plainText(brokerWhere(target), 100);
    this.log.info(`starting the server watching ${where} again (${cause})`);
    const password = await this.brokers.storedPassword(target);
    // Another platform chosen meanwhile (or this one removed): the start is given up, nothing is saved.
    const elsewhere = new AbortController();
    const follow = this.platforms.onDidChange(() => this.platforms.activeName() !== name && elsewhere.abort());
    try {
      return await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Window,
          title: vscode.l10n.t('Starting the server that watches {0} again…', where),
        },
        () => this.brokers.start(target, password, elsewhere.signal),
      );
    } catch (error) {
      if (elsewhere.signal.aborted) return undefined;
      const words = plainText(serverWords(messageOf(error)), 500);
      this.log.error(`the server watching ${where} could not start again: ${words}`);
      const message = vscode.l10n.t('The server watching {0} could not start again: {1}', where, words);
      this.platforms.setProblem(name, { message, fix: 'watchAgain' });
      if (cause === 'retry') void vscode.window.showErrorMessage(message);
      return undefined;
    } finally {
      follow.dispose();
    }
  }

  private nothing(cause: ResumeCause, why: 'none' | 'running'): undefined {
    if (cause !== 'retry') return undefined;
    void vscode.window.showInformationMessage(
      why === 'running'
        ? vscode.l10n.t('The server watching the broker of the active platform is running.')
        : vscode.l10n.t('The active platform is not a broker watched with "Watch a Broker…".'),
    );
    return undefined;
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
