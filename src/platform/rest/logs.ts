// The Connection Logs API (platform-contract.md §3): one page (newest first), and a stream of older pages within
// the API's reach (limit ≤ 20, offset ≤ 1000). Entries are read defensively: an entry without a
// readable timestamp, or with a huge message, is kept and flagged, never thrown away or thrown.

import type { LogAddress } from '../../core/ids';
import { LOG_LIMIT_MAX, LOG_LIMIT_MIN, LOG_OFFSET_MAX, MAX_CLIENT_ID_BYTES } from '../../core/limits';
import { parseInstant, toIso } from '../../core/time';
import { PlatformError } from '../errors';
import type { Transport } from './http';
import { PageGuard } from './paging';
import { quote } from './text';

/** Which log (by device type and id, or by client id: platform-contract.md §3, §7.2), and which part of it. */
export type LogRequest = LogAddress & LogPaging;
/** A request for the whole log, from the newest entry. */
export type LogStreamRequest = LogAddress & Omit<LogPaging, 'offset'>;

export interface LogPaging {
  /** 1–20; default 20. */
  readonly limit?: number;
  /** 0–1000; default 0 (the newest). */
  readonly offset?: number;
  /** Only together: ISO 8601 text or epoch milliseconds. */
  readonly fromTime?: string | number;
  readonly toTime?: string | number;
}

/** What was wrong with a log entry: the entry is kept all the same; whoever shows it words it. */
export type LogEntryProblem =
  | { readonly kind: 'notObject' }
  | { readonly kind: 'noMessage' }
  /** The message had `length` characters; it was cut to MAX_LOG_MESSAGE. */
  | { readonly kind: 'messageCut'; readonly length: number }
  | { readonly kind: 'noTimestamp' }
  /** `timestamp` as sent (at most 64 characters; untrusted text). */
  | { readonly kind: 'badTimestamp'; readonly timestamp: string };

export interface LogEntry {
  readonly message: string;
  /** Epoch ms; undefined when the timestamp was missing or unreadable (see `problems`). */
  readonly time?: number;
  /** The timestamp as sent. */
  readonly timestamp?: string;
  /** What was wrong with the entry; absent when nothing was. */
  readonly problems?: readonly LogEntryProblem[];
}

export interface LogPage {
  /** Newest first, as the API sends them. */
  readonly entries: readonly LogEntry[];
  readonly offset: number;
  readonly limit: number;
  /** Entries with a problem. */
  readonly flagged: number;
}

/**
 * Messages longer than this are cut (and flagged): a log line is a sentence, not a payload. It holds the longest client
 * id an observed broker accepts (65,535 bytes, platform-contract.md §7.2) with the words around it.
 */
export const MAX_LOG_MESSAGE = MAX_CLIENT_ID_BYTES + 1024;

export async function getConnectionLog(t: Transport, request: LogRequest, signal?: AbortSignal): Promise<LogPage> {
  const limit = request.limit ?? LOG_LIMIT_MAX;
  const offset = request.offset ?? 0;
  if (!Number.isInteger(limit) || limit < LOG_LIMIT_MIN || limit > LOG_LIMIT_MAX) {
    throw local(`The log's page size must be ${LOG_LIMIT_MIN}–${LOG_LIMIT_MAX}, not ${limit}.`);
  }
  if (!Number.isInteger(offset) || offset < 0 || offset > LOG_OFFSET_MAX) {
    throw local(`The log's offset must be 0–${LOG_OFFSET_MAX}, not ${offset}.`);
  }
  if ((request.fromTime === undefined) !== (request.toTime === undefined)) {
    throw local('The log takes fromTime and toTime only together.');
  }
  const params: Record<string, string | number> = { ...addressParams(request), limit, offset };
  if (request.fromTime !== undefined && request.toTime !== undefined) {
    params.fromTime = instantParam(request.fromTime);
    params.toTime = instantParam(request.toTime);
  }
  const { body } = await t.send({ method: 'GET', path: '/logs/connection', params, signal });
  if (!Array.isArray(body)) {
    throw new PlatformError({
      kind: 'malformed',
      message: `${t.host} answered the connection log of ${whose(request)} with no list of entries.`,
    });
  }
  const entries = body.map(readLogEntry);
  return { entries, offset, limit, flagged: entries.filter((e) => e.problems !== undefined).length };
}

/**
 * The log from the newest entry back, a page at a time, as far as the API reaches (offset 1000), within the
 * client's time budget (paging.ts).
 * Entries written while it streams shift the offsets: the caller merges pages without duplicates.
 */
export async function* streamConnectionLog(
  t: Transport,
  request: LogStreamRequest,
  signal?: AbortSignal,
): AsyncGenerator<LogPage> {
  const limit = request.limit ?? LOG_LIMIT_MAX;
  const guard = new PageGuard(t.host, `the connection log of ${whose(request)}`, t.pageBudget, signal);
  for (let offset = 0; offset <= LOG_OFFSET_MAX; offset += limit) {
    const page = await guard.page((pageSignal) => getConnectionLog(t, { ...request, limit, offset }, pageSignal));
    yield page;
    if (page.entries.length < limit) return;
  }
}

export function readLogEntry(value: unknown): LogEntry {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { message: shownAsText(value).slice(0, 200), problems: [{ kind: 'notObject' }] };
  }
  const r = value as Record<string, unknown>;
  const problems: LogEntryProblem[] = [];
  let message = typeof r.message === 'string' ? r.message : '';
  if (typeof r.message !== 'string') problems.push({ kind: 'noMessage' });
  if (message.length > MAX_LOG_MESSAGE) {
    problems.push({ kind: 'messageCut', length: message.length });
    message = message.slice(0, MAX_LOG_MESSAGE);
  }
  const timestamp = typeof r.timestamp === 'string' ? r.timestamp.slice(0, 64) : undefined;
  const time = timestamp !== undefined ? parseInstant(timestamp) : undefined;
  if (timestamp === undefined) problems.push({ kind: 'noTimestamp' });
  else if (time === undefined) problems.push({ kind: 'badTimestamp', timestamp });
  return { message, time, timestamp, ...(problems.length > 0 ? { problems } : {}) };
}

/** The log's address as the API takes it; a request without a usable one is refused here, before any call. */
function addressParams(request: LogAddress): Record<string, string> {
  if ('clientId' in request) {
    const { clientId } = request;
    if (typeof clientId !== 'string' || clientId === '' || Buffer.byteLength(clientId) > MAX_CLIENT_ID_BYTES) {
      throw local(`The log needs a client id of 1–${MAX_CLIENT_ID_BYTES} bytes.`);
    }
    return { clientId };
  }
  if (!request.typeId || !request.deviceId) throw local('The log needs a device type and a device id.');
  return { typeId: request.typeId, deviceId: request.deviceId };
}

/** Whose log, for messages: the client id or the device id, quoted. */
function whose(address: LogAddress): string {
  return quote('clientId' in address ? address.clientId : address.deviceId);
}

/** A value that is not an entry, as text: JSON where it can be (a BigInt or a cycle cannot). */
function shownAsText(value: unknown): string {
  try {
    return String(JSON.stringify(value) ?? '');
  } catch {
    return typeof value === 'bigint' ? `${value}` : Object.prototype.toString.call(value);
  }
}

function instantParam(value: string | number): string {
  if (typeof value === 'number') return toIso(value);
  if (parseInstant(value) === undefined) throw local(`${quote(value)} is not an ISO 8601 time.`);
  return value;
}

function local(message: string): PlatformError {
  return new PlatformError({ kind: 'badRequest', message });
}
