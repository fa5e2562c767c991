// The state API's query (spec §2.2) over stored rows: filters, a total order (the requested sort
// keys, then the id), and keyset paging from the sort values of the last row returned.

import type { StateSortField } from '../../core/query';
import { NO_TIME, type StateRow } from './stateRow';
import { selectPage } from './topK';

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

/** The requested keys followed by the id, so that every order is total and a cursor is exact. */
export function completeSort(sort: readonly SortKey[]): SortKey[] {
  return sort.some((k) => k.field === 'id') ? [...sort] : [...sort, { field: 'id', desc: false }];
}

export function sortValues(row: StateRow, sort: readonly SortKey[]): SortValues {
  return sort.map((k) => row[k.field]);
}

function predicates(f: StateFilter): ((r: StateRow) => boolean)[] {
  const tests: ((r: StateRow) => boolean)[] = [];
  const text = (value: string | undefined, get: (r: StateRow) => string | undefined) => {
    if (value !== undefined) tests.push((r) => get(r) === value);
  };
  const after = (t: number | undefined, get: (r: StateRow) => number) => {
    if (t !== undefined) tests.push((r) => get(r) > t);
  };
  const before = (t: number | undefined, get: (r: StateRow) => number) => {
    if (t !== undefined) tests.push((r) => { const v = get(r); return v !== NO_TIME && v < t; });
  };
  text(f.connectionStatus, (r) => r.connectionStatus);
  text(f.clientType, (r) => r.clientType);
  text(f.deviceType, (r) => r.typeId);
  text(f.deviceId, (r) => r.deviceId);
  after(f.connectedAfter, (r) => r.lastConnectTime);
  before(f.connectedBefore, (r) => r.lastConnectTime);
  after(f.disconnectedAfter, (r) => r.lastDisconnectTime);
  before(f.disconnectedBefore, (r) => r.lastDisconnectTime);
  after(f.lastActivityAfter, (r) => r.lastActivityTime);
  before(f.lastActivityBefore, (r) => r.lastActivityTime);
  return tests;
}

/** Whether a row comes strictly after the cursor in the given order. */
function isAfter(row: StateRow, cursor: SortValues, sort: readonly SortKey[]): boolean {
  for (let i = 0; i < sort.length; i++) {
    const x = row[sort[i].field], y = cursor[i];
    if (x !== y) return x < y === sort[i].desc;
  }
  return false;
}

export function queryStates(rows: Iterable<StateRow>, request: StatePageRequest): StatePage {
  const sort = completeSort(request.sort);
  const tests = predicates(request.filter);
  const matches = (r: StateRow) => tests.every((t) => t(r));
  const compare = (a: StateRow, b: StateRow) => {
    for (const k of sort) {
      const x = a[k.field], y = b[k.field];
      if (x !== y) return (x < y ? -1 : 1) * (k.desc ? -1 : 1);
    }
    return 0;
  };
  const cursor = request.after;
  const afterCursor = cursor === undefined ? () => true : (r: StateRow) => isAfter(r, cursor, sort);
  const page = selectPage(rows, matches, afterCursor, compare, request.limit);
  const last = page.items[page.items.length - 1];
  return { rows: page.items, total: page.matched, ...(page.more && last !== undefined ? { next: sortValues(last, sort) } : {}) };
}
