// What the tree group and the status bar show of the debugging loop (no `vscode` import): each
// session family with clients, and each client with how it was found, whether its program is
// paused and, while it is, the time left before the broker drops it. Taken in one go from the live
// model, so every part draws the same picture.

import { countdown, keepAliveFactor, type Countdown } from './countdown';
import type { DebugLoop } from './loop';
import type { OwnedHow } from './ownership';

export interface ClientRow {
  readonly clientId: string;
  readonly how: OwnedHow;
  readonly pid?: number;
  /** `address:port` of its connection, as the broker reported it. */
  readonly endpoint?: string;
  /** The session whose program holds it (a guess: the family's root). */
  readonly sessionId: string;
  /** Connected now, as the monitor told. */
  readonly connected: boolean;
  /** While its program is paused: since when, and the time left before a drop. */
  readonly pause?: { readonly since: number; readonly countdown: Countdown };
}

export interface FamilyRow {
  readonly rootId: string;
  /** The name the family was launched with. */
  readonly name: string;
  readonly type: string;
  readonly clients: readonly ClientRow[];
}

export function familyRows(loop: DebugLoop, now: number): FamilyRow[] {
  const { sessions, ownership, ledger, keeper } = loop;
  const factor = keepAliveFactor(loop.sourceKind);
  const rows: FamilyRow[] = [];
  for (const rootId of ownership.roots()) {
    const root = sessions.get(rootId);
    if (!root) continue;
    const clients = ownership.of(rootId).map((c): ClientRow => {
      const conn = ledger.connection(c.clientId);
      const members = c.how === 'guess' ? sessions.family(rootId) : [sessions.get(c.sessionId) ?? root];
      const since = members.map((s) => s.run.pausedSince).filter((t): t is number => t !== undefined);
      const kept = keeper.kept(c.clientId);
      const pause =
        since.length === 0
          ? undefined
          : {
              since: Math.min(...since),
              countdown: countdown({
                now,
                pausedSince: Math.min(...since),
                keepAliveSeconds: kept?.keepAliveSeconds ?? conn?.keepAliveSeconds,
                factor,
                exactDeadline: kept?.deadline,
                held: kept?.held,
              }),
            };
      return {
        clientId: c.clientId,
        how: c.how,
        pid: c.pid,
        endpoint: c.endpoint,
        sessionId: c.sessionId,
        connected: !!conn,
        pause,
      };
    });
    clients.sort((a, b) => (a.clientId < b.clientId ? -1 : a.clientId > b.clientId ? 1 : 0));
    rows.push({ rootId, name: root.name, type: root.type, clients });
  }
  return rows;
}

/** Countdowns whose words change with the clock; `held` and `noKeepAlive` read the same each second. */
const TICKING: ReadonlySet<Countdown['kind']> = new Set(['exact', 'bound', 'unknown']);

/** Whether anything shown counts down (the views then redraw every second; not for held clients only). */
export function anyCountdown(rows: readonly FamilyRow[]): boolean {
  return rows.some((f) => f.clients.some((c) => c.pause !== undefined && TICKING.has(c.pause.countdown.kind)));
}
