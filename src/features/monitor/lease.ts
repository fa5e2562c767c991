// One user's lease on the shared monitor (see sharedMonitor.ts): its clients, their monitor
// topics (what it is delivered), its own listeners and whether it is live. No `vscode` import.

import { watchTopicOf } from '../../core/ids';
import { Emitter, type Disposable, type Listener } from '../../platform/events';
import { silentLog, type PlatformLog } from '../../platform/log';
import { topicMatches } from '../../platform/monitor/subscriptions';
import type { MonitorConnection } from '../../platform/monitor/types';
import type { LeaseEvents, MonitorLease } from './types';
import { messageOf } from '../../core/errors';

/** What a lease needs of its monitor. */
export interface LeaseOwner {
  readonly clientId: string;
  readonly connection: MonitorConnection;
  readonly topics: readonly string[];
  replan(): Promise<void>;
  /** Gives the lease what is known of topics it just added (see SharedMonitor.replay). */
  replay(lease: Lease, topics: readonly string[]): void;
  release(lease: Lease): Promise<void>;
  restart(): void;
}

export class Lease implements MonitorLease {
  private ids: readonly string[] = [];
  /** The concrete monitor topics of its clients (ids with none are not watched). */
  private own = new Set<string>();
  /** Monitor filters it wants everything under (with `+`). */
  private filterList: readonly string[] = [];
  private readonly emitter: Emitter<LeaseEvents>;
  private isLive = false;
  private released = false;

  constructor(
    private readonly owner: LeaseOwner,
    log: PlatformLog = silentLog,
  ) {
    this.emitter = new Emitter((error) => log.error(`monitor: a listener failed: ${messageOf(error)}`));
  }

  get clientId(): string {
    return this.owner.clientId;
  }
  get connection(): MonitorConnection {
    return this.owner.connection;
  }
  get topics(): readonly string[] {
    return this.owner.topics;
  }
  get live(): boolean {
    return this.isLive;
  }
  get clients(): readonly string[] {
    return this.ids;
  }
  get size(): number {
    return this.own.size + this.filterList.length;
  }
  get filters(): readonly string[] {
    return this.filterList;
  }
  /** The concrete monitor topics of its clients. */
  get ownTopics(): ReadonlySet<string> {
    return this.own;
  }

  setClients(ids: readonly string[]): Promise<void> {
    if (this.released) return Promise.resolve();
    const before = this.own;
    this.ids = [...new Set(ids)];
    this.own = new Set(
      this.ids.flatMap((raw) => {
        const topic = watchTopicOf(raw);
        return topic === undefined ? [] : [topic];
      }),
    );
    const done = this.owner.replan();
    this.owner.replay(
      this,
      [...this.own].filter((t) => !before.has(t)),
    );
    return done;
  }

  setFilters(filters: readonly string[]): Promise<void> {
    if (this.released) return Promise.resolve();
    this.filterList = [...new Set(filters)].sort();
    return this.owner.replan();
  }

  restart(): void {
    if (!this.released) this.owner.restart();
  }

  on<K extends keyof LeaseEvents>(name: K, listener: Listener<LeaseEvents[K]>): Disposable {
    return this.emitter.on(name, listener);
  }

  dispose(): void {
    if (this.released) return;
    this.released = true;
    this.emitter.clear();
    this.ids = [];
    this.own = new Set();
    this.filterList = [];
    void this.owner.release(this);
  }

  /** @internal A message on this topic is for this lease. */
  wants(topic: string): boolean {
    return this.own.has(topic) || this.filterList.some((f) => topicMatches(f, topic));
  }

  /** @internal A subscription to `filter` concerns this lease (it covers one of its clients). */
  coveredBy(filter: string): boolean {
    if (this.filterList.some((f) => f === filter || topicMatches(filter, f) || topicMatches(f, filter))) return true;
    if (!filter.includes('+') && !filter.includes('#')) return this.own.has(filter);
    for (const t of this.own) if (topicMatches(filter, t)) return true;
    return false;
  }

  /** @internal */
  every(watched: (topic: string) => boolean): boolean {
    for (const t of this.own) if (!watched(t)) return false;
    return this.filterList.every(watched);
  }

  /** @internal */
  emit<K extends keyof LeaseEvents>(name: K, value: LeaseEvents[K]): void {
    this.emitter.emit(name, value);
  }

  /** @internal */
  setLive(live: boolean): void {
    if (live === this.isLive || this.released) return;
    this.isLive = live;
    this.emitter.emit('live', live);
  }
}
