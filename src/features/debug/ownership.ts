// Which clients belong to each debug session. A session family's process ids (every
// session of it, their descendants too) hold TCP connections (/proc); a client whose connection the
// broker reports from one of those local address:port pairs (Connect's ClientAddr/ClientPort) is
// the session's. Where that cannot be known — no process id from the adapter, no /proc, no port
// from the broker — a client that connected from this machine while the session ran is taken, as
// a guess, and said to be one. Once found, a client stays the session's until the family ends.

import { Emitter, type Disposable, type Listener } from '../../platform/events';
import type { ConnectLedger, Connection } from './connects';
import type { ProcessReader } from './processes';
import { endpointKey } from './procNet';
import type { DebugSession, DebugSessions } from './sessions';

export type OwnedHow = 'pid' | 'guess';

/** How long a session that names no process is given to name one before its clients are guessed. */
const GUESS_AFTER_MS = 3_000;

export interface OwnedClient {
  readonly clientId: string;
  readonly how: OwnedHow;
  /** The session whose process holds the connection (for a guess: the family's root). */
  readonly sessionId: string;
  readonly pid?: number;
  readonly endpoint?: string;
  readonly since: number;
}

export interface OwnershipOptions {
  /** Addresses of this machine as brokers report them (loopback and every interface). */
  localAddresses(): ReadonlySet<string>;
  /** Clients never taken for a session's (this window's own monitor connection). */
  excluded(clientId: string): boolean;
  now?(): number;
  /** How long changes are gathered before the processes are read again. */
  settleMs?: number;
}

interface OwnershipEvents {
  /** The clients of this family changed. */
  changed: string;
  /** A reading of the processes ended: its number (see `readings`). */
  read: number;
}

export class Ownership {
  private readonly owned = new Map<string, Map<string, OwnedClient>>();
  private readonly emitter = new Emitter<OwnershipEvents>();
  private readonly subscriptions: Disposable[];
  private timer?: ReturnType<typeof setTimeout>;
  private later?: ReturnType<typeof setTimeout>;
  private running?: Promise<void>;
  private again = false;
  private disposed = false;
  private started = 0;

  constructor(
    private readonly sessions: DebugSessions,
    private readonly ledger: ConnectLedger,
    private readonly reader: ProcessReader,
    private readonly o: OwnershipOptions,
  ) {
    this.subscriptions = [
      sessions.on('changed', () => this.schedule()),
      sessions.on('finished', ({ root }) => this.forget(root.id)),
      ledger.on('connected', () => this.schedule()),
    ];
  }

  on<K extends keyof OwnershipEvents>(name: K, listener: Listener<OwnershipEvents[K]>): Disposable {
    return this.emitter.on(name, listener);
  }

  /** The clients of a family, by root session id. */
  of(rootId: string): OwnedClient[] {
    return [...(this.owned.get(rootId)?.values() ?? [])];
  }
  /** Families with clients. */
  roots(): string[] {
    return [...this.owned.keys()].filter((r) => (this.owned.get(r)?.size ?? 0) > 0);
  }
  /** The family (root id) a client belongs to, and how it was found. */
  ownerOf(clientId: string): { rootId: string; client: OwnedClient } | undefined {
    for (const [rootId, clients] of this.owned) {
      const client = clients.get(clientId);
      if (client) return { rootId, client };
    }
    return undefined;
  }

  /** How many readings of the processes have begun; one numbered above it begins after now. */
  get readings(): number {
    return this.started;
  }

