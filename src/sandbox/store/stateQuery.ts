// The state API's query (spec §2.2) over stored rows: filters, a total order (the requested sort
// keys, then the id), and keyset paging from the sort values of the last row returned.
//
// One pass over the rows counts the matches (`total_rows`) and keeps only the best `limit` rows
// after the cursor: no sort of 100,000 records per call. The loop is kept tight because it runs
// once per record per call: a dense array, the first sort key compared inline against the worst
// row kept so far, and the full comparison only on ties.

import type { StateSortField } from '../../core/query';
import { NO_TIME, type StateRow } from './stateRow';

export interface SortKey {
  readonly field: StateSortField;
  readonly desc: boolean;
}

/** Exact matches on text, instants as milliseconds (After = strictly later, Before = strictly earlier). */
export interface StateFilter {
  connectionStatus?: string;
  clientType?: string;
  deviceType?: string;
  deviceId?: string;
  connectedAfter?: number;
  connectedBefore?: number;
  disconnectedAfter?: number;
  disconnectedBefore?: number;
  lastActivityAfter?: number;
  lastActivityBefore?: number;
}

/** The sort values of a row, in the order of the (completed) sort keys. */
export type SortValues = (string | number)[];

export interface StatePageRequest {
  filter: StateFilter;
  sort: readonly SortKey[];
  limit: number;
  /** Sort values of the last row of the previous page. */
  after?: SortValues;
}

export interface StatePage {
  rows: StateRow[];
  total: number;
  /** Sort values of the last row, present when more pages follow. */
  next?: SortValues;
}

type Row = (r: StateRow) => boolean;
type TimeField = 'lastConnectTime' | 'lastDisconnectTime' | 'lastActivityTime';

/** The requested keys followed by the id, so that every order is total and a cursor is exact. */
export function completeSort(sort: readonly SortKey[]): SortKey[] {
  return sort.some((k) => k.field === 'id') ? [...sort] : [...sort, { field: 'id', desc: false }];
}

export function sortValues(row: StateRow, sort: readonly SortKey[]): SortValues {
  return sort.map((k) => row[k.field]);
}

function compileFilter(f: StateFilter): Row | undefined {
  const tests: Row[] = [];
  if (f.connectionStatus !== undefined) { const v = f.connectionStatus; tests.push((r) => r.connectionStatus === v); }
  if (f.clientType !== undefined) { const v = f.clientType; tests.push((r) => r.clientType === v); }
  if (f.deviceType !== undefined) { const v = f.deviceType; tests.push((r) => r.typeId === v); }
  if (f.deviceId !== undefined) { const v = f.deviceId; tests.push((r) => r.deviceId === v); }
  const range = (field: TimeField, after: number | undefined, before: number | undefined) => {
    if (after !== undefined) tests.push((r) => r[field] > after);
    if (before !== undefined) tests.push((r) => r[field] !== NO_TIME && r[field] < before);
  };
  range('lastConnectTime', f.connectedAfter, f.connectedBefore);
  range('lastDisconnectTime', f.disconnectedAfter, f.disconnectedBefore);
  range('lastActivityTime', f.lastActivityAfter, f.lastActivityBefore);
  if (tests.length === 0) return undefined;
  if (tests.length === 1) return tests[0];
  return (r) => {
    for (let i = 0; i < tests.length; i++) if (!tests[i](r)) return false;
    return true;
  };
}

function compileCompare(sort: readonly SortKey[]): (a: StateRow, b: StateRow) => number {
  const fields = sort.map((k) => k.field);
  const signs = sort.map((k) => (k.desc ? -1 : 1));
  return (a, b) => {
    for (let i = 0; i < fields.length; i++) {
      const x = a[fields[i]], y = b[fields[i]];
      if (x !== y) return x < y ? -signs[i] : signs[i];
    }
    return 0;
  };
}

/** Whether a row comes strictly after the cursor in the given order. */
function compileAfter(sort: readonly SortKey[], cursor: SortValues): Row {
  const fields = sort.map((k) => k.field);
  const desc = sort.map((k) => k.desc);
  return (r) => {
    for (let i = 0; i < fields.length; i++) {
      const x = r[fields[i]], y = cursor[i];
      if (x !== y) return x < y === desc[i];
    }
    return false;
  };
}

export function queryStates(rows: readonly StateRow[], request: StatePageRequest): StatePage {
  const sort = completeSort(request.sort);
  const limit = request.limit;
  const match = compileFilter(request.filter);
  const compare = compileCompare(sort);
  const after = request.after !== undefined ? compileAfter(sort, request.after) : undefined;
  // Once `limit` rows are kept, most rows are dismissed by one comparison of the first key.
  const firstField = sort[0].field;
  const firstDesc = sort[0].desc;
  const cursorFirst: string | number = request.after !== undefined ? request.after[0] : 0;

  let matched = 0;
  let afterCount = 0;
  const kept: StateRow[] = [];
  let worst: StateRow | undefined;
  let worstFirst: string | number = 0;
  const flushAt = Math.max(limit * 4, 64);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (match !== undefined && !match(r)) continue;
    matched++;
    if (after !== undefined) {
      const v = r[firstField];
      if (v !== cursorFirst ? v > cursorFirst === firstDesc : !after(r)) continue;
    }
    afterCount++;
    if (worst !== undefined) {
      const v = r[firstField];
      if (v !== worstFirst ? v > worstFirst !== firstDesc : compare(r, worst) >= 0) continue;
    }
    kept.push(r);
    if (kept.length >= flushAt) {
      kept.sort(compare);
      kept.length = limit;
      worst = kept[limit - 1];
      worstFirst = worst[firstField];
    }
  }
  kept.sort(compare);
  if (kept.length > limit) kept.length = limit;
  const last = kept[kept.length - 1];
  return { rows: kept, total: matched, ...(afterCount > limit && last !== undefined ? { next: sortValues(last, sort) } : {}) };
}
