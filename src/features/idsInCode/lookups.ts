// Lookups of client ids on the active platform, for the whole window (no `vscode` import;
// unit-tested against the sandbox, benchmarked): `peek` answers at once from one cache and never
// waits; `want` queues what is missing or stale; one worker asks the platform a call at a time,
// batching wishes that share a listing (batches.ts), within a share of the platform's 10 calls/s
// (its own pacer, beneath the REST client's), never twice for an id already in flight. Failures
// become `unreachable` (asked again after retryMs; a 429 holds every call for its Retry-After).
// Records and watcher transitions learnt elsewhere update the cache without a call.
import type { ClientState, ConnectionStatus } from '../../core/clientState';
import type { ConnectivityEvent } from '../../core/events/types';
import { isDeviceLike, parseClientId } from '../../core/ids';
import { isPlatformError } from '../../platform/errors';
import { Emitter, type Disposable, type Listener } from '../../platform/events';
import { silentLog, type PlatformLog } from '../../platform/log';
import { Pacer } from '../../platform/rest/pacer';
import { nextJob, runListing, type Job } from './batches';
import { noDrops, startOfDay, type DropTally } from './drops';
import { readDropsToday } from './dropsLog';
import { LookupCache } from './lookupCache';
import type { Lookup, LookupOptions, LookupRest, LookupStats } from './lookupTypes';
import { messageOf } from '../../core/errors';

interface LookupEvents {
  /** Ids whose entry changed. */
  changed: readonly string[];
}

export class ClientLookups {
  private readonly cache: LookupCache;
  private readonly emitter: Emitter<LookupEvents>;
  private readonly pacer: Pacer;
  private readonly log: PlatformLog;
  private readonly now: () => number;
  /** Ids wished for, oldest first. */
  private readonly queue = new Set<string>();
  /** Devices whose drops today are to be counted. */
  private readonly dropsQueue = new Set<string>();
  private readonly inFlight = new Set<string>();
  private readonly dropsInFlight = new Set<string>();
  /** Ids a listing left over: read on their own. */
  private readonly singleOnly = new Set<string>();
  private readonly failedDrops = new Map<string, number>();
  private readonly abort = new AbortController();
  private running = false;
  private holdUntil = 0;
  private readonly counts = { state: 0, list: 0, log: 0, overlapping: 0 };

  constructor(
    private readonly rest: LookupRest,
    private readonly options: LookupOptions = {},
  ) {
    this.cache = new LookupCache(options.maxEntries ?? 5_000);
    this.log = options.log ?? silentLog;
    this.now = options.now ?? Date.now;
    this.pacer = new Pacer(options.callsPerSecond ?? 5, 1000);
    this.emitter = new Emitter((e) => this.log.error(`lookups: a listener failed: ${String(e)}`));
  }

  private get freshMs(): number {
    return this.options.freshMs ?? 300_000;
  }
  private get retryMs(): number {
    return this.options.retryMs ?? 30_000;
  }

  get stats(): LookupStats {
    const { state, list, log, overlapping } = this.counts;
    return { calls: { state, list, log }, overlapping, heldUntil: this.holdUntil };
  }

  on(name: 'changed', listener: Listener<readonly string[]>): Disposable {
    return this.emitter.on(name, listener);
  }

  /** What is known of the id now; never waits. */
  peek(clientId: string): Lookup | undefined {
    return this.cache.touch(clientId);
  }

  /** Queues what is missing or stale among `ids` (drops too, for devices dropped today). */
  want(ids: Iterable<string>): void {
    const now = this.now();
    for (const id of ids) {
      if (typeof id !== 'string' || id.length === 0 || this.inFlight.has(id)) continue;
      const entry = this.cache.peek(id);
      if (this.isFresh(entry, now)) {
        if (entry?.kind === 'found') this.wantDrops(id, entry, now);
        continue;
      }
      if (!entry) this.cache.set(id, { kind: 'pending' });
      this.queue.delete(id);
      this.queue.add(id);
    }
    const max = this.options.maxQueued ?? 1_000;
    for (const id of this.queue) {
      if (this.queue.size <= max) break;
      this.queue.delete(id);
      if (this.cache.peek(id)?.kind === 'pending') this.cache.delete(id);
    }
    this.kick();
  }

  /** Records read elsewhere (the Clients tree's pages). */
  learn(states: readonly ClientState[]): void {
    const at = this.now();
    const changed = states.filter((s) => this.cache.learnState(s, at)).map((s) => s.id);
    if (changed.length > 0) this.emitter.emit('changed', changed);
  }

  /** A change the watcher saw (live, or reconciled). */
  learnEvent(clientId: string, to: ConnectionStatus | 'unknown', event: ConnectivityEvent): void {
    if (this.cache.learnEvent(clientId, to, event, this.now())) this.emitter.emit('changed', [clientId]);
  }

  dispose(): void {
    this.abort.abort();
    this.emitter.clear();
    this.queue.clear();
    this.dropsQueue.clear();
  }

  private isFresh(entry: Lookup | undefined, now: number): boolean {
    if (!entry || entry.kind === 'pending') return false;
    const age = now - entry.at;
    return age < (entry.kind === 'unreachable' ? this.retryMs : this.freshMs);
  }

