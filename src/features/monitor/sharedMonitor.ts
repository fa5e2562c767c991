// One monitor connection `a:{org}:{appId}` shared by all its users (no `vscode` import: tested in
// plain mocha against the sandbox). Each user holds a lease naming the clients it wants; the
// subscriptions are the cheapest cover of all leases' clients together (core/monitorCover: one
// plan, one filter), and each message reaches only the leases that asked for its client. The
// connection opens with the first client wanted and closes when none is wanted any more, so no
// idle application client lingers on the platform. A lease that joins a topic already subscribed
// gets no retained message from the broker: it is given the last message seen there instead.

import { planCover, type CoverPlan } from '../../core/monitorCover';
import { DisposableStore } from '../../platform/events';
import { MonitorClient } from '../../platform/monitor/monitorClient';
import { topicMatches } from '../../platform/monitor/subscriptions';
import type { MonitorConnection, MonitorEvent, MonitorEvents, MonitorOptions } from '../../platform/monitor/types';
import { Lease } from './lease';
import type { LeaseEvents, MonitorLease } from './types';

export interface SharedMonitorOptions extends MonitorOptions {
  /** Most exact monitor topics before wildcards (core/monitorCover). */
  readonly coverThreshold?: number;
  /** An earlier connection with the same id, still closing: this one connects after it. */
  readonly startAfter?: Promise<void>;
}

export class SharedMonitor {
  private readonly leases = new Set<Lease>();
  /** Made ahead, started with the first client wanted; replaced by a fresh one when it closes. */
  private client: MonitorClient;
  private readonly clientSubscriptions = new DisposableStore();
  private started = false;
  private closing: Promise<void>;
  private topicList: readonly string[] = [];
  private liveScheduled = false;
  /** The last message on each topic a lease wants: what a lease joining it is told first. */
  private readonly last = new Map<string, MonitorEvent>();
  private disposed = false;

  /** Throws at once when the broker URL is not usable (a configuration error, not a lease's). */
  constructor(private readonly options: SharedMonitorOptions) {
    this.closing = options.startAfter ?? Promise.resolve();
    this.client = this.prepare();
  }

  get clientId(): string {
    return this.client.clientId;
  }
  get connection(): MonitorConnection {
    return this.disposed ? { state: 'closed' } : this.client.state;
  }
  /** The planned topics, for all leases together. */
  get topics(): readonly string[] {
    return this.topicList;
  }
  /** The topics the broker granted on the current connection. */
  get subscribed(): readonly string[] {
    return this.disposed ? [] : this.client.topics;
  }
  /** How many leases want something (for tests and the log). */
  get users(): number {
    return [...this.leases].filter((l) => l.size > 0).length;
  }

  lease(): MonitorLease {
    const lease = new Lease(this, this.options.log);
    if (!this.disposed) this.leases.add(lease);
    return lease;
  }

  restart(): void {
    if (this.started) this.client.restart();
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    this.detach();
    const leases = [...this.leases];
    this.leases.clear();
    for (const l of leases) l.emit('connection', { state: 'closed' });
    await Promise.all([this.closing, this.client.dispose()]);
  }

  /** @internal A lease's clients changed: plans the cover of all of them together. */
  replan(): Promise<void> {
    if (this.disposed) return Promise.resolve();
    const wanted = new Set<string>();
    const topics = new Set<string>();
    const filters = new Set<string>();
    for (const l of this.leases) {
      for (const id of l.clients) wanted.add(id);
      for (const t of l.ownTopics) topics.add(t);
      for (const f of l.filters) filters.add(f);
    }
    for (const t of this.last.keys()) if (!topics.has(t)) this.last.delete(t);
    const plan = withFilters(planCover(wanted, { threshold: this.options.coverThreshold }), [...filters]);
    this.topicList = plan.topics;
    if (plan.topics.length === 0) {
      this.close();
      this.scheduleLive();
      return Promise.resolve();
    }
    const client = this.client;
    const done = client.setPlan(plan);
    if (!this.started) {
      this.started = true;
      // A connection still closing keeps the id: the new one connects after it, never beside it.
      void this.closing.then(() => client === this.client && client.start());
    }
    this.scheduleLive();
    return done.then(() => this.scheduleLive());
  }

  /** @internal The last message on each of these topics, as the retained state it stands for
   *  (the broker sends retained messages only to a new subscription, not to a new lease). */
  replay(lease: Lease, topics: readonly string[]): void {
    const known = topics.map((t) => this.last.get(t)).filter((e): e is MonitorEvent => e !== undefined);
    if (known.length > 0) {
      queueMicrotask(() =>
        known.forEach((e) => lease.wants(e.topic) && lease.emit('message', { ...e, retained: true })),
      );
    }
  }

  /** @internal */
  release(lease: Lease): Promise<void> {
    return this.leases.delete(lease) ? this.replan() : Promise.resolve();
  }

  private prepare(): MonitorClient {
    const client = new MonitorClient(this.options);
    const each = <K extends keyof MonitorEvents>(name: K, wants: (l: Lease, value: MonitorEvents[K]) => boolean) =>
      client.on(name, (value) => {
        // Only what some lease names by client is kept: a filter's flood (every client) is not.
        const topic = (value as MonitorEvent).topic;
        if (name === 'message' && this.isOwnTopic(topic)) this.last.set(topic, value as MonitorEvent);
        for (const l of this.leases) if (wants(l, value)) l.emit(name, value as LeaseEvents[K]);
        if (name !== 'message' && name !== 'invalid') this.scheduleLive();
      });
    this.clientSubscriptions.push(
      each('message', (l, e) => l.wants(e.topic)),
      each('invalid', (l, p) => l.wants(p.topic)),
      each('subscription', (l, s) => l.coveredBy(s.topic)),
      each('connection', () => true),
      each('reconnected', () => true),
    );
    return client;
  }

  private isOwnTopic(topic: string): boolean {
    for (const l of this.leases) if (l.ownTopics.has(topic)) return true;
    return false;
  }

  /** Nothing is wanted: the connection ends (cleanly), and a fresh one waits for the next lease. */
  private close(): void {
    if (!this.started) return;
    this.started = false;
    const old = this.client;
    this.detach();
    this.last.clear();
    this.closing = this.closing.then(() => old.dispose());
    this.client = this.prepare();
    for (const l of this.leases) l.emit('connection', this.client.state);
  }

  private detach(): void {
    this.clientSubscriptions.clear();
  }

  /** Recomputes each lease's `live` once per burst of changes (a SUBACK reports every topic). */
  private scheduleLive(): void {
    if (this.liveScheduled) return;
    this.liveScheduled = true;
    queueMicrotask(() => {
      this.liveScheduled = false;
      const up = !this.disposed && this.client.state.state === 'connected';
      const granted = new Set(up ? this.client.topics : []);
      const wildcards = [...granted].filter((t) => t.includes('+') || t.includes('#'));
      const watched = (topic: string) => granted.has(topic) || wildcards.some((w) => topicMatches(w, topic));
      for (const l of this.leases) l.setLive(up && l.size > 0 && l.every(watched));
    });
  }
}

/** A cover plus filters wanted whole: the filters are subscribed, and exact topics under them dropped. */
function withFilters(plan: CoverPlan, filters: readonly string[]): CoverPlan {
  if (filters.length === 0) return plan;
  const under = (t: string) => filters.some((f) => f !== t && topicMatches(f, t));
  return {
    ...plan,
    topics: [...new Set([...plan.topics.filter((t) => !under(t)), ...filters])].sort(),
    accepts: (t) => plan.accepts(t) || filters.some((f) => topicMatches(f, t)),
  };
}
