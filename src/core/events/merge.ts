// Log events + monitor events + state events → one ordered list without duplicates.
// The same report seen twice (same key) is kept once. The same event from two sources (same
// kind, compatible close, times within a tolerance for clock skew) is one event: the earlier
// source's report stands, noting the others in `alsoSeenIn`. Each event of a source absorbs at
// most one event of every other source, the nearest in time, but never across a report both
// sources share: pairs keep each source's order (a drop before a reconnect both saw is not a drop
// after it, however close in time). Undated events go last.

import { closeCodeInfo } from '../closeCodes';
import { FAILED_CONNECT_CODES } from './close';
import type { ConnectivityEvent, DisconnectedEvent } from './types';

export interface MergeOptions {
  /** Largest distance in time between two sources' reports of one event. */
  readonly toleranceMs?: number;
}

export const DEFAULT_MERGE_TOLERANCE_MS = 1000;
/** Bounds the search for a partner, so that a burst of same-instant events stays linear. */
const MAX_PROBES = 64;

interface Group {
  event: ConnectivityEvent;
  readonly time: number;
  readonly seq: number;
  /** Bit i set: source i contributed. */
  inputs: number;
  /** Whether `event` is this merge's own copy (made on the first partner), free to complete. */
  owned: boolean;
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** `sources` in order of preference: e.g. [logEvents, monitorEvents, stateEvents]. */
export function mergeEvents(
  sources: readonly (readonly ConnectivityEvent[])[],
  options: MergeOptions = {},
): ConnectivityEvent[] {
  const tolerance = Math.max(0, options.toleranceMs ?? DEFAULT_MERGE_TOLERANCE_MS);
  const seen = new Set<string>();
  const byBucket = new Map<string, Group[]>();
  const groups: Group[] = [];
  const undated: ConnectivityEvent[] = [];
  let seq = 0;
  sources.forEach((events, input) => {
    const fresh: Group[] = [];
    const dated = events.filter((e) => {
      if (seen.has(e.key)) return false;
      seen.add(e.key);
      if (e.time === undefined || !Number.isFinite(e.time)) undated.push(e);
      return e.time !== undefined && Number.isFinite(e.time);
    });
    dated.sort((a, b) => (a.time as number) - (b.time as number));
    for (const e of dated) {
      const partner = e.kind === 'other' ? undefined : nearest(byBucket, e, input, tolerance);
      if (partner) {
        if (!partner.owned) [partner.event, partner.owned] = [{ ...partner.event }, true];
        complete(partner.event as Writable<ConnectivityEvent>, e);
        partner.inputs |= bit(input);
      } else {
        fresh.push({ event: e, time: e.time as number, seq: seq++, inputs: bit(input), owned: false });
      }
    }
    for (const g of fresh) {
      groups.push(g);
      if (g.event.kind !== 'other') {
        (byBucket.get(bucket(g.event)) ?? (byBucket.set(bucket(g.event), []).get(bucket(g.event)) as Group[])).push(g);
      }
    }
    for (const list of byBucket.values()) list.sort((a, b) => a.time - b.time || a.seq - b.seq);
  });
  groups.sort((a, b) => a.time - b.time || a.seq - b.seq);
  return [...groups.map((g) => g.event), ...undated];
}

function nearest(
  byBucket: ReadonlyMap<string, readonly Group[]>,
  e: ConnectivityEvent,
  input: number,
  tolerance: number,
): Group | undefined {
  const list = byBucket.get(bucket(e)) ?? [];
  const t = e.time as number;
  const lo = firstAtOrAfter(list, t);
  let best: Group | undefined;
  const consider = (g: Group): void => {
    if ((g.inputs & bit(input)) !== 0 || (best !== undefined && Math.abs(g.time - t) >= Math.abs(best.time - t))) {
      return;
    }
    if (compatible(g.event, e) && !separated(byBucket, g, e, input)) best = g;
  };
  for (let i = lo - 1, n = 0; i >= 0 && t - list[i].time <= tolerance && n < MAX_PROBES; i--, n++) consider(list[i]);
  for (let i = lo, n = 0; i < list.length && list[i].time - t <= tolerance && n < MAX_PROBES; i++, n++) {
    consider(list[i]);
  }
  return best;
}

/** Whether a report that `e`'s source and `g`'s share lies strictly between them in time: each
 *  source then puts them on different sides of it, so they are two events. */
function separated(
  byBucket: ReadonlyMap<string, readonly Group[]>,
  g: Group,
  e: ConnectivityEvent,
  input: number,
): boolean {
  const t = e.time as number;
  const [from, to] = g.time < t ? [g.time, t] : [t, g.time];
  for (const list of byBucket.values()) {
    for (let i = firstAtOrAfter(list, from), n = 0; i < list.length && list[i].time < to && n < MAX_PROBES; i++, n++) {
      const h = list[i];
      if (h.time > from && (h.inputs & bit(input)) !== 0 && (h.inputs & g.inputs) !== 0) return true;
    }
  }
  return false;
}

/** The first index of a time-sorted list whose time is at or after `t`. */
function firstAtOrAfter(list: readonly Group[], t: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid].time < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Events that may be one: connects with connects; closes (disconnects, failed attempts) with closes. */
function bucket(e: ConnectivityEvent): string {
  return e.kind === 'failedConnect' ? 'disconnected' : e.kind;
}

function compatible(a: ConnectivityEvent, b: ConnectivityEvent): boolean {
  if (a.kind === 'other' || b.kind === 'other' || a.kind === 'connected' || b.kind === 'connected') {
    return a.kind === b.kind;
  }
  if (a.kind !== b.kind) {
    // A refused attempt that one source calls a disconnect (the state record, a log read without
    // context) and another a failed connect: one event when both name the same refusing code.
    return a.closeCode !== undefined && a.closeCode === b.closeCode && FAILED_CONNECT_CODES.has(a.closeCode);
  }
  if (
    a.kind === 'disconnected' &&
    b.kind === 'disconnected' &&
    a.cause !== 'unknown' &&
    b.cause !== 'unknown' &&
    a.cause !== b.cause
  ) {
    return false;
  }
  const [x, y] = [a.closeCode, b.closeCode];
  // Two known platform codes must agree; a number outside the table (the 2020 log form) may not.
  return x === undefined || y === undefined || x === y || !closeCodeInfo(x) || !closeCodeInfo(y);
}

/** A source's bit; sources past the 31st share the last bit (never expected: there are three). */
function bit(input: number): number {
  return 1 << Math.min(input, 30);
}

/**
 * Completes the preferred report (a copy this merge owns) with the other: its sources, and its close detail when the
 * preferred has none.
 */
function complete(kept: Writable<ConnectivityEvent>, other: ConnectivityEvent): void {
  if (other.source !== kept.source && !kept.alsoSeenIn?.includes(other.source)) {
    kept.alsoSeenIn = [...(kept.alsoSeenIn ?? []), other.source];
  }
  if (kept.clientId === undefined && other.clientId !== undefined) kept.clientId = other.clientId;
  if (kept.clientAddr === undefined && other.clientAddr !== undefined) kept.clientAddr = other.clientAddr;
  if (kept.clientPort === undefined && other.clientPort !== undefined) kept.clientPort = other.clientPort;
  if (kept.keepAliveSeconds === undefined && other.keepAliveSeconds !== undefined) {
    kept.keepAliveSeconds = other.keepAliveSeconds;
  }
  if (kept.node === undefined && other.node !== undefined) kept.node = other.node;
  if (kept.kind === 'disconnected' && other.kind === 'failedConnect') {
    // The source that saw an attempt fail knows better than one that saw a close.
    const k = kept as Partial<Writable<DisconnectedEvent>>;
    delete k.cause;
    delete k.connectTime;
    Object.assign(kept, { kind: 'failedConnect', auth: other.auth });
  }
  if (
    (kept.kind === 'disconnected' || kept.kind === 'failedConnect') &&
    other.kind === kept.kind &&
    kept.closeCode === undefined &&
    other.closeCode !== undefined
  ) {
    Object.assign(kept, {
      closeCode: other.closeCode,
      initiator: other.initiator,
      mqttReasonCode: other.mqttReasonCode,
      reason: other.reason,
      explanation: other.explanation,
      hint: other.hint,
      ...(other.kind === 'disconnected' ? { cause: other.cause } : {}),
    });
  }
}
