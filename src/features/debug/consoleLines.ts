// What a debug session's Debug Console is told of its clients, as facts the view words: each
// client's connects (the first once the session is known to own it; one from a new port, and what
// follows it, once the processes have been read again, so that its process is named), its drops
// with the close code and — when its program was paused at the drop, or had resumed less than one
// keep-alive window before — for how long it had been paused, and its keep-alive holds.

import { clientLabel } from '../../core/clientWords';
import { closeExplanation } from '../../core/closeCodeWords';
import { plainText } from '../../core/text';
import type { Disposable } from '../../platform/events';
import { Emitter, type Listener } from '../../platform/events';
import type { DebugLoop } from './loop';
import { words, type Words } from './words';

export type ConsoleFact =
  | { readonly kind: 'connected'; readonly clientId: string; readonly endpoint?: string; readonly pid?: number }
  | {
      readonly kind: 'dropped';
      readonly clientId: string;
      readonly closeCode?: number;
      /** How long its program had been paused when the broker dropped it (the pause may have just ended). */
      readonly pausedSeconds?: number;
    }
  | { readonly kind: 'held' | 'released'; readonly clientId: string };

export interface ConsoleLine {
  /** The session family whose console it belongs to. */
  readonly rootId: string;
  readonly fact: ConsoleFact;
}

/** A client's facts held back until the processes have been read after its connect from a new port. */
interface Waiting {
  readonly rootId: string;
  readonly facts: ConsoleFact[];
  /** The reading of the processes that had begun at its latest connect: the next one tells. */
  after: number;
}

export class ConsoleLines {
  private readonly emitter = new Emitter<{ line: ConsoleLine }>();
  /** Clients announced per family. */
  private readonly announced = new Map<string, Set<string>>();
  private readonly held = new Set<string>();
  private readonly waiting = new Map<string, Waiting>();
  private readonly subscriptions: Disposable[];

  constructor(private readonly loop: DebugLoop) {
    this.subscriptions = [
      loop.ownership.on('changed', (rootId) => this.found(rootId)),
      loop.ownership.on('read', (n) => this.read(n)),
      loop.sessions.on('finished', ({ root }) => this.finished(root.id)),
      loop.ledger.on('connected', (c) => {
        const owner = loop.ownership.ownerOf(c.clientId);
        if (c.retained || !owner || !this.announced.get(owner.rootId)?.has(c.clientId)) return;
        const fact: ConsoleFact = { kind: 'connected', clientId: c.clientId, endpoint: c.endpoint };
        if (c.endpoint === undefined || owner.client.endpoint === c.endpoint) {
          return this.tell(owner.rootId, { ...fact, pid: owner.client.pid });
        }
        // From a new port: which process holds it is known once the processes are read again.
        const w = this.waiting.get(c.clientId) ?? { rootId: owner.rootId, facts: [], after: 0 };
        w.facts.push(fact);
        w.after = loop.ownership.readings;
        this.waiting.set(c.clientId, w);
      }),
      loop.ledger.on('dropped', (d) => {
        const owner = loop.ownership.ownerOf(d.clientId);
        if (!owner) return;
        const at = d.time ?? d.receivedAt;
        const pausedSeconds = this.pausedAt(owner.rootId, owner.client.sessionId, at, d.keepAliveSeconds);
        this.tell(owner.rootId, { kind: 'dropped', clientId: d.clientId, closeCode: d.closeCode, pausedSeconds });
      }),
      loop.keeper.on('changed', (clientId) => {
        const owner = loop.ownership.ownerOf(clientId);
        const held = loop.keeper.kept(clientId)?.held === true;
        if (held === this.held.has(clientId)) return;
        if (held) this.held.add(clientId);
        else this.held.delete(clientId);
        if (owner) this.tell(owner.rootId, { kind: held ? 'held' : 'released', clientId });
      }),
    ];
  }

  on(name: 'line', listener: Listener<ConsoleLine>): Disposable {
    return this.emitter.on(name, listener);
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.emitter.clear();
    this.announced.clear();
    this.waiting.clear();
  }

  /** A client's fact now, or after those of it held back. */
  private tell(rootId: string, fact: ConsoleFact): void {
    const w = this.waiting.get(fact.clientId);
    if (w) w.facts.push(fact);
    else this.emit(rootId, fact);
  }

  /** A reading of the processes ended: connects before it are told, with their process where it holds them. */
  private read(n: number): void {
    for (const [clientId, w] of this.waiting) {
      if (w.after >= n) continue;
      this.waiting.delete(clientId);
      const client = this.loop.ownership.ownerOf(clientId)?.client;
      for (const f of w.facts) {
        const mine = f.kind === 'connected' && client !== undefined && f.endpoint === client.endpoint;
        this.emit(w.rootId, mine ? { ...f, pid: client.pid } : f);
      }
    }
  }

  private finished(rootId: string): void {
    this.announced.delete(rootId);
    for (const [clientId, w] of this.waiting) if (w.rootId === rootId) this.waiting.delete(clientId);
  }

  private found(rootId: string): void {
    let told = this.announced.get(rootId);
    for (const c of this.loop.ownership.of(rootId)) {
      if (told?.has(c.clientId)) continue;
      if (!told) this.announced.set(rootId, (told = new Set()));
      told.add(c.clientId);
      if (!this.loop.ledger.connection(c.clientId)) continue;
      this.emit(rootId, { kind: 'connected', clientId: c.clientId, endpoint: c.endpoint, pid: c.pid });
    }
  }

  /** Seconds paused at `at`: during a pause, or a pause that ended less than a keep-alive window before. */
  private pausedAt(rootId: string, sessionId: string, at: number, keepAlive?: number): number | undefined {
    const own = this.loop.sessions.get(sessionId);
    const members = own && own.id !== rootId ? [own] : this.loop.sessions.family(rootId);
    const slack = Math.max(1, keepAlive ?? 60) * 1500;
    let best: number | undefined;
    for (const s of members) {
      for (const span of s.run.pauses()) {
        if (span.from > at || (span.to !== undefined && at - span.to > slack)) continue;
        const seconds = Math.round(((span.to !== undefined && span.to < at ? span.to : at) - span.from) / 1000);
        best = Math.max(best ?? 0, seconds);
      }
    }
    return best;
  }

  private emit(rootId: string, fact: ConsoleFact): void {
    this.emitter.emit('line', { rootId, fact });
  }
}

/**
 * A fact as one Debug Console line (`[iot] boiler-1 dropped: keep-alive timed out (160) after 47 s
 * paused`): the client by its short name, everything from the broker made one plain line.
 */
export function consoleLineWords(f: ConsoleFact): Words {
  const name = clientLabel(f.clientId);
  switch (f.kind) {
    case 'connected': {
      if (f.endpoint === undefined) return words('consoleConnected', name);
      const at = plainText(f.endpoint, 60);
      return f.pid !== undefined
        ? words('consoleConnectedFromProcess', name, at, f.pid)
        : words('consoleConnectedFrom', name, at);
    }
    case 'dropped': {
      if (f.closeCode === undefined) return words('consoleDisconnected', name);
      const why = closeExplanation(f.closeCode) ?? words('closed');
      return f.pausedSeconds !== undefined
        ? words('consoleDroppedPaused', name, why, f.closeCode, f.pausedSeconds)
        : words('consoleDropped', name, why, f.closeCode);
    }
    case 'held':
      return words('consoleHeld', name);
    case 'released':
      return words('consoleReleased', name);
  }
}
