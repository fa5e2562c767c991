// The figures of a client's history over a range [from, to]: current status, uptime, number and
// median length of sessions, disconnects by cause, failed attempts, and flapping (many connects in
// a short window). Linear in the history after buildSessions; 50,000 events take milliseconds.

import type { ConnectionStatus } from './clientState';
import { DISCONNECT_CAUSES, type DisconnectCause } from './events/types';
import { sessionLength, type History, type Session } from './sessions';

export interface FlappingOptions {
  /** Connects within the window that count as flapping. */
  readonly threshold?: number;
  readonly windowMs?: number;
}

export const DEFAULT_FLAPPING: Required<FlappingOptions> = { threshold: 5, windowMs: 10 * 60_000 };

export interface SummaryOptions {
  readonly from: number;
  readonly to: number;
  /** The present: open sessions last until it; later parts of the range are not measured. Default `to`. */
  readonly now?: number;
  /** The state record's status, which outranks what the history suggests. */
  readonly status?: ConnectionStatus | 'unknown';
  readonly flapping?: FlappingOptions;
}

export interface Flapping {
  readonly flapping: boolean;
  /** Most connects seen within any window of windowMs in the range, and where. */
  readonly maxConnects: number;
  readonly windowStart?: number;
  readonly windowEnd?: number;
  readonly threshold: number;
  readonly windowMs: number;
}

export interface Summary {
  readonly status: ConnectionStatus | 'unknown';
  /** The part of the range the history covers: uptime is measured over it only. */
  readonly measuredFrom?: number;
  readonly measuredTo?: number;
  /** Connected share of the measured part, 0–1; undefined when nothing is measured. */
  readonly uptimeRatio?: number;
  readonly sessions: number;
  readonly medianSessionMs?: number;
  readonly disconnectsByCause: Readonly<Record<DisconnectCause, number>>;
  readonly failedAttempts: number;
  readonly flapping: Flapping;
}

export function summarize(history: History, options: SummaryOptions): Summary {
  const { from, to } = options;
  const now = options.now ?? to;
  const end = Math.min(to, now);
  const first = firstKnown(history);
  const measuredFrom = first === undefined ? undefined : Math.max(from, first);
  const measured = measuredFrom !== undefined && end > measuredFrom;
  const inRange = history.sessions.filter((s) => (s.start ?? -Infinity) < end && (s.end ?? Infinity) > from);
  let up = 0;
  if (measured) {
    for (const s of inRange) {
      up += Math.max(0, Math.min(s.end ?? now, end) - Math.max(s.start ?? measuredFrom, measuredFrom));
    }
  }
  const byCause = Object.fromEntries(DISCONNECT_CAUSES.map((c) => [c, 0])) as Record<DisconnectCause, number>;
  for (const s of history.sessions) {
    if (s.end !== undefined && s.cause && s.end >= from && s.end <= to) byCause[s.cause]++;
  }
  for (const d of history.unmatched) if (d.time !== undefined && d.time >= from && d.time <= to) byCause[d.cause]++;
  const lengths = inRange.map((s) => sessionLength(s, now)).filter((n): n is number => n !== undefined);
  return {
    status: currentStatus(history, options.status),
    ...(measured ? { measuredFrom, measuredTo: end, uptimeRatio: up / (end - measuredFrom) } : {}),
    sessions: inRange.length,
    ...(lengths.length > 0 ? { medianSessionMs: median(lengths) } : {}),
    disconnectsByCause: byCause,
    failedAttempts: history.failedAttempts.filter((f) => f.time !== undefined && f.time >= from && f.time <= to).length,
    flapping: detectFlapping(connectTimes(history.sessions, from, to), options.flapping),
  };
}

/** The earliest instant the history speaks of. */
function firstKnown(history: History): number | undefined {
  const s = history.sessions[0];
  const candidates = [s?.start ?? s?.end, history.failedAttempts[0]?.time, history.unmatched[0]?.time];
  const known = candidates.filter((t): t is number => t !== undefined);
  return known.length > 0 ? Math.min(...known) : undefined;
}

function currentStatus(
  history: History,
  fromState: ConnectionStatus | 'unknown' | undefined,
): ConnectionStatus | 'unknown' {
  if (fromState === 'connected' || fromState === 'disconnected') return fromState;
  const last = history.sessions[history.sessions.length - 1];
  if (last) return last.end === undefined ? 'connected' : 'disconnected';
  return history.failedAttempts.length > 0 || history.unmatched.length > 0 ? 'disconnected' : 'unknown';
}

function connectTimes(sessions: readonly Session[], from: number, to: number): number[] {
  const out: number[] = [];
  for (const s of sessions) if (s.start !== undefined && s.start >= from && s.start <= to) out.push(s.start);
  return out;
}

/** The densest window of connects (times ascending), by two pointers. */
export function detectFlapping(times: readonly number[], options: FlappingOptions = {}): Flapping {
  const threshold = Math.max(2, options.threshold ?? DEFAULT_FLAPPING.threshold);
  const windowMs = Math.max(1, options.windowMs ?? DEFAULT_FLAPPING.windowMs);
  let best = 0;
  let bestAt = -1;
  for (let lo = 0, hi = 0; hi < times.length; hi++) {
    while (times[hi] - times[lo] > windowMs) lo++;
    if (hi - lo + 1 > best) [best, bestAt] = [hi - lo + 1, lo];
  }
  const window = bestAt >= 0 ? { windowStart: times[bestAt], windowEnd: times[bestAt + best - 1] } : {};
  return { flapping: best >= threshold, maxConnects: best, ...window, threshold, windowMs };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