  /** Reads the processes again soon (changes close together are read once). */
  schedule(): void {
    if (this.disposed) return;
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, this.o.settleMs ?? 150);
  }

  /** Reads every live family's processes now; one reading at a time. */
  refresh(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const n = ++this.started;
    this.running = this.readAll().finally(() => {
      this.running = undefined;
      if (!this.disposed) this.emitter.emit('read', n);
      if (this.again && !this.disposed) {
        this.again = false;
        void this.refresh();
      }
    });
    return this.running;
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    clearTimeout(this.later);
    this.subscriptions.forEach((s) => s.dispose());
    this.emitter.clear();
    this.owned.clear();
  }

  private async readAll(): Promise<void> {
    const roots = new Map<string, DebugSession>();
    for (const s of this.sessions.live()) {
      const root = this.sessions.rootOf(s.id);
      if (root) roots.set(root.id, root);
    }
    for (const root of roots.values()) {
      if (this.disposed) return;
      await this.readFamily(root);
    }
  }

  private async readFamily(root: DebugSession): Promise<void> {
    const now = this.o.now?.() ?? Date.now();
    const family = this.sessions.family(root.id).sort((a, b) => b.startedAt - a.startedAt);
    const found = new Map<string, OwnedClient>();
    let told = false;
    // The latest session first: a program's child process has a session of its own below it.
    for (const s of family.filter((x) => x.pids.size > 0)) {
      const conns = await this.reader.connectionsBelow([...s.pids.keys()]);
      if (conns.value.length > 0 || conns.reason === undefined) told = true;
      for (const c of conns.value) {
        const endpoint = endpointKey(c.local);
        const conn = this.ledger.atEndpoint(endpoint);
        if (!conn || found.has(conn.clientId) || this.o.excluded(conn.clientId)) continue;
        found.set(conn.clientId, {
          clientId: conn.clientId,
          how: 'pid',
          sessionId: s.id,
          pid: c.pid,
          endpoint,
          since: now,
        });
      }
    }
    // A broker that reports no client ports cannot be matched by them either.
    if (!this.ledger.givesPorts && this.ledger.size > 0) told = false;
    const pidless = family.every((s) => s.pids.size === 0);
    if (!told && pidless && now - root.startedAt < GUESS_AFTER_MS) {
      // An adapter may name its process a moment after the session starts (js-debug's child session).
      this.later ??= setTimeout(
        () => {
          this.later = undefined;
          this.schedule();
        },
        GUESS_AFTER_MS - (now - root.startedAt),
      );
    } else if (!told) {
      await this.guess(root, found, now);
    }
    this.merge(root.id, found, told);
  }

  /** No process could tell: clients that connected from this machine while the family ran. */
  private async guess(root: DebugSession, found: Map<string, OwnedClient>, now: number): Promise<void> {
    const local = this.o.localAddresses();
    const candidates: Connection[] = [];
    for (const c of this.ledger.connections()) {
      if (c.retained || c.receivedAt < root.startedAt || this.o.excluded(c.clientId)) continue;
      if (c.clientAddr === undefined || !local.has(c.clientAddr)) continue;
      candidates.push(c);
    }
    for (const c of candidates) {
      // A launched program starts with its session: a process older than that is someone else's.
      if (root.request !== 'attach' && c.endpoint !== undefined && (await this.olderThan(c, root.startedAt))) continue;
      found.set(c.clientId, {
        clientId: c.clientId,
        how: 'guess',
        sessionId: root.id,
        endpoint: c.endpoint,
        since: now,
      });
    }
  }

  private async olderThan(c: Connection, t: number): Promise<boolean> {
    const [address, port] = splitEndpoint(c.endpoint as string);
    const owners = await this.reader.ownersOf({ address, port });
    return owners.value.length > 0 && owners.value.every((p) => p.startedAt !== undefined && p.startedAt < t - 1_000);
  }

  /** Found clients are added; a client once found stays, but a guess gives way to what processes tell. */
  private merge(rootId: string, found: Map<string, OwnedClient>, told: boolean): void {
    let clients = this.owned.get(rootId);
    if (!clients) this.owned.set(rootId, (clients = new Map()));
    let changed = false;
    for (const [id, c] of clients) {
      if (c.how === 'guess' && told && !found.has(id)) {
        clients.delete(id);
        changed = true;
      }
    }
    for (const [id, c] of found) {
      const before = clients.get(id);
      if (before && before.how === c.how && before.endpoint === c.endpoint && before.pid === c.pid) continue;
      clients.set(id, { ...c, since: before?.since ?? c.since });
      changed = true;
    }
    if (changed) this.emitter.emit('changed', rootId);
  }

  private forget(rootId: string): void {
    if (this.owned.delete(rootId)) this.emitter.emit('changed', rootId);
  }
}

function splitEndpoint(endpoint: string): [string, number] {
  const i = endpoint.lastIndexOf(':');
  const host = endpoint.slice(0, i);
  return [host.startsWith('[') ? host.slice(1, -1) : host, Number(endpoint.slice(i + 1))];
}
