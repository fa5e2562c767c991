// The sandbox's data: the device registry, API keys, client states, connection logs and the
// per-organization switch of the state API. The broker writes it, the REST API reads it, and a
// journal (when --data-dir is given) makes every acknowledged change survive a crash.

import type { ActivityEvent, ClientStateWire } from '../../core/clientState';
import type { ConnectionLogEntry } from '../../core/connectionLog';

export interface DeviceTypeRecord {
  id: string;
  description?: string;
  /** The platform's class of the type: devices of a `Gateway` type connect as `g:` clients. */
  classId?: 'Device' | 'Gateway';
  createdDateTime: string;
}

export interface DeviceRecord {
  typeId: string;
  deviceId: string;
  gateway: boolean;
  /** sha256 of the token, hex; the token itself is shown once, when the device is created. */
  tokenHash: string;
  createdDateTime: string;
}

export interface ApiKeyRecord {
  key: string;
  tokenHash: string;
  description?: string;
  createdDateTime: string;
}

/** One change, as written to the journal and replayed from it. */
export type StoreOp =
  | { op: 'type.add'; type: DeviceTypeRecord }
  | { op: 'device.add'; device: DeviceRecord }
  | { op: 'device.delete'; typeId: string; deviceId: string }
  | { op: 'apikey.add'; apiKey: ApiKeyRecord }
  | { op: 'state.put'; state: ClientStateWire }
  /** A change of only the activity fields: the most frequent write, kept small in the journal. */
  | { op: 'state.activity'; id: string; event?: ActivityEvent; time?: string }
  | { op: 'state.clear' }
  /** Every record seen live becomes `carried` (an observing server started again). */
  | { op: 'state.carry' }
  | { op: 'config.clientstate'; enabled: boolean }
  | { op: 'log.append'; typeId: string; deviceId: string; entry: ConnectionLogEntry }
  /** An entry of the log of a client id not of the platform's device form (platform-contract.md §7.2). */
  | { op: 'log.client'; clientId: string; entry: ConnectionLogEntry };

/** Where changes go before they are acknowledged. The memory-only sandbox uses a no-op. */
export interface Journal {
  append(op: StoreOp): void;
  close(): void;
}

export const noJournal: Journal = { append() {}, close() {} };
