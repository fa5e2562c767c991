// In-memory store of the sandbox platform. Every mutation goes to the journal first, then to
// memory, so what a caller has been told is done is on disk (when a file journal is used).

import { createHash } from 'node:crypto';
import type { ClientStateWire } from '../../core/clientState';
import type { ConnectionLogEntry } from '../../core/connectionLog';
import { ConnectionLogs, logKeyOf, type LogKey } from './logs';
import { queryStates, type StatePage, type StatePageRequest } from './stateQuery';
import { toRow, withActivity } from './stateRow';
import { StateTable } from './stateTable';
import { selectPage, type Selection } from './topK';
import type { ApiKeyRecord, DeviceRecord, DeviceTypeRecord, Journal, StoreOp } from './types';
import { noJournal } from './types';

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const ACTIVITY_FIELDS: ReadonlySet<string> = new Set(['lastActivityEvent', 'lastActivityTime']);

/** Whether `next` differs from `prev` only in the activity fields (then a small journal op will do). */
function activityOnly(prev: ClientStateWire, next: ClientStateWire): boolean {
  const a = prev as unknown as Record<string, unknown>,
    b = next as unknown as Record<string, unknown>;
  for (const k in b) if (!ACTIVITY_FIELDS.has(k) && a[k] !== b[k]) return false;
  for (const k in a) if (!ACTIVITY_FIELDS.has(k) && !(k in b) && a[k] !== undefined) return false;
  return true;
}

export class SandboxStore {
  private readonly types = new Map<string, DeviceTypeRecord>();
  /** typeId → deviceId → device. */
  private readonly devices = new Map<string, Map<string, DeviceRecord>>();
  private devicesTotal = 0;
  private readonly apiKeys = new Map<string, ApiKeyRecord>();
  private readonly states = new StateTable();
  private readonly logs = new ConnectionLogs();
  private clientStateEnabled = true;

  constructor(private journal: Journal = noJournal) {}

  /** Rebuilds memory from journaled changes, without journaling them again. */
  replay(ops: Iterable<StoreOp>): void {
    for (const op of ops) this.apply(op);
  }

  /** Applies one journaled change without journaling it again (replay of a single line). */
  replayOne(op: StoreOp): void {
    this.apply(op);
  }

  /** Switches to another journal (after a replay, or a compaction). */
  setJournal(journal: Journal): void {
    this.journal = journal;
  }

  /** Every change needed to rebuild the current state; used to compact a journal. */
  *snapshot(): Generator<StoreOp> {
    yield { op: 'config.clientstate', enabled: this.clientStateEnabled };
    for (const type of this.types.values()) yield { op: 'type.add', type };
    for (const ofType of this.devices.values()) {
      for (const device of ofType.values()) yield { op: 'device.add', device };
    }
    for (const apiKey of this.apiKeys.values()) yield { op: 'apikey.add', apiKey };
    for (const row of this.states.rows) yield { op: 'state.put', state: row.wire };
    for (const [key, entry] of this.logs.all()) {
      yield 'clientId' in key
        ? { op: 'log.client', clientId: key.clientId, entry }
        : { op: 'log.append', typeId: key.typeId, deviceId: key.deviceId, entry };
    }
  }

  /** How many operations `snapshot()` yields: the journal compacts when it grows well past this. */
  liveOpCount(): number {
    return 1 + this.types.size + this.devicesTotal + this.apiKeys.size + this.states.size + this.logs.size;
  }

  private commit(op: StoreOp): void {
    this.journal.append(op);
    this.apply(op);
  }

  private apply(op: StoreOp): void {
    switch (op.op) {
      case 'type.add':
        this.types.set(op.type.id, op.type);
        break;
      case 'device.add': {
        let ofType = this.devices.get(op.device.typeId);
        if (!ofType) this.devices.set(op.device.typeId, (ofType = new Map()));
        if (!ofType.has(op.device.deviceId)) this.devicesTotal++;
        ofType.set(op.device.deviceId, op.device);
        break;
      }
      case 'device.delete': {
        if (this.devices.get(op.typeId)?.delete(op.deviceId)) this.devicesTotal--;
        break;
      }
      case 'apikey.add':
        this.apiKeys.set(op.apiKey.key, op.apiKey);
        break;
      case 'state.put':
        this.states.set(toRow(op.state));
        break;
      case 'state.activity': {
        const row = this.states.get(op.id);
        if (row) {
          this.states.set(withActivity(row, { ...row.wire, lastActivityEvent: op.event, lastActivityTime: op.time }));
        }
        break;
      }
      case 'state.clear':
        this.states.clear();
        break;
      case 'state.carry':
        for (const row of [...this.states.rows]) {
          if (row.wire.observed === 'live') this.states.set(toRow({ ...row.wire, observed: 'carried' }));
        }
        break;
      case 'config.clientstate':
        this.clientStateEnabled = op.enabled;
        break;
      case 'log.append':
        this.logs.append({ typeId: op.typeId, deviceId: op.deviceId }, op.entry);
        break;
      case 'log.client':
        this.logs.append({ clientId: op.clientId }, op.entry);
        break;
      default: {
        const unknown: never = op;
        throw new Error(`unknown store operation ${JSON.stringify(unknown).slice(0, 200)}`);
      }
    }
  }

