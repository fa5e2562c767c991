// Why a RabbitMQ connection closed (platform-contract.md §7.1): connection.closed carries only its name, node and
// pid; the cause is in a log line about the same connection — by its name, or for a close through the management
// API by the pid of its internal connection — or, for a node that is stopping, in that node's own shutdown line.
// Lines and events come in either order: a close waits up to JOIN_MS for its line, then has no code and the reason
// "unknown".

import { CloseCode, type DisconnectInitiator } from '../../../core/closeCodes';
import type { RabbitLogLine } from './logLines';

export const JOIN_MS = 2000;
/** How long a line waits for its event, and a node's shutdown line counts for its connections' closes. */
const KEEP_MS = 30_000;

export interface Cause {
  closeCode?: number;
  initiator?: DisconnectInitiator;
  /** Words when there is no code. */
  reason?: string;
}

export interface ClosedConnection {
  name: string;
  node?: string;
  /** `<0.id.serial>` of the connection's internal pid. */
  localPid?: string;
}

interface Waiting {
  c: ClosedConnection;
  done: (cause: Cause) => void;
  timer: NodeJS.Timeout;
}

const pidKey = (node: string | undefined, localPid: string) => `${node ?? ''}|${localPid}`;
const unknown: Cause = { reason: 'unknown' };
const shutdown: Cause = { closeCode: CloseCode.ServerShutdown, initiator: 'server' };

export class CauseJoiner {
  private readonly byName = new Map<string, { cause: Cause; at: number }>();
  private readonly byPid = new Map<string, { cause: Cause; at: number }>();
  private readonly stopping = new Map<string, number>();
  private readonly waiting = new Map<string, Waiting>();

  /** Keeps what a line tells about a close, and ends the wait of the close it explains. */
  line(l: RabbitLogLine, at: number): void {
    if (l.kind === 'mqttClosed') {
      this.byName.set(l.connection, { cause: causeOf(l), at });
      const w = this.waiting.get(l.connection);
      if (w !== undefined) this.end(l.connection, w, causeOf(l));
    } else if (l.kind === 'adminClose') {
      this.byPid.set(pidKey(l.node, l.connectionPid), { cause: causeOf(l), at });
      this.settle((w) => w.c.localPid === l.connectionPid && w.c.node === l.node, causeOf(l));
    } else if (l.kind === 'nodeStopping' && l.node !== undefined) {
      this.stopping.set(l.node, at);
      this.settle((w) => w.c.node === l.node, shutdown);
    }
    if (this.byName.size + this.byPid.size > 10_000) this.sweep(at);
  }

  /** A connection closed: `done` is called with its cause, now or once its line comes, or after JOIN_MS. */
  closed(c: ClosedConnection, at: number, done: (cause: Cause) => void): void {
    const known =
      this.byName.get(c.name)?.cause ??
      (c.localPid !== undefined ? this.byPid.get(pidKey(c.node, c.localPid))?.cause : undefined) ??
      (c.node !== undefined && at - (this.stopping.get(c.node) ?? -Infinity) < KEEP_MS ? shutdown : undefined);
    if (known !== undefined) return done(known);
    this.waiting.get(c.name)?.done(unknown);
    const timer = setTimeout(() => {
      this.waiting.delete(c.name);
      done(unknown);
    }, JOIN_MS);
    this.waiting.set(c.name, { c, done, timer });
  }

  /** Ends every wait at once (the observer stops): what is not known by now has no code. */
  flush(): void {
    for (const w of this.waiting.values()) {
      clearTimeout(w.timer);
      w.done(unknown);
    }
    this.waiting.clear();
  }

  sweep(now: number): void {
    for (const map of [this.byName, this.byPid]) {
      for (const [k, v] of map) if (now - v.at > KEEP_MS) map.delete(k);
    }
    for (const [k, at] of this.stopping) if (now - at > KEEP_MS) this.stopping.delete(k);
  }

  private settle(match: (w: Waiting) => boolean, cause: Cause): void {
    for (const [name, w] of this.waiting) if (match(w)) this.end(name, w, cause);
  }

  private end(name: string, w: Waiting, cause: Cause): void {
    clearTimeout(w.timer);
    this.waiting.delete(name);
    w.done(cause);
  }
}

function causeOf(l: Extract<RabbitLogLine, { kind: 'mqttClosed' | 'adminClose' }>): Cause {
  if (l.closeCode !== undefined) return { closeCode: l.closeCode, ...(l.initiator ? { initiator: l.initiator } : {}) };
  return {
    reason: l.kind === 'mqttClosed' && l.detail !== undefined ? l.detail : l.cause,
    ...(l.initiator ? { initiator: l.initiator } : {}),
  };
}
