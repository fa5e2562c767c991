// The debugging loop without the editor: the window's debug sessions, what the monitor topics say
// of every client while any session runs, which clients are each session's, and the keep-alive of
// those whose program is paused. It watches all monitor topics only while a session runs (a lease
// on the window's monitor connection with the all-clients filters) and lets go after the last.

import { ALL_APPS_MONITOR_TOPIC, ALL_DEVICES_MONITOR_TOPIC } from '../../core/monitorCover';
import { Emitter, type Disposable, type Listener } from '../../platform/events';
import type { PlatformLog } from '../../platform/log';
import type { PlatformRestClient } from '../../platform/rest/client';
import type { MonitorLease } from '../monitor/types';
import { ConnectLedger, MAX_CLIENTS, type Drop } from './connects';
import { keepAliveFactor } from './countdown';
import { DuplicateDetective } from './detective';
import { PauseKeeper, type KeepAliveRest, type KeeperPlatform } from './keeper';
import { Ownership, type OwnedClient, type OwnershipOptions } from './ownership';
import type { ProcessReader } from './processes';
import { explainDrop, type PausedDrop } from './pausedDrop';
import type { PauseSpan } from './runState';
import { DebugSessions, type DebugSession, type RunEvent } from './sessions';

/** A pause of a debug session, for the timeline's time axis. */
export interface SessionPause extends PauseSpan {
  /** The family's launch name. */
  readonly session: string;
}

interface LoopEvents {
  /** A session's client was dropped for silence because its program was (or had just been) paused. */
  pausedDrop: PausedDrop;
}

/** Pauses of ended sessions remembered for the timeline. */
const MAX_PAST_PAUSES = 200;

export const DEBUG_MONITOR_FILTERS = [ALL_DEVICES_MONITOR_TOPIC, ALL_APPS_MONITOR_TOPIC];

/** The active platform as the loop needs it. */
export interface LoopPlatform {
  readonly name: string;
  readonly rest: KeepAliveRest & Pick<PlatformRestClient, 'getSource'>;
  /** A lease on its monitor, or why there is none. */
  lease(): MonitorLease | string;
}

export interface LoopOptions extends Omit<OwnershipOptions, 'now'> {
  readonly reader: ProcessReader;
  readonly log: PlatformLog;
  holdEnabled(): boolean;
  /** Hold length and renewal (tests shorten them). */
  readonly holdSeconds?: number;
  readonly renewMs?: number;
}

export class DebugLoop {
  readonly sessions = new DebugSessions();
  readonly ledger = new ConnectLedger();
  readonly ownership: Ownership;
  readonly keeper: PauseKeeper;
  readonly detective: DuplicateDetective;
  private platform?: LoopPlatform;
  /** What `config/source` said of the active platform, once it answered. */
  private source?: { readonly kind: string; readonly canHold: boolean };
  private lease?: { readonly lease: MonitorLease; readonly subscriptions: Disposable[] };
  private readonly subscriptions: Disposable[];
  private unwatched?: string;
  private readonly emitter = new Emitter<LoopEvents>();
  /** The last keep-alive each client connected with (a Disconnect may not say it). */
  private readonly keepAlives = new Map<string, number>();
  private readonly past: SessionPause[] = [];

  constructor(private readonly o: LoopOptions) {
    this.ownership = new Ownership(this.sessions, this.ledger, o.reader, o);
    this.detective = new DuplicateDetective(this.ledger, {
      reader: o.reader,
      localAddresses: o.localAddresses,
      debuggedPids: () => this.sessions.live().flatMap((s) => [...s.pids.keys()]),
    });
    this.keeper = new PauseKeeper({
      platform: () => this.keeperPlatform(),
      holdEnabled: o.holdEnabled,
      log: o.log,
      holdSeconds: o.holdSeconds,
      renewMs: o.renewMs,
    });
    this.subscriptions = [
      this.sessions.on('changed', () => this.syncLease()),
      this.sessions.on('run', (e) => this.onRun(e)),
      this.ownership.on('changed', (rootId) => this.catchUp(rootId)),
      this.sessions.on('finished', ({ root, pauses }) => this.remember(root.name, pauses)),
      this.ledger.on('connected', (c) => this.noteKeepAlive(c.clientId, c.keepAliveSeconds)),
      this.ledger.on('dropped', (d) => this.onDropped(d)),
    ];
  }

  /** Why the monitor is not watched while sessions run; undefined when it is (or nothing runs). */
  get problem(): string | undefined {
    return this.unwatched;
  }
  get watching(): boolean {
    return this.lease !== undefined;
  }
  /** The kind of broker behind the active platform (`sandbox`, `mosquitto`…), once known. */
  get sourceKind(): string | undefined {
    return this.source?.kind;
  }
  get canHold(): boolean {
    return this.source?.canHold === true;
  }

  on<K extends keyof LoopEvents>(name: K, listener: Listener<LoopEvents[K]>): Disposable {
    return this.emitter.on(name, listener);
  }

  /** Whether a drop of a session's client is the debugger's doing: a 160 while paused or just after. */
  explainDrop(clientId: string, closeCode: number | undefined, at: number, keepAliveSeconds?: number) {
    const owner = this.ownership.ownerOf(clientId);
    const root = owner && this.sessions.get(owner.rootId);
    if (!owner || !root) return undefined;
    const members =
      owner.client.how === 'guess' ? this.sessions.family(owner.rootId) : [this.sessions.get(owner.client.sessionId)];
    return explainDrop({
      clientId,
      sessionName: root.name,
      closeCode,
      at,
      spans: members.flatMap((s) => s?.run.pauses() ?? []),
      keepAliveSeconds:
        keepAliveSeconds ?? this.keeper.kept(clientId)?.keepAliveSeconds ?? this.keepAlives.get(clientId),
      factor: keepAliveFactor(this.sourceKind),
    });
  }

