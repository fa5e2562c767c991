// The duplicate client id detective: two programs that use one client id take the
// session from each other (close code 288, platform-contract.md §4.1, §4.3) in a loop. Three or more
// takeovers of one id within 60 s, between two or more address:port pairs, are one finding, told
// once per episode (an episode ends after 60 s without a takeover). Each side is named by its
// address:port and, where it is on this machine, by the process that holds (or held) it: /proc is
// read at each of the id's connects while an episode is open, since a dropped side's socket is gone,
// and again when the finding is made, since processes end and ports are reused meanwhile: the side
// that holds the id is looked up afresh; any other is named only if the very process read at its
// connect (same PID, same start) still runs. A race with /proc leaves a side unnamed, never wrong.

import { Emitter, type Disposable, type Listener } from '../../platform/events';
import type { ConnectLedger, Connection, Drop } from './connects';
import type { ProcessFacts, ProcessReader } from './processes';
import { endpointKey, normalAddress } from './procNet';

export interface Side {
  /** `address:port` (or the address alone when the broker gave no port). */
  readonly endpoint: string;
  readonly local: boolean;
  /** The process behind it, when it is on this machine and /proc told. */
  readonly process?: ProcessFacts;
  /** Its process is a debug session's program (or below it). */
  readonly debugged: boolean;
}

export interface Finding {
  readonly clientId: string;
  /** Takeovers seen in the episode when it was told (3 unless events came late). */
  readonly takeovers: number;
  /** When the first and the latest takeover of the episode were heard (epoch ms). */
  readonly firstAt: number;
  readonly lastAt: number;
  /** Platform time of the takeover that made the finding, when the broker said. */
  readonly lastTime?: number;
  /** The side that holds the id now, then the side it took it from (then any other). */
  readonly sides: readonly Side[];
}

export interface DetectiveOptions {
  readonly reader: ProcessReader;
  localAddresses(): ReadonlySet<string>;
  /** Process ids of the live debug sessions' programs (the descendants are read here). */
  debuggedPids(): readonly number[];
  readonly windowMs?: number;
  readonly threshold?: number;
  /** How long a finding waits for /proc answers still on their way. */
  readonly lookupWaitMs?: number;
}

interface Episode {
  takeovers: { at: number; dropped?: string }[];
  /** Endpoints of the id's connections in the episode, newest last. */
  endpoints: string[];
  /** Processes found behind them: looked at first next time (a whole /proc scan is slow). */
  pids: Set<number>;
  told: boolean;
  lastAt: number;
}

const MAX_EPISODES = 1_000;

export class DuplicateDetective {
  private readonly episodes = new Map<string, Episode>();
  private readonly processes = new Map<string, Promise<ProcessFacts | undefined>>();
  private readonly emitter = new Emitter<{ finding: Finding }>();
  private readonly subscriptions: Disposable[];

  constructor(
    private readonly ledger: ConnectLedger,
    private readonly o: DetectiveOptions,
  ) {
    this.subscriptions = [
      ledger.on('dropped', (d) => {
        if (d.closeCode === 288) this.takeover(d, ledger.connection(d.clientId));
      }),
      ledger.on('connected', (c) => !c.retained && this.connected(c)),
    ];
  }

  on(name: 'finding', listener: Listener<Finding>): Disposable {
    return this.emitter.on(name, listener);
  }

  get size(): number {
    return this.episodes.size;
  }

  /** Forgets every episode (another platform: its ids and addresses are not this one's). */
  clear(): void {
    this.episodes.clear();
    this.processes.clear();
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.emitter.clear();
    this.clear();
  }

  private windowMs(): number {
    return this.o.windowMs ?? 60_000;
  }

  private takeover(d: Drop, now: Connection | undefined): void {
    const at = d.receivedAt;
    let e = this.episodes.get(d.clientId);
    if (e && at - e.lastAt > this.windowMs()) {
      this.forget(d.clientId);
      e = undefined;
    }
    if (!e) {
      e = { takeovers: [], endpoints: [], pids: new Set(), told: false, lastAt: at };
      this.episodes.set(d.clientId, e);
      this.trim(at);
    }
    e.lastAt = at;
    e.takeovers.push({ at, dropped: d.endpoint });
    e.takeovers = e.takeovers.filter((t) => at - t.at <= this.windowMs());
    if (d.endpoint !== undefined) this.note(e, d.endpoint, false);
    // The taker's Connect may have come first (§4.1): it is the connection known now.
    if (now && now.endpoint !== undefined && now.endpoint !== d.endpoint) this.note(e, now.endpoint, true);
    this.judge(d.clientId, e, d.time);
  }

  private connected(c: Connection): void {
    const e = this.episodes.get(c.clientId);
    if (!e || c.endpoint === undefined) return;
    this.note(e, c.endpoint, true);
  }

  /** An endpoint of the episode; a live one's process is looked up now, while its socket exists. */
  private note(e: Episode, endpoint: string, live: boolean): void {
    e.endpoints = [...e.endpoints.filter((x) => x !== endpoint), endpoint].slice(-20);
    if (live && !this.processes.has(endpoint) && this.isLocal(endpoint)) {
      this.processes.set(endpoint, this.lookup(e, endpoint));
    }
  }

  private judge(clientId: string, e: Episode, time: number | undefined): void {
    if (e.told || e.takeovers.length < (this.o.threshold ?? 3)) return;
    const distinct = new Set(e.takeovers.map((t) => t.dropped ?? '?').concat(e.endpoints.slice(-1)));
    if (distinct.size < 2) return;
    e.told = true;
    const latest = e.takeovers[e.takeovers.length - 1];
    const firstAt = e.takeovers[0].at;
    const count = e.takeovers.length;
    void this.sides(clientId, e, latest.dropped).then((sides) =>
      this.emitter.emit('finding', { clientId, takeovers: count, firstAt, lastAt: latest.at, lastTime: time, sides }),
    );
  }

