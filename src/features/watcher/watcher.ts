// The pinned-client watcher of one platform (no `vscode` import: tested in plain mocha against
// the sandbox, and benchmarked). It holds a lease on a monitor connection `a:{org}:{appId}` (the
// window's shared one in the extension, views/monitor; one of its own otherwise) naming the
// pinned clients; each message moves the client's presence (core/presence) and the tally the
// status bar reads, in O(1). The first state comes from retained messages, else from the state
// API; after every reconnect of the link, every pinned client is reconciled. Nothing here throws
// into mqtt.js or the host: problems are kept as facts for the tooltip (which words them).

import { randomBytes } from 'crypto';
import { watchTopicOf } from '../../core/ids';
import { PresenceBook } from '../../core/presence/book';
import type { PresenceSnapshot, PresenceTransition } from '../../core/presence/presence';
import { Emitter, type Disposable, type Listener } from '../../platform/events';
import { silentLog, type PlatformLog } from '../../platform/log';
import type { MonitorConnection } from '../../platform/monitor/types';
import { SharedMonitor } from '../monitor/sharedMonitor';
import type { MonitorLease } from '../monitor/types';
import { InitialReads } from './initialReads';
import { Reconciler } from './reconciler';
import { PinTally } from './tally';
import type {
  LeasedWatchTarget,
  WatchTarget,
  WatcherEvents,
  WatcherOptions,
  WatcherProblem,
  WatcherView,
} from './types';
import { messageOf } from '../../core/errors';

const DEFAULT_GRACE_MS = 1_000;

export class PinnedWatcher implements WatcherView {
  readonly platformName: string;
  readonly tally = new PinTally();
  private readonly book = new PresenceBook();
  private order: string[] = [];
  private readonly lease: MonitorLease;
  /** The connection of its own, when it was given no lease. */
  private readonly own?: SharedMonitor;
  private readonly emitter: Emitter<WatcherEvents>;
  private readonly log: PlatformLog;
  private readonly problemMap = new Map<string, WatcherProblem>();
  private readonly abort = new AbortController();
  private readonly reads: InitialReads;
  private readonly reconciler: Reconciler;
  private readsTimer?: ReturnType<typeof setTimeout>;
  private invalidCount = 0;

  constructor(
    target: WatchTarget | LeasedWatchTarget,
    private readonly options: WatcherOptions = {},
  ) {
    this.platformName = target.platformName;
    this.log = options.log ?? silentLog;
    this.emitter = new Emitter((error) => this.log.error(`watcher: a listener failed: ${messageOf(error)}`));
    if ('lease' in target) {
      this.lease = target.lease;
    } else {
      this.own = new SharedMonitor({
        mqttUrl: target.mqttUrl,
        orgId: target.orgId,
        appId: options.appId ?? `iotc-watch-${randomBytes(6).toString('hex')}`,
        apiKey: target.apiKey,
        apiToken: target.apiToken,
        ca: target.ca,
        rejectUnauthorized: target.rejectUnauthorized,
        backoff: options.backoff,
        keepaliveSeconds: options.keepaliveSeconds,
        coverThreshold: options.coverThreshold,
        log: this.log,
      });
      this.lease = this.own.lease();
    }
    const unknownIds = () => this.book.pinned().filter((id) => this.book.get(id)?.status === 'unknown');
    this.reads = new InitialReads({
      rest: target.rest,
      unknownIds,
      apply: (r) => this.applied(this.book.applyState(r)),
      problem: (m) => this.setProblem('initial', m),
    });
    this.reconciler = new Reconciler(
      {
        rest: target.rest,
        log: this.log,
        pinned: () => this.book.pinned(),
        isPinned: (id) => this.book.isPinned(id),
        applyState: (r) => this.applied(this.book.applyState(r), false),
        problem: (m) => this.setProblem('reconcile', m),
        done: (outcome) => this.emitter.emit('reconciled', outcome),
      },
      this.abort.signal,
      options.reconcileRetry,
    );
    this.lease.on('message', (e) => this.applied(this.book.applyMonitor(e.message, e.retained, e.receivedAt)));
    this.lease.on('invalid', (p) => {
      this.invalidCount++;
      this.setProblem('invalid', {
        kind: 'unreadableMessages',
        count: this.invalidCount,
        lastError: p.error,
        bytes: p.bytes,
      });
    });
    this.lease.on('subscription', (s) =>
      this.setProblem(
        `sub:${s.topic}`,
        s.granted
          ? undefined
          : { kind: 'subscriptionRefused', topic: s.topic, ...(s.reason === undefined ? {} : { reason: s.reason }) },
      ),
    );
    this.lease.on('connection', (c) => this.onConnection(c));
    this.lease.on('reconnected', (event) => void this.reconciler.enqueue(event));
  }

