// Client states laid out for scanning: the rows, plus the fields that queries filter and sort on
// in typed-array columns (times as milliseconds, status and client type as small codes). A query
// over 100,000 records then reads contiguous memory instead of chasing 100,000 objects, which is
// what keeps it fast when other processes compete for the CPU cache.

import type { StateRow } from './stateRow';

export type TimeColumn = 'lastConnectTime' | 'lastDisconnectTime' | 'lastActivityTime';

const STATUS_CODES: Record<string, number> = { connected: 1, disconnected: 2 };
const CLIENT_TYPE_CODES: Record<string, number> = { device: 1, gateway: 2, application: 3, other: 4 };

/** The column code of a status or client type; 0 for anything else (never equal to a known one). */
export const statusCode = (status: string): number => STATUS_CODES[status] ?? 0;
export const clientTypeCode = (clientType: string): number => CLIENT_TYPE_CODES[clientType] ?? 0;

export class StateTable {
  rows: StateRow[] = [];
  /** The ids alone, for the id sort and cursor without touching the rows. */
  ids: string[] = [];
  private readonly slots = new Map<string, number>();
  /** Device types as small numbers (interned; 0 = none), so the type filter compares numbers. */
  private readonly typeCodes = new Map<string, number>();
  typeCode = new Int32Array(1024);
  lastConnectTime = new Float64Array(1024);
  lastDisconnectTime = new Float64Array(1024);
  lastActivityTime = new Float64Array(1024);
  status = new Uint8Array(1024);
  clientType = new Uint8Array(1024);

  get size(): number {
    return this.rows.length;
  }

  /** The column code of a device type; -1 when no record has it. */
  typeCodeOf(typeId: string): number {
    return this.typeCodes.get(typeId) ?? -1;
  }

  get(id: string): StateRow | undefined {
    const i = this.slots.get(id);
    return i === undefined ? undefined : this.rows[i];
  }

  set(row: StateRow): void {
    let i = this.slots.get(row.id);
    if (i === undefined) {
      i = this.rows.length;
      if (i === this.status.length) this.grow();
      this.slots.set(row.id, i);
      this.rows.push(row);
      this.ids.push(row.id);
    } else {
      this.rows[i] = row;
    }
    this.lastConnectTime[i] = row.lastConnectTime;
    this.lastDisconnectTime[i] = row.lastDisconnectTime;
    this.lastActivityTime[i] = row.lastActivityTime;
    this.status[i] = statusCode(row.connectionStatus);
    this.clientType[i] = clientTypeCode(row.clientType);
    this.typeCode[i] = row.typeId === undefined ? 0 : this.intern(row.typeId);
  }

  private intern(typeId: string): number {
    let code = this.typeCodes.get(typeId);
    if (code === undefined) this.typeCodes.set(typeId, (code = this.typeCodes.size + 1));
    return code;
  }

  /** Records are only ever removed all at once (the feature switched off). */
  clear(): void {
    this.rows = [];
    this.ids = [];
    this.slots.clear();
  }

  private grow(): void {
    const size = this.status.length * 2;
    const copy = <T extends Float64Array | Uint8Array | Int32Array>(old: T, fresh: T): T => (fresh.set(old), fresh);
    this.lastConnectTime = copy(this.lastConnectTime, new Float64Array(size));
    this.lastDisconnectTime = copy(this.lastDisconnectTime, new Float64Array(size));
    this.lastActivityTime = copy(this.lastActivityTime, new Float64Array(size));
    this.status = copy(this.status, new Uint8Array(size));
    this.clientType = copy(this.clientType, new Uint8Array(size));
    this.typeCode = copy(this.typeCode, new Int32Array(size));
  }
}