  // --- device types and devices (platform-contract.md §5)

  getType(id: string): DeviceTypeRecord | undefined {
    return this.types.get(id);
  }
  listTypes(): DeviceTypeRecord[] {
    return [...this.types.values()];
  }
  typeCount(): number {
    return this.types.size;
  }
  addType(type: DeviceTypeRecord): void {
    this.commit({ op: 'type.add', type });
  }
  /** One page of types ordered by id, after the id `after`. */
  pageTypes(after: string | undefined, limit: number): Selection<DeviceTypeRecord> {
    return selectPage(
      this.types.values(),
      () => true,
      (t) => after === undefined || t.id > after,
      (a, b) => byText(a.id, b.id),
      limit,
    );
  }

  getDevice(typeId: string, deviceId: string): DeviceRecord | undefined {
    return this.devices.get(typeId)?.get(deviceId);
  }
  listDevices(typeId: string): DeviceRecord[] {
    return [...(this.devices.get(typeId)?.values() ?? [])];
  }
  addDevice(device: DeviceRecord): void {
    this.commit({ op: 'device.add', device });
  }
  deleteDevice(typeId: string, deviceId: string): void {
    this.commit({ op: 'device.delete', typeId, deviceId });
  }
  deviceCount(): number {
    return this.devicesTotal;
  }
  /** One page of a type's devices ordered by device id, after the id `after`. */
  pageDevices(typeId: string, after: string | undefined, limit: number): Selection<DeviceRecord> {
    const all = this.devices.get(typeId)?.values() ?? [];
    return selectPage(
      all,
      () => true,
      (d) => after === undefined || d.deviceId > after,
      (a, b) => byText(a.deviceId, b.deviceId),
      limit,
    );
  }

  verifyDeviceToken(typeId: string, deviceId: string, token: string): boolean {
    const device = this.getDevice(typeId, deviceId);
    return device !== undefined && device.tokenHash === hashToken(token);
  }

  // --- API keys

  getApiKey(key: string): ApiKeyRecord | undefined {
    return this.apiKeys.get(key);
  }
  listApiKeys(): ApiKeyRecord[] {
    return [...this.apiKeys.values()];
  }
  addApiKey(apiKey: ApiKeyRecord): void {
    this.commit({ op: 'apikey.add', apiKey });
  }

  verifyApiKey(key: string, token: string): boolean {
    const record = this.apiKeys.get(key);
    return record !== undefined && record.tokenHash === hashToken(token);
  }

  // --- client states (platform-contract.md §2)

  isClientStateEnabled(): boolean {
    return this.clientStateEnabled;
  }

  /** Turning the feature off deletes all stored state (platform-contract.md §2). */
  setClientStateEnabled(enabled: boolean): void {
    if (!enabled) this.commit({ op: 'state.clear' });
    this.commit({ op: 'config.clientstate', enabled });
  }

  getState(clientId: string): ClientStateWire | undefined {
    return this.states.get(clientId)?.wire;
  }
  /** All records, in no particular order. */
  *allStates(): IterableIterator<ClientStateWire> {
    for (const row of this.states.rows) yield row.wire;
  }
  stateCount(): number {
    return this.states.size;
  }
  /** One page of the state API (platform-contract.md §2.2): filtered, sorted, keyset-paged. */
  queryStates(request: StatePageRequest): StatePage {
    return queryStates(this.states, request);
  }

  /** Stores a record while the feature is on; while it is off nothing is recorded. */
  putState(state: ClientStateWire): void {
    if (!this.clientStateEnabled) return;
    const prev = this.states.get(state.id)?.wire;
    if (prev !== undefined && activityOnly(prev, state)) {
      this.commit({ op: 'state.activity', id: state.id, event: state.lastActivityEvent, time: state.lastActivityTime });
    } else {
      this.commit({ op: 'state.put', state });
    }
  }

  /**
   * Every record seen live becomes `carried` (platform-contract.md §7.2): an observing server that starts again cannot
   * know what happened while it was away, until the broker tells it again.
   */
  carryStates(): void {
    if (this.states.rows.some((r) => r.wire.observed === 'live')) this.commit({ op: 'state.carry' });
  }

  // --- connection logs (platform-contract.md §3, §7.2)

  appendLog(typeId: string, deviceId: string, entry: ConnectionLogEntry): void {
    this.commit({ op: 'log.append', typeId, deviceId, entry });
  }

  /** An entry of any client's log: its device's log when the id has the platform's device form. */
  appendClientLog(clientId: string, entry: ConnectionLogEntry): void {
    const key: LogKey = logKeyOf(clientId);
    this.commit(
      'clientId' in key
        ? { op: 'log.client', clientId, entry }
        : { op: 'log.append', typeId: key.typeId, deviceId: key.deviceId, entry },
    );
  }

  /** Newest first. */
  listLog(typeId: string, deviceId: string): ConnectionLogEntry[] {
    return this.logs.list({ typeId, deviceId });
  }

  /** Newest first: any client's log, as appendClientLog keeps it. */
  listClientLog(clientId: string): ConnectionLogEntry[] {
    return this.logs.list(logKeyOf(clientId));
  }

  close(): void {
    this.journal.close();
  }
}
