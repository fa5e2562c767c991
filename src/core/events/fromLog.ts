// Connection-log entries (platform-contract.md §3, newest first as the API returns them) → events, oldest first.
// A line is read in context: "Token auth failed" followed by "Closed connection from the same IP.
// The operation is not authorized." is ONE failed connect, and a not-authorized close while no
// session is open is a failed attempt, not a disconnect. Classify all entries read so far in one
// call (not page by page) so that pairs split across pages still pair.

import { CloseCode } from '../closeCodes';
import { parseInstant } from '../time';
import { hashText } from '../text';
import { FAILED_CONNECT_CODES, resolveClose } from './close';
import { readLogLine, type LogLineFact } from './logLine';
import type { ConnectivityEvent, DisconnectedEvent, FailedConnectEvent, TimeIssue } from './types';

interface Entry {
  readonly message: string;
  readonly time: number | undefined;
  readonly timeIssue?: TimeIssue;
  readonly rawTime?: string;
  readonly key: string;
}

function readEntry(value: unknown): Entry {
  const r =
    typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const message = typeof r.message === 'string' ? r.message : safeJson(value);
  const stamp = r.timestamp;
  const time = typeof stamp === 'string' ? parseInstant(stamp) : undefined;
  const timeIssue: TimeIssue | undefined =
    stamp === undefined || stamp === null ? 'missing' : time === undefined ? 'invalid' : undefined;
  const rawTime =
    timeIssue === 'invalid' ? String(typeof stamp === 'string' ? stamp : safeJson(stamp)).slice(0, 100) : undefined;
  return {
    message,
    time,
    timeIssue,
    rawTime,
    key: `log:${time ?? `?${hashText(rawTime ?? '')}`}:${hashText(message)}:${message.length}`,
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    // A BigInt, a cycle; an object without a prototype has no toString either.
    return typeof value === 'object' && value !== null ? Object.prototype.toString.call(value) : String(value);
  }
}

/** Entries newest first (as served) → oldest first; entries without a usable time go last. */
function chronological(entries: readonly unknown[]): Entry[] {
  const read = entries.map(readEntry).reverse();
  const dated = read.filter((e) => e.time !== undefined);
  dated.sort((a, b) => (a.time as number) - (b.time as number)); // stable: ties keep log order
  return [...dated, ...read.filter((e) => e.time === undefined)];
}

type Session = 'unknown' | 'open' | 'closed';

export function eventsFromLog(entries: readonly unknown[]): ConnectivityEvent[] {
  const out: ConnectivityEvent[] = [];
  let session: Session = 'unknown';
  let sessionIp: string | undefined;
  let pendingFailure: number | undefined; // index in out of a failed auth awaiting its close
  for (const entry of chronological(Array.isArray(entries) ? entries : [])) {
    const base = {
      key: entry.key,
      source: 'log' as const,
      time: entry.time,
      ...(entry.timeIssue ? { timeIssue: entry.timeIssue } : {}),
      ...(entry.rawTime !== undefined ? { rawTime: entry.rawTime } : {}),
    };
    // Undated entries cannot be put in sequence: read each alone.
    const inSequence = entry.time !== undefined;
    const fact: LogLineFact = readLogLine(entry.message);
    if (fact.type === 'auth') {
      const who = {
        clientId: fact.clientId,
        ...(fact.clientIp !== undefined ? { clientAddr: fact.clientIp } : {}),
        ...(fact.clientPort !== undefined ? { clientPort: fact.clientPort } : {}),
        ...(fact.keepAliveSeconds !== undefined ? { keepAliveSeconds: fact.keepAliveSeconds } : {}),
      };
      if (fact.succeeded) {
        out.push({ ...base, ...who, kind: 'connected', auth: fact.method });
        if (inSequence) [session, sessionIp, pendingFailure] = ['open', fact.clientIp, undefined];
      } else {
        const prev = out[out.length - 1];
        if (inSequence && prev !== undefined && endsAttemptAt(prev, entry.time, fact.clientIp)) {
          // Its close was logged at the same instant but listed first: still one failed connect.
          const { cause: _cause, connectTime: _connect, ...close } = prev as DisconnectedEvent;
          out[out.length - 1] = { ...close, ...base, ...who, kind: 'failedConnect', auth: fact.method };
          continue;
        }
        const close = resolveClose({ closeCode: CloseCode.NotAuthorized });
        out.push({ ...base, ...who, ...withoutCause(close), kind: 'failedConnect', auth: fact.method });
        if (inSequence) pendingFailure = out.length - 1;
      }
      continue;
    }
    if (fact.type === 'closed') {
      const close = resolveClose({ reason: fact.reason });
      const addr = fact.clientIp !== undefined ? { clientAddr: fact.clientIp } : {};
      const failedAttempt = close.closeCode !== undefined && FAILED_CONNECT_CODES.has(close.closeCode);
      const pending =
        inSequence && pendingFailure !== undefined ? (out[pendingFailure] as FailedConnectEvent) : undefined;
      if (pending && sameAddress(pending.clientAddr, fact.clientIp) && (failedAttempt || fact.clientIp !== undefined)) {
        // The close that ended the failed attempt: one event, with the close's own words.
        out[pendingFailure as number] = { ...pending, ...withoutCause(close) };
        pendingFailure = undefined;
        continue;
      }
      const otherClient = sessionIp !== undefined && fact.clientIp !== undefined && fact.clientIp !== sessionIp;
      if (inSequence && failedAttempt && (session === 'closed' || (session === 'open' && otherClient))) {
        out.push({ ...base, ...addr, ...withoutCause(close), kind: 'failedConnect', auth: 'unknown' });
        continue;
      }
      const event: DisconnectedEvent = {
        ...base,
        ...addr,
        ...withoutCause(close),
        kind: 'disconnected',
        cause: close.cause,
      };
      out.push(event);
      // A takeover (288) ends the old connection, not the client's presence.
      if (inSequence && close.cause !== 'takeover') [session, sessionIp] = ['closed', undefined];
      continue;
    }
    out.push({ ...base, kind: 'other', raw: entry.message });
  }
  return out;
}

/** A close, at `time` from `ip`, that ends attempts rather than sessions (read before its auth line). */
function endsAttemptAt(e: ConnectivityEvent, time: number | undefined, ip: string | undefined): boolean {
  if (e.source !== 'log' || e.time !== time || e.clientAddr !== ip) return false;
  if (e.kind === 'failedConnect') return e.auth === 'unknown';
  return e.kind === 'disconnected' && e.closeCode !== undefined && FAILED_CONNECT_CODES.has(e.closeCode);
}

function sameAddress(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

function withoutCause<T extends { cause: unknown }>(close: T): Omit<T, 'cause'> {
  const { cause: _cause, ...rest } = close;
  return rest;
}
