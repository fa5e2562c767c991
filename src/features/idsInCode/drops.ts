// "3 drops today (160 ×2, 91)": a client's drops since local midnight, counted from its connection
// log (platform-contract.md §3) and kept up to date by what the watcher and the tree learn later
// (no `vscode` import; unit-tested). A drop is a connection that ended without the client's clean
// DISCONNECT (close code 0): timeouts, server closes, a socket the client lost (91), takeovers (288).
import type { ConnectivityEvent } from '../../core/events/types';
import { PRESENCE_SKEW_MS } from '../../core/presence/presence';

export interface DropTally {
  /** Local midnight of the day counted (epoch ms). */
  readonly day: number;
  readonly total: number;
  /** Close codes with their counts, the most frequent first (undefined: no code known). */
  readonly codes: readonly (readonly [code: number | undefined, count: number])[];
  /** The log held more than was read: there were at least `total`. */
  readonly atLeast: boolean;
  /** When the latest drop counted happened. */
  readonly latest?: number;
}

export interface DropFacts {
  readonly time: number | undefined;
  readonly closeCode?: number;
  readonly initiator?: string;
}

/** Local midnight before `now`. */
export function startOfDay(now: number): number {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

export function isDrop(closeCode: number | undefined, initiator: string | undefined): boolean {
  return closeCode !== undefined ? closeCode !== 0 : initiator !== 'client';
}

function dropOf(e: ConnectivityEvent): DropFacts | undefined {
  return e.kind === 'disconnected' && isDrop(e.closeCode, e.initiator)
    ? { time: e.time, closeCode: e.closeCode, initiator: e.initiator }
    : undefined;
}

function withCode(codes: DropTally['codes'], code: number | undefined): DropTally['codes'] {
  const counts = new Map(codes);
  counts.set(code, (counts.get(code) ?? 0) + 1);
  // Most frequent first; ties in code order, unknown codes last.
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] ?? Infinity) - (b[0] ?? Infinity));
}

/** The drops of `day` among events read from the log (`complete`: the log held no more for that day). */
export function tallyDrops(events: readonly ConnectivityEvent[], day: number, complete: boolean): DropTally {
  let tally: DropTally = { day, total: 0, codes: [], atLeast: !complete };
  for (const e of events) {
    const drop = dropOf(e);
    if (!drop || drop.time === undefined || drop.time < day) continue;
    tally = {
      ...tally,
      total: tally.total + 1,
      codes: withCode(tally.codes, drop.closeCode),
      latest: Math.max(tally.latest ?? -Infinity, drop.time),
    };
  }
  return tally;
}

/** The tally with one more drop, when it is of that day and later than every drop counted. */
export function addDrop(tally: DropTally, drop: DropFacts): DropTally {
  if (drop.time === undefined || drop.time < tally.day || !isDrop(drop.closeCode, drop.initiator)) return tally;
  if (tally.latest !== undefined && drop.time <= tally.latest + PRESENCE_SKEW_MS) return tally;
  return { ...tally, total: tally.total + 1, codes: withCode(tally.codes, drop.closeCode), latest: drop.time };
}

/** No drop on `day` at all (the record's last disconnect was earlier). */
export function noDrops(day: number): DropTally {
  return { day, total: 0, codes: [], atLeast: false };
}