  private wantDrops(id: string, entry: Extract<Lookup, { kind: 'found' }>, now: number): void {
    const day = startOfDay(now);
    if (entry.drops?.day === day) return;
    const parsed = parseClientId(id);
    const last = entry.state.lastDisconnectTime;
    if (!parsed || !isDeviceLike(parsed) || last === undefined || last < day) {
      this.cache.set(id, { ...entry, drops: noDrops(day) });
      return;
    }
    if (this.dropsInFlight.has(id)) return;
    const failed = this.failedDrops.get(id);
    if (failed !== undefined && now - failed < this.retryMs) return;
    this.dropsQueue.add(id);
    this.kick();
  }

  private kick(): void {
    if (this.running || this.abort.signal.aborted) return;
    this.running = true;
    void this.work().finally(() => (this.running = false));
  }

  private async work(): Promise<void> {
    while (!this.abort.signal.aborted) {
      const job = nextJob([...this.queue], this.singleOnly);
      if (job) await this.runJob(job);
      else if (this.dropsQueue.size > 0) {
        const id = [...this.dropsQueue].pop() as string;
        this.dropsQueue.delete(id);
        this.dropsInFlight.add(id);
        await this.countDrops(id).finally(() => this.dropsInFlight.delete(id));
      } else return;
    }
  }

  /** One paced call; a 429 holds every later call for its Retry-After. */
  private async call<T>(kind: keyof LookupStats['calls'], fn: () => Promise<T>): Promise<T> {
    const hold = this.holdUntil - this.now();
    if (hold > 0) await sleep(hold, this.abort.signal);
    const slot = await this.pacer.take(this.abort.signal);
    this.counts[kind]++;
    try {
      return await fn();
    } catch (error) {
      if (isPlatformError(error, 'rateLimited')) this.holdUntil = this.now() + (error.retryAfterMs ?? 1000);
      throw error;
    } finally {
      slot.finish();
    }
  }

  private async runJob(job: Job): Promise<void> {
    const ids = job.kind === 'single' ? [job.id] : job.ids;
    if (ids.some((id) => this.inFlight.has(id))) this.counts.overlapping++;
    for (const id of ids) {
      this.queue.delete(id);
      this.inFlight.add(id);
    }
    const changed = new Set(ids);
    try {
      if (job.kind === 'single') await this.readOne(job.id);
      else {
        const out = await runListing(this.rest, job, (fn) => this.call('list', fn), this.abort.signal);
        const at = this.now();
        for (const r of out.records) if (this.cache.learnState(r, at)) changed.add(r.id);
        for (const id of ids) this.answered(id, at);
        for (const id of out.absent) this.cache.set(id, { kind: 'notFound', at });
        for (const id of out.leftOver) {
          this.singleOnly.add(id);
          this.queue.add(id);
        }
      }
    } catch (error) {
      this.failed(ids, error);
    } finally {
      for (const id of ids) this.inFlight.delete(id);
    }
    if (this.abort.signal.aborted) return;
    const now = this.now();
    for (const id of ids) {
      const entry = this.cache.peek(id);
      if (entry?.kind === 'found') this.wantDrops(id, entry, now);
    }
    this.emitter.emit('changed', [...changed]);
  }

  private async readOne(id: string): Promise<void> {
    try {
      const state = await this.call('state', () => this.rest.getClientState(id, this.abort.signal));
      this.cache.learnState(state, this.now());
      this.answered(id, this.now());
    } catch (error) {
      if (!isPlatformError(error, 'notFound')) throw error;
      this.cache.set(id, { kind: 'notFound', at: this.now() });
    }
    this.singleOnly.delete(id);
  }

  /** A found record was just confirmed: fresh from now. */
  private answered(id: string, at: number): void {
    const entry = this.cache.peek(id);
    if (entry?.kind === 'found') this.cache.set(id, { ...entry, at });
  }

  private failed(ids: readonly string[], error: unknown): void {
    if (this.abort.signal.aborted || isPlatformError(error, 'cancelled')) return;
    const problem = {
      kind: isPlatformError(error) ? error.kind : ('unknown' as const),
      message: messageOf(error),
    };
    this.log.warn(`lookup of ${ids.length} id(s) failed: ${problem.kind}`);
    const at = this.now();
    for (const id of ids) {
      const before = this.cache.peek(id);
      // A record found before stays shown; it is asked again once retryMs has passed.
      if (before?.kind === 'found') this.cache.set(id, { ...before, at: at - this.freshMs + this.retryMs });
      else this.cache.set(id, { kind: 'unreachable', at, problem });
    }
  }

  /** Today's drops from the device's log. */
  private async countDrops(id: string): Promise<void> {
    const parsed = parseClientId(id);
    if (!parsed || !isDeviceLike(parsed)) return;
    let drops: DropTally;
    try {
      const call = <T>(fn: () => Promise<T>) => this.call('log', fn);
      drops = await readDropsToday(
        this.rest,
        parsed,
        this.now(),
        this.options.maxLogPages ?? 3,
        call,
        this.abort.signal,
      );
    } catch (error) {
      if (this.abort.signal.aborted) return;
      this.failedDrops.set(id, this.now());
      this.log.warn(`drops of one device could not be counted: ${isPlatformError(error) ? error.kind : 'unknown'}`);
      return;
    }
    this.failedDrops.delete(id);
    const entry = this.cache.peek(id);
    if (entry?.kind !== 'found') return;
    this.cache.set(id, { ...entry, drops });
    this.emitter.emit('changed', [id]);
  }
}

/** Waits `ms`, or rejects when the signal aborts (nothing is left pending after dispose). */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
}