  get connection(): MonitorConnection {
    return this.lease.connection;
  }
  get problems(): readonly WatcherProblem[] {
    return [...this.problemMap.values()];
  }
  get appClientId(): string {
    return this.lease.clientId;
  }

  on<K extends keyof WatcherEvents>(name: K, listener: Listener<WatcherEvents[K]>): Disposable {
    return this.emitter.on(name, listener);
  }

  snapshots(): PresenceSnapshot[] {
    return this.order.map((id) => this.book.get(id)).filter((s): s is PresenceSnapshot => s !== undefined);
  }

  /** Watches exactly these clients: subscribes to what is new, unsubscribes from what is gone. */
  setPins(ids: readonly string[]): Promise<void> {
    const next = new Set(ids);
    for (const id of this.book.pinned()) {
      if (next.has(id)) continue;
      this.book.unpin(id);
      this.tally.remove(id);
      this.reads.forget(id);
    }
    for (const id of next) {
      if (this.book.isPinned(id)) continue;
      this.book.pin(id);
      const s = this.book.get(id);
      if (s) this.tally.set(s);
    }
    this.order = [...next];
    const rejected = this.order.filter((id) => watchTopicOf(id) === undefined).length;
    this.setProblem('rejected', rejected > 0 ? { kind: 'noMonitorTopics', count: rejected } : undefined, false);
    // The lease plans the shared cover at once; its topics are the new ones from here on.
    const subscribed = this.lease.setClients(this.order);
    for (const key of this.problemMap.keys()) {
      if (key.startsWith('sub:') && !this.lease.topics.includes(key.slice(4))) this.problemMap.delete(key);
    }
    this.emitter.emit('changed', undefined);
    return subscribed.then(() => this.scheduleReads());
  }

  /** Tries again at once (after the credentials were fixed, or on request). */
  restart(): void {
    this.lease.restart();
  }

  async dispose(): Promise<void> {
    this.abort.abort();
    clearTimeout(this.readsTimer);
    this.reconciler.dispose();
    this.emitter.clear();
    this.lease.dispose();
    await this.own?.dispose();
  }

  private onConnection(c: MonitorConnection): void {
    this.emitter.emit('connection', c);
    this.emitter.emit('changed', undefined);
    if (c.state === 'connected') this.scheduleReads();
  }

  private scheduleReads(): void {
    if (this.readsTimer !== undefined || this.abort.signal.aborted || this.lease.connection.state !== 'connected') {
      return;
    }
    this.readsTimer = setTimeout(() => {
      this.readsTimer = undefined;
      if (this.lease.connection.state === 'connected') void this.reads.run(this.abort.signal);
    }, this.options.initialGraceMs ?? DEFAULT_GRACE_MS);
  }

  /** `live`: from a message or a first read; reconciliation reports its own (the `reconciled` event). */
  private applied(transitions: PresenceTransition[], live = true): PresenceTransition[] {
    if (transitions.length === 0) return transitions;
    for (const t of transitions) {
      const s = this.book.get(t.clientId);
      if (s) this.tally.set(s);
    }
    // The model first (what the status bar reads), then who reacts to each change.
    this.emitter.emit('changed', undefined);
    if (live) for (const t of transitions) this.emitter.emit('transition', t);
    return transitions;
  }

  private setProblem(key: string, problem: WatcherProblem | undefined, notify = true): void {
    const before = this.problemMap.get(key);
    if (problem === undefined) this.problemMap.delete(key);
    else this.problemMap.set(key, problem);
    if (notify && JSON.stringify(before) !== JSON.stringify(problem)) this.emitter.emit('changed', undefined);
  }
}
