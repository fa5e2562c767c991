// Sessions from ordered events (connect → disconnect), the gaps between them and the failed
// attempts. A takeover (close code 288) replaces a connection with a newer one of the same
// client id: the client stays connected, so the two sessions touch and no gap appears, whichever
// of the 288 disconnect and the new connect comes first.

import {
  compareEventTimes,
  type ConnectedEvent,
  type ConnectivityEvent,
  type DisconnectCause,
  type DisconnectedEvent,
  type FailedConnectEvent,
} from './events/types';

export interface Session {
  /** Undefined: the session began before the first event we have. */
  readonly start: number | undefined;
  /** Undefined: still open. */
  readonly end: number | undefined;
  /** Absent when the start was inferred (the newer side of a takeover whose connect we lack). */
  readonly connect?: ConnectedEvent;
  readonly disconnect?: DisconnectedEvent;
  /** Why it ended; `takeover` also when a second connect replaced it without a 288 seen. */
  readonly cause?: DisconnectCause;
}

export interface Gap {
  readonly start: number;
  /** Undefined: still disconnected. */
  readonly end: number | undefined;
  /** Why the session before it ended. */
  readonly cause?: DisconnectCause;
  readonly failedAttempts: number;
}

export interface History {
  readonly sessions: readonly Session[];
  readonly gaps: readonly Gap[];
  readonly failedAttempts: readonly FailedConnectEvent[];
  /** Disconnects that end no session we know of (their connect was missed). */
  readonly unmatched: readonly DisconnectedEvent[];
}

export interface SessionOptions {
  /** How far apart the two reports of one takeover (288 and the newer connect) may be. */
  readonly takeoverWindowMs?: number;
}

export const DEFAULT_TAKEOVER_WINDOW_MS = 10_000;

type Open = { start: number | undefined; connect?: ConnectedEvent };
type Closed = Session & { disconnect?: DisconnectedEvent };

/**
 * `events` best in time order (as mergeEvents returns them; else sorted here); undated and `other` events are skipped.
 */
export function buildSessions(input: readonly ConnectivityEvent[], options: SessionOptions = {}): History {
  const events = inTimeOrder(input);
  const window = options.takeoverWindowMs ?? DEFAULT_TAKEOVER_WINDOW_MS;
  const sessions: Closed[] = [];
  const failedAttempts: FailedConnectEvent[] = [];
  const unmatched: DisconnectedEvent[] = [];
  let open: Open | undefined;
  let seenAny = false;
  // A session replaced by a second connect, waiting for its 288 disconnect to arrive.
  let replaced: number | undefined;
  const close = (end: number, cause: DisconnectCause, disconnect?: DisconnectedEvent): void => {
    sessions.push({
      start: open?.start,
      end,
      cause,
      ...(open?.connect ? { connect: open.connect } : {}),
      ...(disconnect ? { disconnect } : {}),
    });
    open = undefined;
  };
  for (const e of events) {
    if (e.time === undefined || e.kind === 'other') continue;
    if (e.kind === 'failedConnect') {
      failedAttempts.push(e);
      continue;
    }
    const t = e.time;
    if (e.kind === 'connected') {
      if (open && open.connect === undefined && open.start !== undefined && t - open.start <= window) {
        open.connect = e; // the newer connection of a takeover whose 288 came first
      } else {
        if (open) {
          close(t, 'takeover');
          replaced = sessions.length - 1;
        }
        open = { start: t, connect: e };
      }
    } else if (e.cause === 'takeover') {
      const old = replaced !== undefined ? sessions[replaced] : undefined;
      if (old && old.disconnect === undefined && old.end !== undefined && Math.abs(t - old.end) <= window) {
        sessions[replaced as number] = { ...old, disconnect: e }; // the 288 after the newer connect
        replaced = undefined;
      } else {
        if (open || !seenAny) close(t, 'takeover', e);
        else unmatched.push(e);
        open = { start: t }; // still connected through a newer connection we have not seen
      }
    } else if (open || !seenAny) {
      close(t, e.cause, e);
    } else {
      unmatched.push(e);
    }
    seenAny = true;
  }
  if (open) sessions.push({ start: open.start, end: undefined, ...(open.connect ? { connect: open.connect } : {}) });
  return { sessions, gaps: gapsBetween(sessions, failedAttempts), failedAttempts, unmatched };
}

function inTimeOrder(events: readonly ConnectivityEvent[]): readonly ConnectivityEvent[] {
  let last = -Infinity;
  for (const e of events) {
    if (e.time === undefined) continue;
    if (e.time < last) return [...events].sort(compareEventTimes);
    last = e.time;
  }
  return events;
}

function gapsBetween(sessions: readonly Session[], failures: readonly FailedConnectEvent[]): Gap[] {
  const gaps: Gap[] = [];
  let f = 0;
  for (let i = 0; i < sessions.length; i++) {
    const end = sessions[i].end;
    if (end === undefined) continue;
    const next = sessions[i + 1]?.start;
    if (next !== undefined && next <= end) continue;
    while (f < failures.length && (failures[f].time as number) < end) f++;
    let count = 0;
    while (f < failures.length && (next === undefined || (failures[f].time as number) <= next)) {
      [f, count] = [f + 1, count + 1];
    }
    gaps.push({
      start: end,
      end: next,
      ...(sessions[i].cause ? { cause: sessions[i].cause } : {}),
      failedAttempts: count,
    });
  }
  return gaps;
}

/** Length in ms of a session with a known start; an open one counts up to `now`. */
export function sessionLength(session: Session, now: number): number | undefined {
  if (session.start === undefined) return undefined;
  return Math.max(0, (session.end ?? now) - session.start);
}
