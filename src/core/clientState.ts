// The Client Connection State record (platform-contract.md §2.3): the wire shape the sandbox writes, and a
// defensive reader for the extension (platform-contract.md §6: aliases, unknown values, missing fields).

import { closeCodeInfo, type DisconnectInitiator } from './closeCodes';
import { clientTypeOfId, type ClientType } from './ids';
import { parseInstant } from './time';

export type ConnectionStatus = 'connected' | 'disconnected';
export type ActivityEvent = 'mqttConnect' | 'mqttPublish' | 'mqttSubscribe' | 'mqttUnsubscribe' | 'mqttDisconnect';
/** What the API sends. */
export interface ClientStateWire {
  id: string;
  clientType: ClientType;
  connectionStatus: ConnectionStatus;
  lastConnectTime?: string;
  lastDisconnectTime?: string;
  lastActivityEvent?: ActivityEvent;
  lastActivityTime?: string;
  mqttConnectProtocol?: '3.1' | '3.1.1' | '5';
  /** The cluster node of the last connection, when the observed broker says (platform-contract.md §7.2). */
  node?: string;
  /** Seen by this server while it observed, or the last state before it restarted (platform-contract.md §7.2). */
  observed?: 'live' | 'carried';
  disconnectInitiator?: DisconnectInitiator;
  mqttReasonCode?: number;
  closeCode?: number;
  closeReason?: string;
  /** Of the last connection, when known (platform-contract.md §7.2, §8). */
  keepAliveSeconds?: number;
  clientAddr?: string;
  clientPort?: number;
}

export interface ClientStateList {
  results: ClientStateWire[];
  bookmark?: string;
  meta: { total_rows: number };
}

/** What the extension works with: every field checked, unknowns kept as text. */
export interface ClientState {
  readonly id: string;
  /** `device`, `gateway`, `application`, or whatever else the API said. */
  readonly clientType: string;
  /** `connected`, `disconnected`, or `unknown` when the API said something else. */
  readonly status: ConnectionStatus | 'unknown';
  readonly lastConnectTime?: number;
  readonly lastDisconnectTime?: number;
  readonly lastActivityEvent?: string;
  readonly lastActivityTime?: number;
  readonly protocol?: string;
  readonly initiator?: DisconnectInitiator;
  readonly mqttReasonCode?: number;
  readonly closeCode?: number;
  readonly closeReason?: string;
  /** Of the last connection, when the platform says (platform-contract.md §7.2, §8). */
  readonly keepAliveSeconds?: number;
  readonly clientAddr?: string;
  readonly clientPort?: number;
  /** The cluster node of the last connection, when an observed broker says (platform-contract.md §7.2). */
  readonly node?: string;
  /** `live`: seen by the server while it observed; `carried`: the last state before it restarted, maybe stale. */
  readonly observed?: 'live' | 'carried';
  /** The record as received, for "Show Details". */
  readonly raw: Readonly<Record<string, unknown>>;
}

const initiators: readonly string[] = ['client', 'server', 'network'];

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
function int(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^\d{1,6}$/.test(v)) return Number(v);
  return undefined;
}
function instant(v: unknown): number | undefined {
  return typeof v === 'string' ? parseInstant(v) : undefined;
}
function first<T>(...values: (T | undefined)[]): T | undefined {
  return values.find((v) => v !== undefined);
}

/** Reads one record defensively; undefined when it has no usable id. */
export function normaliseClientState(value: unknown): ClientState | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const r = value as Record<string, unknown>;
  const id = str(r.id) ?? str(r.clientId);
  if (id === undefined || id.length === 0) return undefined;
  const statusText = str(r.connectionStatus);
  const status = statusText === 'connected' || statusText === 'disconnected' ? statusText : 'unknown';
  const closeCode = int(r.closeCode);
  const fromCode = closeCode !== undefined ? closeCodeInfo(closeCode) : undefined;
  const initiatorText = first(str(r.disconnectInitiator), str(r.disconnectedBy));
  const initiator =
    initiatorText !== undefined && initiators.includes(initiatorText)
      ? (initiatorText as DisconnectInitiator)
      : fromCode?.initiator;
  return {
    id,
    // A platform that leaves the type out: the id's form tells it (an id not of the platform's form is `other`).
    clientType: str(r.clientType) ?? clientTypeOfId(id),
    status,
    lastConnectTime: instant(r.lastConnectTime),
    lastDisconnectTime: instant(r.lastDisconnectTime),
    lastActivityEvent: str(r.lastActivityEvent),
    lastActivityTime: instant(r.lastActivityTime),
    protocol: str(r.mqttConnectProtocol),
    initiator,
    mqttReasonCode: first(
      int(r.mqttReasonCode),
      int(r.mqttDisconnectReasonCode),
      int(r.reasonCode),
      fromCode?.mqttReasonCode,
    ),
    closeCode,
    closeReason: str(r.closeReason),
    keepAliveSeconds: int(r.keepAliveSeconds),
    clientAddr: str(r.clientAddr),
    clientPort: int(r.clientPort),
    node: str(r.node),
    observed: r.observed === 'live' || r.observed === 'carried' ? r.observed : undefined,
    raw: r,
  };
}
