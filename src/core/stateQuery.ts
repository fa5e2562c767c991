// The state-API query (core/query.ts lists its parameters): read from anything (a persisted
// "recent query"), validated with messages for people, compared for de-duplication, and turned
// into URL search params. Date filters may hold a relative span ("2d"), resolved against `now`
// when sent, so a recent query "connected in the last 2 days" stays relative.

import * as l10n from '@vscode/l10n';
import { formatChoice } from './l10n';
import {
  CLIENT_ID_CONTAINS,
  CLIENT_TYPES,
  CONNECTED_AFTER_ALIAS,
  CONNECTION_STATUSES,
  STATE_QUERY_DATE_PARAMS,
  type StateQuery,
  type StateQueryDateParam,
} from './query';
import { ID_PART_PATTERN } from './ids';
import { STATE_PAGE_MAX } from './limits';
import { plainText } from './text';
import { toIso } from './time';
import { parseTimeInput, readRelative, relativeText } from './timeInput';

export interface QueryProblem {
  readonly field: string;
  readonly message: string;
}

export interface StatePaging {
  readonly limit?: number;
  /** e.g. `-lastActivityTime`. */
  readonly sort?: string;
  readonly bookmark?: string;
}

export type QueryParams =
  | { readonly ok: true; readonly params: URLSearchParams }
  | { readonly ok: false; readonly problems: readonly QueryProblem[] };

const TEXT_FIELDS = ['connectionStatus', 'deviceType', 'deviceId', 'clientType'] as const;
/** Longest `clientIdContains` a query takes (the URL carries it; ids themselves may be far longer). */
export const MAX_ID_PART_QUERY = 1000;
const DATE_PAIRS: readonly [StateQueryDateParam, StateQueryDateParam][] = [
  ['connectedAfter', 'connectedBefore'],
  ['disconnectedAfter', 'disconnectedBefore'],
  ['lastActivityAfter', 'lastActivityBefore'],
];

/** A query from anything: known filters with text values kept, the rest reported. */
export function readStateQuery(value: unknown): {
  readonly query: StateQuery;
  readonly problems: readonly QueryProblem[];
} {
  const query: Record<string, string> = {};
  const problems: QueryProblem[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { query, problems: [{ field: '', message: l10n.t('A query must be an object of filters.') }] };
  }
  for (const [rawKey, v] of Object.entries(value as Record<string, unknown>)) {
    const key = rawKey === CONNECTED_AFTER_ALIAS ? 'connectedAfter' : rawKey;
    if (key === CLIENT_ID_CONTAINS) {
      if (typeof v !== 'string') problems.push({ field: key, message: `The value of ${key} must be text.` });
      else if (v !== '') query[key] = v;
      continue;
    }
    if (
      !(TEXT_FIELDS as readonly string[]).includes(key) &&
      !(STATE_QUERY_DATE_PARAMS as readonly string[]).includes(key)
    ) {
      problems.push({
        field: plainText(rawKey, 40),
        message: l10n.t('"{0}" is not a filter of the state API.', plainText(rawKey, 40)),
      });
    } else if (typeof v !== 'string') {
      problems.push({ field: key, message: l10n.t('The value of {0} must be text.', key) });
    } else if (v.trim().length > 0) {
      query[key] = v.trim();
    }
  }
  return { query: query as StateQuery, problems };
}

export function validateStateQuery(q: StateQuery, now: number): QueryProblem[] {
  const problems: QueryProblem[] = [];
  const bad = (field: string, message: string): void => void problems.push({ field, message });
  if (q.connectionStatus !== undefined && !CONNECTION_STATUSES.includes(q.connectionStatus)) {
    bad('connectionStatus', l10n.t('Status must be {0}.', formatChoice(CONNECTION_STATUSES)));
  }
  if (q.clientType !== undefined && !CLIENT_TYPES.includes(q.clientType)) {
    bad('clientType', l10n.t('Client type must be {0}.', formatChoice(CLIENT_TYPES)));
  }
  if (q.deviceType !== undefined && !ID_PART_PATTERN.test(q.deviceType)) {
    bad('deviceType', l10n.t('A device type has 1–36 letters, digits, dots, dashes or underscores.'));
  }
  if (q.deviceId !== undefined && !ID_PART_PATTERN.test(q.deviceId)) {
    bad('deviceId', l10n.t('A device id has 1–36 letters, digits, dots, dashes or underscores.'));
  }
  const part = q.clientIdContains;
  if (part !== undefined && (part === '' || part.length > MAX_ID_PART_QUERY)) {
    bad(CLIENT_ID_CONTAINS, `A part of a client id has 1–${MAX_ID_PART_QUERY} characters.`);
  }
  const times: Partial<Record<StateQueryDateParam, number>> = {};
  for (const field of STATE_QUERY_DATE_PARAMS) {
    const text = q[field];
    if (text === undefined) continue;
    const r = parseTimeInput(text, now);
    if (r.ok) times[field] = r.time;
    else bad(field, r.error);
  }
  for (const [after, before] of DATE_PAIRS) {
    const [a, b] = [times[after], times[before]];
    if (a !== undefined && b !== undefined && a >= b) {
      bad(after, l10n.t('"{0}" is not earlier than "{1}": no client can match.', after, before));
    }
  }
  return problems;
}

/** The URL search params of a valid query (dates resolved against `now`, sent as `connectedAfter`). */
export function stateQueryParams(q: StateQuery, now: number, paging: StatePaging = {}): QueryParams {
  const problems = validateStateQuery(q, now);
  if (problems.length > 0) return { ok: false, problems };
  const params = new URLSearchParams();
  for (const field of TEXT_FIELDS) if (q[field] !== undefined) params.set(field, q[field] as string);
  if (q.clientIdContains !== undefined) params.set(CLIENT_ID_CONTAINS, q.clientIdContains);
  for (const field of STATE_QUERY_DATE_PARAMS) {
    const r = q[field] !== undefined ? parseTimeInput(q[field] as string, now) : undefined;
    if (r?.ok) params.set(field, toIso(r.time));
  }
  if (paging.limit !== undefined && Number.isFinite(paging.limit)) {
    params.set('_limit', String(Math.min(STATE_PAGE_MAX, Math.max(1, Math.floor(paging.limit)))));
  }
  if (paging.sort) params.set('_sort', paging.sort);
  if (paging.bookmark) params.set('_bookmark', paging.bookmark);
  return { ok: true, params };
}

/** The same query written one way: spans short ("2d"), instants as ISO UTC, keys in order. */
export function canonicalStateQuery(q: StateQuery): StateQuery {
  const out: Record<string, string> = {};
  for (const field of TEXT_FIELDS) if (q[field] !== undefined && q[field].trim() !== '') out[field] = q[field].trim();
  if (q.clientIdContains !== undefined && q.clientIdContains !== '') out[CLIENT_ID_CONTAINS] = q.clientIdContains;
  for (const field of STATE_QUERY_DATE_PARAMS) {
    const text = q[field]?.trim();
    if (!text) continue;
    const span = readRelative(text);
    const r = span || text.toLowerCase() === 'now' ? undefined : parseTimeInput(text, 0);
    out[field] = span ? relativeText(span) : r?.ok ? toIso(r.time) : text.toLowerCase() === 'now' ? 'now' : text;
  }
  return out as StateQuery;
}

export function stateQueriesEqual(a: StateQuery, b: StateQuery): boolean {
  return JSON.stringify(canonicalStateQuery(a)) === JSON.stringify(canonicalStateQuery(b));
}

export function isEmptyStateQuery(q: StateQuery): boolean {
  return Object.keys(canonicalStateQuery(q)).length === 0;
}
