// In-memory store of the sandbox platform. Every mutation goes to the journal first, then to
// memory, so what a caller has been told is done is on disk (when a file journal is used).

import { createHash } from 'node:crypto';
import type { ClientStateWire } from '../../core/clientState';
import type { ConnectionLogEntry } from '../../core/connectionLog';
import { LOG_ENTRIES_KEPT } from '../../core/limits';
import type { ApiKeyRecord, DeviceRecord, DeviceTypeRecord, Journal, StoreOp } from './types';
import { noJournal } from './types';

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

const deviceKey = (typeId: string, deviceId: string) => `${typeId}\u0000${deviceId}`;

export class SandboxStore {
  private readonly types = new Map<string, DeviceTypeRecord>();
  private readonly devices = new Map<string, DeviceRecord>();
  private readonly apiKeys = new Map<string, ApiKeyRecord>();
  private readonly states = new Map<string, ClientStateWire>();
  /** Newest last (append order); read newest first. */
  private readonly logs = new Map<string, ConnectionLogEntry[]>();
  private clientStateEnabled = true;

  constructor(private journal: Journal = noJournal) {}

  /** Rebuilds memory from journaled changes, without journaling them again. */
  replay(ops: Iterable<StoreOp>): void {
    for (const op of ops) this.apply(op);
  }

  /** Switches to another journal (after a replay, or a compaction). */
  setJournal(journal: Journal): void {
    this.journal = journal;
  }

  /** Every change needed to rebuild the current state; used to compact a journal. */
  *snapshot(): Generator<StoreOp> {
    yield { op: 'config.clientstate', enabled: this.clientStateEnabled };
    for (const type of this.types.values()) yield { op: 'type.add', type };
    for (const device of this.devices.values()) yield { op: 'device.add', device };
    for (const apiKey of this.apiKeys.values()) yield { op: 'apikey.add', apiKey };
    for (const state of this.states.values()) yield { op: 'state.put', state };
    for (const [key, entries] of this.logs) {
      const [typeId, deviceId] = key.split('\u0000');
      for (const entry of entries) yield { op: 'log.append', typeId, deviceId, entry };
    }
  }

  private commit(op: StoreOp): void {
    this.journal.append(op);
    this.apply(op);
  }

  private apply(op: StoreOp): void {
    switch (op.op) {
      case 'type.add': this.types.set(op.type.id, op.type); break;
      case 'device.add': this.devices.set(deviceKey(op.device.typeId, op.device.deviceId), op.device); break;
      case 'device.delete': this.devices.delete(deviceKey(op.typeId, op.deviceId)); break;
      case 'apikey.add': this.apiKeys.set(op.apiKey.key, op.apiKey); break;
      case 'state.put': this.states.set(op.state.id, op.state); break;
      case 'state.clear': this.states.clear(); break;
      case 'config.clientstate': this.clientStateEnabled = op.enabled; break;
      case 'log.append': {
        const key = deviceKey(op.typeId, op.deviceId);
        let entries = this.logs.get(key);
        if (!entries) this.logs.set(key, (entries = []));
        entries.push(op.entry);
        if (entries.length > LOG_ENTRIES_KEPT * 2) entries.splice(0, entries.length - LOG_ENTRIES_KEPT);
        break;
      }
      default: {
        const unknown: never = op;
        throw new Error(`unknown store operation ${JSON.stringify(unknown)}`);
      }
    }
  }

  // --- device types and devices (spec §5)

  getType(id: string): DeviceTypeRecord | undefined { return this.types.get(id); }
  listTypes(): DeviceTypeRecord[] { return [...this.types.values()]; }
  addType(type: DeviceTypeRecord): void { this.commit({ op: 'type.add', type }); }

  getDevice(typeId: string, deviceId: string): DeviceRecord | undefined { return this.devices.get(deviceKey(typeId, deviceId)); }
  listDevices(typeId: string): DeviceRecord[] { return [...this.devices.values()].filter((d) => d.typeId === typeId); }
  addDevice(device: DeviceRecord): void { this.commit({ op: 'device.add', device }); }
  deleteDevice(typeId: string, deviceId: string): void { this.commit({ op: 'device.delete', typeId, deviceId }); }
  deviceCount(): number { return this.devices.size; }

  verifyDeviceToken(typeId: string, deviceId: string, token: string): boolean {
    const device = this.getDevice(typeId, deviceId);
    return device !== undefined && device.tokenHash === hashToken(token);
  }

  // --- API keys

  getApiKey(key: string): ApiKeyRecord | undefined { return this.apiKeys.get(key); }
  listApiKeys(): ApiKeyRecord[] { return [...this.apiKeys.values()]; }
  addApiKey(apiKey: ApiKeyRecord): void { this.commit({ op: 'apikey.add', apiKey }); }

  verifyApiKey(key: string, token: string): boolean {
    const record = this.apiKeys.get(key);
    return record !== undefined && record.tokenHash === hashToken(token);
  }

  // --- client states (spec §2)

  isClientStateEnabled(): boolean { return this.clientStateEnabled; }

  /** Turning the feature off deletes all stored state (spec §2). */
  setClientStateEnabled(enabled: boolean): void {
    if (!enabled) this.commit({ op: 'state.clear' });
    this.commit({ op: 'config.clientstate', enabled });
  }

  getState(clientId: string): ClientStateWire | undefined { return this.states.get(clientId); }
  /** All records, in no particular order. */
  allStates(): IterableIterator<ClientStateWire> { return this.states.values(); }
  stateCount(): number { return this.states.size; }

  /** Stores a record while the feature is on; while it is off nothing is recorded. */
  putState(state: ClientStateWire): void {
    if (this.clientStateEnabled) this.commit({ op: 'state.put', state });
  }

  // --- connection logs (spec §3)

  appendLog(typeId: string, deviceId: string, entry: ConnectionLogEntry): void {
    this.commit({ op: 'log.append', typeId, deviceId, entry });
  }

  /** Newest first. */
  listLog(typeId: string, deviceId: string): ConnectionLogEntry[] {
    const entries = this.logs.get(deviceKey(typeId, deviceId)) ?? [];
    return entries.slice(-LOG_ENTRIES_KEPT).reverse();
  }

  close(): void {
    this.journal.close();
  }
}