  /** Pauses of this window's debug sessions, running and ended (a bounded few), oldest first. */
  pauses(): SessionPause[] {
    const roots = new Map<string, DebugSession>();
    for (const s of this.sessions.live()) {
      const root = this.sessions.rootOf(s.id);
      if (root) roots.set(root.id, root);
    }
    const live = [...roots.values()].flatMap((root) =>
      this.sessions.family(root.id).flatMap((m) => m.run.pauses().map((p) => ({ ...p, session: root.name }))),
    );
    return [...this.past, ...live].sort((a, b) => a.from - b.from);
  }

  /** The active platform changed (or there is none): its monitor is leased anew, what was known goes. */
  setPlatform(platform: LoopPlatform | undefined): void {
    if (platform === this.platform) return;
    void this.keeper.resumed(this.pausedClients());
    this.dropLease();
    this.ledger.clear();
    this.detective.clear();
    this.platform = platform;
    this.source = undefined;
    if (platform) {
      platform.rest.getSource().then(
        (s) => {
          if (this.platform === platform) this.source = { kind: s.kind, canHold: s.holdKeepAlive };
        },
        (error: unknown) => this.o.log.info(`debug: the broker behind ${platform.name} is not known: ${String(error)}`),
      );
    }
    this.syncLease();
  }

  /** The session whose program holds a client, or for a guess the family's root. */
  ownerSession(client: OwnedClient): DebugSession | undefined {
    return this.sessions.get(client.sessionId);
  }

  /** Whether a client's program is paused now: its own session's, or for a guess any of its family. */
  isPaused(rootId: string, client: OwnedClient): boolean {
    const members = client.how === 'guess' ? this.sessions.family(rootId) : [this.sessions.get(client.sessionId)];
    return members.some((s) => s?.run.paused === true);
  }

  dispose(): Promise<void> {
    this.emitter.clear();
    const released = this.keeper.dispose();
    this.dropLease();
    this.subscriptions.forEach((s) => s.dispose());
    this.ownership.dispose();
    this.detective.dispose();
    this.ledger.dispose();
    this.sessions.dispose();
    return released;
  }

  private keeperPlatform(): KeeperPlatform | undefined {
    const p = this.platform;
    if (!p) return undefined;
    return { name: p.name, rest: p.rest, sourceKind: this.source?.kind ?? 'unknown', canHold: this.canHold };
  }

  private onDropped(d: Drop): void {
    const explained = this.explainDrop(d.clientId, d.closeCode, d.receivedAt, d.keepAliveSeconds);
    if (explained) this.emitter.emit('pausedDrop', explained);
  }

  private noteKeepAlive(clientId: string, k: number | undefined): void {
    if (k === undefined) return;
    this.keepAlives.delete(clientId);
    this.keepAlives.set(clientId, k);
    if (this.keepAlives.size > MAX_CLIENTS) this.keepAlives.delete(this.keepAlives.keys().next().value as string);
  }

  private remember(session: string, pauses: readonly PauseSpan[]): void {
    this.past.push(...pauses.map((p) => ({ ...p, session })));
    if (this.past.length > MAX_PAST_PAUSES) this.past.splice(0, this.past.length - MAX_PAST_PAUSES);
  }

  private onRun(e: RunEvent): void {
    const root = this.sessions.rootOf(e.session.id);
    if (!root) return;
    const affected = this.ownership
      .of(root.id)
      .filter((c) => c.sessionId === e.session.id || c.how === 'guess')
      .filter((c) => this.isPaused(root.id, c) === (e.change === 'paused'))
      .map((c) => c.clientId);
    if (e.change === 'paused') this.keeper.paused(affected);
    else if (e.session.run.ended) void this.keeper.resumed(affected);
    else this.keeper.running(affected);
  }

  /** A client found while its program is already paused joins the pause. */
  private catchUp(rootId: string): void {
    const paused = this.ownership.of(rootId).filter((c) => this.isPaused(rootId, c));
    if (paused.length > 0) this.keeper.paused(paused.map((c) => c.clientId));
  }

  private pausedClients(): string[] {
    return this.ownership.roots().flatMap((r) => this.ownership.of(r).map((c) => c.clientId));
  }

  private syncLease(): void {
    if (this.sessions.live().length === 0 || !this.platform) {
      this.unwatched = undefined;
      return this.dropLease();
    }
    if (this.lease) return;
    const got = this.platform.lease();
    if (typeof got === 'string') {
      if (this.unwatched !== got) this.o.log.warn(`debug: the clients of debug sessions are not watched: ${got}`);
      this.unwatched = got;
      return;
    }
    this.unwatched = undefined;
    this.lease = { lease: got, subscriptions: [got.on('message', (e) => this.ledger.handle(e))] };
    void got.setFilters(DEBUG_MONITOR_FILTERS);
    this.o.log.info('debug: watching every client while debug sessions run');
  }

  private dropLease(): void {
    const l = this.lease;
    this.lease = undefined;
    l?.subscriptions.forEach((s) => s.dispose());
    l?.lease.dispose();
  }
}