  /** The holder now, the side it took the id from, then the others; one side per process. Never rejects. */
  private async sides(clientId: string, e: Episode, dropped: string | undefined): Promise<Side[]> {
    const newestFirst = e.endpoints.slice().reverse();
    const order = [...new Set([newestFirst[0], dropped, ...newestFirst].filter((x): x is string => x !== undefined))];
    const [debugged, processes] = await Promise.all([
      this.debuggedNow(),
      Promise.all(order.map((endpoint) => this.processNow(clientId, e, endpoint))),
    ]);
    const named: Side[] = [];
    const unnamed: Side[] = [];
    order.forEach((endpoint, i) => {
      const process = processes[i];
      if (process && named.some((s) => s.process?.pid === process.pid)) return;
      const side = {
        endpoint,
        local: this.isLocal(endpoint),
        process,
        debugged: !!process && debugged.has(process.pid),
      };
      (process ? named : unnamed).push(side);
    });
    // Processes name the sides; endpoints no process was found for only fill in up to two sides.
    const sides = [...named, ...unnamed.slice(0, Math.max(0, 2 - named.length))];
    return sides.sort((a, b) => order.indexOf(a.endpoint) - order.indexOf(b.endpoint)).slice(0, 4);
  }

  private async debuggedNow(): Promise<Set<number>> {
    const below = await this.within(Promise.resolve().then(() => this.o.reader.descendantsOf(this.o.debuggedPids())));
    return new Set(below?.value);
  }

  /**
   * The process behind an endpoint now: where the id is still connected from it, /proc is read
   * again (its socket exists); the one read at its connect counts only while that very process runs.
   */
  private async processNow(clientId: string, e: Episode, endpoint: string): Promise<ProcessFacts | undefined> {
    if (!this.isLocal(endpoint)) return undefined;
    const live = this.ledger.connection(clientId)?.endpoint === endpoint;
    const earlier = this.processes.get(endpoint);
    const [fresh, same] = await Promise.all([
      live ? this.within(this.lookup(e, endpoint)) : undefined,
      this.within(earlier?.then((p) => p && this.stillRunning(p))),
    ]);
    return fresh ?? same;
  }

  /** The process again if it still runs and is the same one (a PID is reused once it ended). */
  private async stillRunning(p: ProcessFacts): Promise<ProcessFacts | undefined> {
    try {
      const now = await this.o.reader.facts(p.pid);
      if (!now) return undefined;
      const same =
        p.startedAt !== undefined
          ? now.startedAt === p.startedAt
          : now.startedAt === undefined && now.cmdline.join('\0') === p.cmdline.join('\0');
      return same ? now : undefined;
    } catch {
      return undefined;
    }
  }

  /** A lookup's answer if it comes within the wait, else undefined; a failed one is undefined too. */
  private within<T>(p: Promise<T | undefined> | undefined): Promise<T | undefined> {
    if (!p) return Promise.resolve(undefined);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<undefined>(
      (resolve) => (timer = setTimeout(() => resolve(undefined), this.o.lookupWaitMs ?? 300)),
    );
    return Promise.race([p.catch(() => undefined), late]).finally(() => clearTimeout(timer));
  }

  private async lookup(e: Episode, endpoint: string): Promise<ProcessFacts | undefined> {
    const [address, port] = splitEndpoint(endpoint);
    if (port === undefined) return undefined;
    const { reader } = this.o;
    try {
      // The processes of this episode and the debugged ones first: their sockets are few.
      const known = [...e.pids, ...this.o.debuggedPids()];
      if (known.length > 0) {
        const hit = (await reader.connectionsBelow(known)).value.find((c) => endpointKey(c.local) === endpoint);
        if (hit) {
          e.pids.add(hit.pid);
          return await reader.facts(hit.pid);
        }
      }
      // One that ended while it was read has neither arguments nor a start time: it is no answer.
      const found = (await reader.ownersOf({ address, port })).value.find(
        (p) => p.cmdline.length > 0 || p.startedAt !== undefined,
      );
      if (found) e.pids.add(found.pid);
      return found;
    } catch {
      return undefined;
    }
  }

  private isLocal(endpoint: string): boolean {
    return this.o.localAddresses().has(normalAddress(splitEndpoint(endpoint)[0]));
  }

  private forget(clientId: string): void {
    const e = this.episodes.get(clientId);
    if (!e) return;
    this.episodes.delete(clientId);
    e.endpoints.forEach((x) => this.processes.delete(x));
  }

  /** Bounded: episodes long over go first, then the oldest. */
  private trim(now: number): void {
    for (const [id, e] of this.episodes) {
      if (now - e.lastAt > this.windowMs()) this.forget(id);
    }
    for (const id of this.episodes.keys()) {
      if (this.episodes.size <= MAX_EPISODES) return;
      this.forget(id);
    }
  }
}

/** `address:port` (IPv6 in brackets) into its parts; the port is undefined when there is none. */
export function splitEndpoint(endpoint: string): [string, number | undefined] {
  const m = /^\[([^\]]*)\]:(\d+)$/.exec(endpoint) ?? /^([^:]*):(\d+)$/.exec(endpoint);
  if (!m) return [endpoint.replace(/^\[|\]$/g, ''), undefined];
  return [m[1], Number(m[2])];
}
