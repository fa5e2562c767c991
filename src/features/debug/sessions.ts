// Every debug session of the window, whatever its type: its family (js-debug runs a program in a
// child session below the one launched), the process ids it names, and whether its program is
// paused. Fed by a tracker on every debug type and by VS Code's start and end events, in whatever
// order they come; a session is forgotten once it and its whole family have ended.

import { Emitter, type Disposable, type Listener } from '../../platform/events';
import { fromAdapter, pidInName, toAdapter, type DapFact } from './dap';
import { RunState, type PauseSpan } from './runState';

export interface SessionStart {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly parentId?: string;
  /** `launch` or `attach`, from the configuration. */
  readonly request?: string;
}

export type PidSource = 'name' | 'process' | 'terminal';

export interface DebugSession extends SessionStart {
  readonly startedAt: number;
  readonly run: RunState;
  /** Process ids it names, each with where it came from. */
  readonly pids: ReadonlyMap<number, PidSource>;
  readonly endedAt?: number;
}

export interface RunEvent {
  readonly session: DebugSession;
  readonly change: 'paused' | 'resumed';
  readonly at: number;
}

interface SessionsEvents {
  /** A session began, ended, was renamed or learned a process id. */
  changed: DebugSession;
  run: RunEvent;
  /** A family's last session ended: its root, with every pause span of the family. */
  finished: { readonly root: DebugSession; readonly pauses: readonly PauseSpan[] };
}

interface Entry extends DebugSession {
  name: string;
  endedAt?: number;
  pids: Map<number, PidSource>;
}

/** Sessions followed at once; past this, the oldest ended ones go first. */
const MAX_SESSIONS = 1_000;

export class DebugSessions {
  private readonly entries = new Map<string, Entry>();
  /** Parent id → ids of its child sessions. */
  private readonly children = new Map<string, Set<string>>();
  private readonly emitter = new Emitter<SessionsEvents>();

  on<K extends keyof SessionsEvents>(name: K, listener: Listener<SessionsEvents[K]>): Disposable {
    return this.emitter.on(name, listener);
  }

  get size(): number {
    return this.entries.size;
  }
  get(id: string): DebugSession | undefined {
    return this.entries.get(id);
  }
  /** Sessions that have not ended. */
  live(): DebugSession[] {
    return [...this.entries.values()].filter((e) => e.endedAt === undefined);
  }
  /** The session a family started from (itself when it has no known parent). */
  rootOf(id: string): DebugSession | undefined {
    let e = this.entries.get(id);
    for (let hops = 0; e?.parentId !== undefined && hops < 100; hops++) {
      const parent = this.entries.get(e.parentId);
      if (!parent) break;
      e = parent;
    }
    return e;
  }
  /** A session and every session below it, parents first. */
  family(rootId: string): DebugSession[] {
    const found: Entry[] = [];
    const queue = [rootId];
    const seen = new Set<string>();
    while (queue.length > 0) {
      const id = queue.shift() as string;
      const e = this.entries.get(id);
      if (!e || seen.has(id)) continue;
      seen.add(id);
      found.push(e);
      queue.push(...(this.children.get(id) ?? []));
    }
    return found;
  }

  /** A session began (its tracker was made, or VS Code said so): both may come, in either order. */
  start(s: SessionStart, now: number): void {
    const known = this.entries.get(s.id);
    if (known) {
      if (known.name !== s.name) this.rename(s.id, s.name);
      return;
    }
    const e: Entry = { ...s, startedAt: now, run: new RunState(), pids: new Map() };
    const named = pidInName(s.name);
    if (named !== undefined) e.pids.set(named, 'name');
    this.entries.set(s.id, e);
    if (s.parentId !== undefined) {
      let siblings = this.children.get(s.parentId);
      if (!siblings) this.children.set(s.parentId, (siblings = new Set()));
      siblings.add(s.id);
    }
    this.trim();
    this.emitter.emit('changed', e);
  }

  /** VS Code renames a session (js-debug's child gets its parent's name appended). */
  rename(id: string, name: string): void {
    const e = this.entries.get(id);
    if (!e || e.name === name) return;
    e.name = name;
    const named = pidInName(name);
    if (named !== undefined && !e.pids.has(named)) e.pids.set(named, 'name');
    this.emitter.emit('changed', e);
  }

  fromAdapter(id: string, message: unknown, now: number): void {
    const fact = fromAdapter(message);
    if (fact) this.apply(id, fact, now);
  }

  toAdapter(id: string, message: unknown, now: number): void {
    const fact = toAdapter(message);
    if (fact) this.apply(id, fact, now);
  }

  /** The session ended (VS Code's event, or its adapter went away). */
  end(id: string, now: number): void {
    const e = this.entries.get(id);
    if (!e || e.endedAt !== undefined) return;
    const change = e.run.end(now);
    e.endedAt = now;
    if (change) this.emitter.emit('run', { session: e, change, at: now });
    this.emitter.emit('changed', e);
    const root = this.rootOf(id);
    if (root) this.forgetIfFinished(root.id);
  }

  dispose(): void {
    this.emitter.clear();
    this.entries.clear();
    this.children.clear();
  }

  private apply(id: string, fact: DapFact, now: number): void {
    const e = this.entries.get(id);
    if (!e || e.endedAt !== undefined) return;
    if ((fact.kind === 'process' || fact.kind === 'terminal') && !e.pids.has(fact.pid)) {
      e.pids.set(fact.pid, fact.kind);
      this.emitter.emit('changed', e);
      return;
    }
    const change = e.run.apply(fact, now);
    if (change) this.emitter.emit('run', { session: e, change, at: now });
  }

  /** A family whose every session has ended is forgotten, after telling its pause spans. */
  private forgetIfFinished(rootId: string): void {
    const members = this.family(rootId);
    if (members.length === 0 || members.some((m) => m.endedAt === undefined)) return;
    const pauses = members.flatMap((m) => m.run.pauses()).sort((a, b) => a.from - b.from);
    members.forEach((m) => this.delete(m.id));
    this.emitter.emit('finished', { root: members[0], pauses });
  }

  private delete(id: string): void {
    const e = this.entries.get(id);
    if (!e) return;
    this.entries.delete(id);
    this.children.delete(id);
    if (e.parentId !== undefined) {
      const siblings = this.children.get(e.parentId);
      siblings?.delete(id);
      if (siblings?.size === 0) this.children.delete(e.parentId);
    }
  }

  /** Past the bound, the oldest sessions go (ended ones first): an adapter that never ends is not followed for ever. */
  private trim(): void {
    if (this.entries.size <= MAX_SESSIONS) return;
    for (const e of [...this.entries.values()].filter((x) => x.endedAt !== undefined)) {
      if (this.entries.size <= MAX_SESSIONS) return;
      this.delete(e.id);
    }
    for (const e of this.entries.values()) {
      if (this.entries.size <= MAX_SESSIONS) return;
      this.delete(e.id);
    }
  }
}
