// The watcher of the active platform, kept in step with the platform settings, its token and the
// pins: one PinnedWatcher (a lease on the window's monitor connection, views/monitor) while the
// active platform is ready and something is pinned on it; none otherwise, with the reason why.
import * as vscode from 'vscode';
import { orgFromApiKey } from '../../core/ids';
import type { PresenceSnapshot, PresenceTransition } from '../../core/presence/presence';
import type { Log } from '../../vscode/log';
import type { ActivePlatform } from '../../features/platforms/active';
import type { PlatformService } from '../../vscode/platforms/service';
import type { MonitorLease } from '../../features/monitor/types';
import type { WindowMonitor } from '../../features/monitor/windowMonitor';
import type { PinStore } from './pinStore';
import type { NotWatching, WatcherConnection } from '../../features/watcher/statusModel';
import { PinTally, type TallyView } from '../../features/watcher/tally';
import type { ReconcileOutcome, WatcherProblem } from '../../features/watcher/types';
import { PinnedWatcher } from '../../features/watcher/watcher';
import { messageOf } from '../../core/errors';
import { DisposableStore } from '../../platform/events';

export interface WatchedPlatform {
  readonly name: string;
  readonly orgId?: string;
}

export class WatcherService implements vscode.Disposable {
  private readonly changedEmitter = new vscode.EventEmitter<void>();
  private readonly transitionEmitter = new vscode.EventEmitter<PresenceTransition>();
  private readonly reconciledEmitter = new vscode.EventEmitter<ReconcileOutcome>();
  private readonly connectionEmitter = new vscode.EventEmitter<WatcherConnection>();
  /** The status changed: read connection/tally/problems/snapshots. */
  readonly onDidChange = this.changedEmitter.event;
  readonly onDidTransition = this.transitionEmitter.event;
  readonly onDidReconcile = this.reconciledEmitter.event;
  readonly onDidChangeConnection = this.connectionEmitter.event;
  private watcher?: { instance: PinnedWatcher; platform: ActivePlatform; subscriptions: DisposableStore };
  private current?: WatchedPlatform;
  private unavailable: WatcherConnection = { state: 'unavailable', why: { kind: 'noPlatform' } };
  private readonly emptyTally = new PinTally();
  private pinsOff: readonly string[] = [];
  /** Clients watched for a while without being pinned (a debug session's, for its lifetime). */
  private transient: readonly string[] = [];
  private syncing: Promise<void> = Promise.resolve();
  private readonly subscriptions = new DisposableStore();
  private disposed = false;

  constructor(
    private readonly platforms: PlatformService,
    private readonly pins: PinStore,
    private readonly monitors: WindowMonitor,
    private readonly log: Log,
  ) {
    this.subscriptions.push(
      platforms.onDidChange(() => void this.sync()),
      pins.onDidChange(() => void this.sync()),
      this.changedEmitter,
      this.transitionEmitter,
      this.reconciledEmitter,
      this.connectionEmitter,
    );
    void this.sync();
  }

  /** The active platform, once known (pins are kept per platform name). */
  get platform(): WatchedPlatform | undefined {
    return this.current;
  }
  get connection(): WatcherConnection {
    return this.watcher?.instance.connection ?? this.unavailable;
  }
  get tally(): TallyView {
    return this.watcher?.instance.tally ?? this.offTally();
  }
  get problems(): readonly WatcherProblem[] {
    return this.watcher?.instance.problems ?? [];
  }

  /** The pinned clients of the active platform with what is known of them, in pin order. */
  snapshots(): PresenceSnapshot[] {
    return (
      this.watcher?.instance.snapshots() ?? this.pinsOff.map((clientId) => ({ clientId, status: 'unknown' as const }))
    );
  }

  /** Watches these clients too, as pinned, until told otherwise; they are not stored as pins. */
  setTransientPins(ids: readonly string[]): Promise<void> {
    if (ids.length === this.transient.length && ids.every((id, i) => id === this.transient[i])) return this.syncing;
    this.transient = [...ids];
    return this.sync();
  }

  /** Clients watched only for a while (a debug session's), not pinned by the person. */
  transientIds(): ReadonlySet<string> {
    const name = this.current?.name;
    return new Set(this.transient.filter((id) => name === undefined || !this.pins.has(name, id)));
  }

  /** After "Set Credentials…" or on request: connect again at once. */
  restart(): void {
    this.watcher?.instance.restart();
  }

  /** Brings the watcher in line with the active platform and its pins (one step at a time). */
  sync(): Promise<void> {
    this.syncing = this.syncing
      .then(() => this.syncOnce())
      .catch((error: unknown) => this.log.for('watcher').error(`sync failed: ${messageOf(error)}`));
    return this.syncing;
  }

  private async syncOnce(): Promise<void> {
    if (this.disposed) return;
    const status = await this.platforms.status();
    if (status.kind !== 'ready') {
      this.current = status.kind === 'problem' && status.name ? { name: status.name } : undefined;
      await this.stop(
        status.kind === 'problem' ? { kind: 'platformProblem', message: status.message } : { kind: 'noPlatform' },
        this.current ? this.pins.list(this.current.name) : [],
      );
      return;
    }
    const { platform } = status;
    const orgId = platform.resolved.orgId ?? orgFromApiKey(platform.resolved.apiKey);
    this.current = { name: platform.name, orgId };
    const ids = [...new Set([...this.pins.list(platform.name), ...this.transient])];
    if (this.watcher && this.watcher.platform !== platform) await this.stop({ kind: 'platformChanged' });
    if (ids.length === 0) return this.stop({ kind: 'nothingPinned' }, []);
    if (!this.watcher) {
      const leased = this.monitors.lease(platform);
      if (!leased.ok) return this.stop({ kind: 'noMonitor', detail: leased.reason }, ids);
      this.start(platform, leased.lease);
    }
    await this.watcher?.instance.setPins(ids);
  }

  private start(platform: ActivePlatform, lease: MonitorLease): void {
    const instance = new PinnedWatcher(
      { platformName: platform.name, lease, rest: platform.rest },
      { log: this.log.for('watcher') },
    );
    const subscriptions = new DisposableStore();
    subscriptions.push(
      instance.on('changed', () => this.changedEmitter.fire()),
      instance.on('transition', (t) => this.transitionEmitter.fire(t)),
      instance.on('reconciled', (r) => this.reconciledEmitter.fire(r)),
      instance.on('connection', (c) => this.connectionEmitter.fire(c)),
    );
    this.watcher = { instance, platform, subscriptions };
    this.log.for('watcher').info(`watching the pins of ${platform.name} as ${instance.appClientId}`);
  }

  private async stop(why: NotWatching, pinsOff: readonly string[] = []): Promise<void> {
    const w = this.watcher;
    this.watcher = undefined;
    this.unavailable = { state: 'unavailable', why };
    this.pinsOff = pinsOff;
    if (w) {
      w.subscriptions.dispose();
      await w.instance.dispose();
    }
    this.connectionEmitter.fire(this.unavailable);
    this.changedEmitter.fire();
  }

  private offTally(): TallyView {
    const t = new PinTally();
    for (const clientId of this.pinsOff) t.set({ clientId, status: 'unknown' });
    return t.total > 0 ? t : this.emptyTally;
  }

  dispose(): void {
    this.disposed = true;
    const w = this.watcher;
    this.watcher = undefined;
    w?.subscriptions.dispose();
    void w?.instance.dispose();
    this.subscriptions.dispose();
  }
}
