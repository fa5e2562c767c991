// The state API's query (platform-contract.md §2.2) over stored rows: filters, a total order (the requested sort
// keys, then the id), and keyset paging from the sort values of the last row returned.
//
// One pass over the table counts the matches (`total_rows`) and keeps only the best `limit` rows
// after the cursor: no sort of 100,000 records per call. The pass reads the table's typed-array
// columns where it can, compares the first sort key inline against the worst row kept so far, and
// does the full comparison only on ties.

import type { StateSortField } from '../../core/query';
import { NO_TIME, type StateRow } from './stateRow';
import { clientTypeCode, statusCode, type StateTable, type TimeColumn } from './stateTable';

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
  /** A case-sensitive substring of the id (platform-contract.md §7.2). */
  clientIdContains?: string;
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
/** A test of the record in slot `i` of the table. */
type Slot = (i: number) => boolean;

const TIME_COLUMNS: ReadonlySet<string> = new Set<TimeColumn>([
  'lastConnectTime',
  'lastDisconnectTime',
  'lastActivityTime',
]);

/** The requested keys followed by the id, so that every order is total and a cursor is exact. */
export function completeSort(sort: readonly SortKey[]): SortKey[] {
  return sort.some((k) => k.field === 'id') ? [...sort] : [...sort, { field: 'id', desc: false }];
}

export function sortValues(row: StateRow, sort: readonly SortKey[]): SortValues {
  return sort.map((k) => row[k.field]);
}

function compileFilter(table: StateTable, f: StateFilter): Slot | undefined {
  const tests: Slot[] = [];
  const rows = table.rows;
  const code = (column: Uint8Array, wanted: number) =>
    tests.push(wanted === 0 ? () => false : (i) => column[i] === wanted);
  if (f.connectionStatus !== undefined) code(table.status, statusCode(f.connectionStatus));
  if (f.clientType !== undefined) code(table.clientType, clientTypeCode(f.clientType));
  if (f.deviceType !== undefined) {
    const wanted = table.typeCodeOf(f.deviceType),
      column = table.typeCode;
    tests.push(wanted < 0 ? () => false : (i) => column[i] === wanted);
  }
  if (f.deviceId !== undefined) {
    const v = f.deviceId;
    tests.push((i) => rows[i].deviceId === v);
  }
  if (f.clientIdContains !== undefined) {
    const v = f.clientIdContains,
      ids = table.ids;
    tests.push((i) => ids[i].includes(v));
  }
  const range = (column: Float64Array, after: number | undefined, before: number | undefined) => {
    if (after !== undefined) tests.push((i) => column[i] > after);
    if (before !== undefined) tests.push((i) => column[i] !== NO_TIME && column[i] < before);
  };
  range(table.lastConnectTime, f.connectedAfter, f.connectedBefore);
  range(table.lastDisconnectTime, f.disconnectedAfter, f.disconnectedBefore);
  range(table.lastActivityTime, f.lastActivityAfter, f.lastActivityBefore);
  if (tests.length === 0) return undefined;
  if (tests.length === 1) return tests[0];
  return (i) => {
    for (let k = 0; k < tests.length; k++) if (!tests[k](i)) return false;
    return true;
  };
}

function compileCompare(sort: readonly SortKey[]): (a: StateRow, b: StateRow) => number {
  const fields = sort.map((k) => k.field);
  const signs = sort.map((k) => (k.desc ? -1 : 1));
  return (a, b) => {
    for (let i = 0; i < fields.length; i++) {
      const x = a[fields[i]],
        y = b[fields[i]];
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
      const x = r[fields[i]],
        y = cursor[i];
      if (x !== y) return x < y === desc[i];
    }
    return false;
  };
}

export function queryStates(table: StateTable, request: StatePageRequest): StatePage {
  const rows = table.rows;
  const sort = completeSort(request.sort);
  const limit = request.limit;
  const match = compileFilter(table, request.filter);
  const compare = compileCompare(sort);
  const after = request.after !== undefined ? compileAfter(sort, request.after) : undefined;
  // The first sort key of slot i, from a column when it is a time or the id.
  const firstField = sort[0].field;
  const firstDesc = sort[0].desc;
  const column = TIME_COLUMNS.has(firstField) ? table[firstField as TimeColumn] : undefined;
  const ids = table.ids;
  const first =
    column !== undefined
      ? (i: number) => column[i]
      : firstField === 'id'
        ? (i: number) => ids[i]
        : (i: number) => rows[i][firstField];
  const cursorFirst: string | number = request.after !== undefined ? request.after[0] : 0;

  let matched = 0;
  let afterCount = 0;
  const kept: StateRow[] = [];
  let worst: StateRow | undefined;
  let worstFirst: string | number = 0;
  const flushAt = Math.max(limit * 4, 64);
  for (let i = 0; i < rows.length; i++) {
    if (match !== undefined && !match(i)) continue;
    matched++;
    if (after !== undefined) {
      const v = first(i);
      if (v !== cursorFirst ? v > cursorFirst === firstDesc : !after(rows[i])) continue;
    }
    afterCount++;
    if (worst !== undefined) {
      const v = first(i);
      if (v !== worstFirst ? v > worstFirst !== firstDesc : compare(rows[i], worst) >= 0) continue;
    }
    kept.push(rows[i]);
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
  return {
    rows: kept,
    total: matched,
    ...(afterCount > limit && last !== undefined ? { next: sortValues(last, sort) } : {}),
  };
}
