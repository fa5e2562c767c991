// The state API's query string (platform-contract.md §2.2) → one page request for the store, or a 400 listing
// every bad value. The bookmark carries the sort it was made for and the sort values of the
// last row returned (keyset paging), so pages stay exact while records change.

import {
  CLIENT_ID_CONTAINS,
  CLIENT_TYPES,
  CONNECTED_AFTER_ALIAS,
  CONNECTION_STATUSES,
  STATE_SORT_FIELDS,
  type StateSortField,
} from '../../core/query';
import { MAX_CLIENT_ID_BYTES, STATE_PAGE_DEFAULT, STATE_PAGE_MAX } from '../../core/limits';
import {
  completeSort,
  type SortKey,
  type SortValues,
  type StateFilter,
  type StatePageRequest,
} from '../store/stateQuery';
import { NO_TIME } from '../store/stateRow';
import { decodeBookmark, encodeBookmark } from './bookmark';
import { invalidRequest, quote } from './errors';
import { ParamReader } from './params';

const TEXT_FIELDS: ReadonlySet<StateSortField> = new Set(['id', 'clientType', 'connectionStatus']);

export function sortText(sort: readonly SortKey[]): string {
  return sort.map((k) => `${k.desc ? '-' : ''}${k.field}`).join(',');
}

function readSort(p: ParamReader): SortKey[] {
  const text = p.one('_sort');
  if (text === undefined) return [];
  const keys: SortKey[] = [];
  for (const item of text.split(',')) {
    const desc = item.startsWith('-');
    const field = item.replace(/^[-+]/, '').trim();
    if (!(STATE_SORT_FIELDS as readonly string[]).includes(field)) {
      p.bad(
        '_sort',
        `${quote(field)} is not a sort field; use ${STATE_SORT_FIELDS.join(', ')}, each with an optional - for ` +
          `descending.`,
      );
    } else if (keys.some((k) => k.field === field)) {
      p.bad('_sort', `${quote(field)} is given more than once.`);
    } else {
      keys.push({ field: field as StateSortField, desc });
    }
  }
  return keys;
}

/** The sort values in the bookmark's JSON form (missing times as null). */
export function stateBookmark(sort: readonly SortKey[], values: SortValues): string {
  return encodeBookmark({ s: sortText(sort), v: values.map((v) => (v === NO_TIME ? null : v)) });
}

function readBookmark(p: ParamReader, sort: readonly SortKey[]): SortValues | undefined {
  const text = p.one('_bookmark');
  if (text === undefined) return undefined;
  const value = decodeBookmark(text) as { s?: unknown; v?: unknown } | undefined;
  const full = completeSort(sort);
  const values =
    value !== undefined &&
    value !== null &&
    value.s === sortText(full) &&
    Array.isArray(value.v) &&
    value.v.length === full.length
      ? (value.v as unknown[])
      : undefined;
  const typed = values?.map((v, i) => {
    if (TEXT_FIELDS.has(full[i].field)) return typeof v === 'string' ? v : undefined;
    return v === null ? NO_TIME : typeof v === 'number' && Number.isFinite(v) ? v : undefined;
  });
  if (typed === undefined || typed.some((v) => v === undefined)) {
    return p.bad(
      '_bookmark',
      'the bookmark is not valid for this query; use the bookmark of the previous page with the same _sort.',
    );
  }
  return typed as SortValues;
}

function laterOf(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.max(a, b);
}

/** Throws a 400 with every violation found. */
export function readStateQuery(query: URLSearchParams): StatePageRequest {
  const p = new ParamReader(query);
  const filter: StateFilter = {
    connectionStatus: p.oneOf('connectionStatus', CONNECTION_STATUSES),
    clientType: p.oneOf('clientType', CLIENT_TYPES),
    deviceType: p.idPart('deviceType'),
    deviceId: p.idPart('deviceId'),
    clientIdContains: p.text(CLIENT_ID_CONTAINS, MAX_CLIENT_ID_BYTES),
    // Both names mean the same; when both are given, both must hold.
    connectedAfter: laterOf(p.instant('connectedAfter'), p.instant(CONNECTED_AFTER_ALIAS)),
    connectedBefore: p.instant('connectedBefore'),
    disconnectedAfter: p.instant('disconnectedAfter'),
    disconnectedBefore: p.instant('disconnectedBefore'),
    lastActivityAfter: p.instant('lastActivityAfter'),
    lastActivityBefore: p.instant('lastActivityBefore'),
  };
  const limit = p.int('_limit', 1, STATE_PAGE_MAX, STATE_PAGE_DEFAULT);
  const sort = readSort(p);
  const after = readBookmark(p, sort);
  if (p.violations.length > 0) throw invalidRequest('CUDCS0400E', p.violations);
  for (const k of Object.keys(filter) as (keyof StateFilter)[]) if (filter[k] === undefined) delete filter[k];
  return { filter, sort, limit, ...(after !== undefined ? { after } : {}) };
}
