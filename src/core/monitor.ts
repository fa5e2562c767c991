// Monitor-topic messages (platform-contract.md §4.2): what the sandbox publishes and the extension reads.
// Every field is optional on the reading side; payloads come from the network.

import { closeReason } from './closeCodes';

export type MonitorAction = 'Connect' | 'FailedConnect' | 'Disconnect';

export interface MonitorMessage {
  Action?: MonitorAction | string;
  Time?: string;
  ClientAddr?: string;
  ClientID?: string;
  Port?: number;
  Secure?: boolean;
  /** `mqtt3` (3.1), `mqtt4` (3.1.1), `mqtt5`; `-ws` suffix over WebSocket. */
  Protocol?: string;
  User?: string;
  Certname?: string;
  Durable?: boolean;
  /** The cluster node of an observed broker (platform-contract.md §7.2). */
  Node?: string;
  ConnectTime?: string;
  /** Omitted when 0. */
  CloseCode?: number;
  Reason?: string;
  ReadBytes?: number;
  ReadMsg?: number;
  WriteBytes?: number;
  WriteMsg?: number;
  /** The keep-alive (s) of the client's CONNECT (platform-contract.md §7.2, §8). */
  KeepAlive?: number;
  /** The client's source port, beside `ClientAddr` (platform-contract.md §7.2, §8). */
  ClientPort?: number;
}

/** Monitor payloads larger than this are refused unread. */
export const MAX_MONITOR_PAYLOAD_BYTES = 16 * 1024;

export type ParsedMonitorMessage =
  { readonly ok: true; readonly message: MonitorMessage } | { readonly ok: false; readonly error: string };

const stringFields = [
  'Action',
  'Time',
  'ClientAddr',
  'ClientID',
  'Protocol',
  'User',
  'Certname',
  'ConnectTime',
  'Reason',
  'Node',
] as const;
const numberFields = [
  'Port',
  'CloseCode',
  'ReadBytes',
  'ReadMsg',
  'WriteBytes',
  'WriteMsg',
  'KeepAlive',
  'ClientPort',
] as const;
const booleanFields = ['Secure', 'Durable'] as const;

/** Reads a monitor payload; fields of the wrong type are dropped, never trusted. */
export function parseMonitorPayload(payload: Uint8Array | string): ParsedMonitorMessage {
  const size = typeof payload === 'string' ? payload.length : payload.byteLength;
  if (size > MAX_MONITOR_PAYLOAD_BYTES) {
    return { ok: false, error: `payload of ${size} bytes is larger than ${MAX_MONITOR_PAYLOAD_BYTES}` };
  }
  let value: unknown;
  try {
    value = JSON.parse(typeof payload === 'string' ? payload : new TextDecoder().decode(payload));
  } catch {
    return { ok: false, error: 'payload is not JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: 'payload is not a JSON object' };
  }
  return { ok: true, message: monitorFields(value) };
}

/** The fields of a monitor message that have their type; anything else (not an object, a getter that
 *  throws, a field of another type) is left out. What parseMonitorPayload keeps, for any value. */
export function monitorFields(value: unknown): MonitorMessage {
  const message: Record<string, unknown> = {};
  if (typeof value !== 'object' || value === null) return message;
  const raw = value as Record<string, unknown>;
  const read = (f: string): unknown => {
    try {
      return raw[f];
    } catch {
      return undefined;
    }
  };
  for (const f of stringFields) if (typeof read(f) === 'string') message[f] = read(f);
  for (const f of numberFields) if (typeof read(f) === 'number' && Number.isFinite(read(f))) message[f] = read(f);
  for (const f of booleanFields) if (typeof read(f) === 'boolean') message[f] = read(f);
  return message as MonitorMessage;
}

/** The `Protocol` field for an MQTT protocol level (3 = 3.1, 4 = 3.1.1, 5) and transport. */
export function protocolName(level: number, websocket: boolean): string {
  return `mqtt${level}${websocket ? '-ws' : ''}`;
}

/** The state API's `mqttConnectProtocol` for an MQTT protocol level. */
export function protocolVersionName(level: number): '3.1' | '3.1.1' | '5' {
  return level === 3 ? '3.1' : level === 5 ? '5' : '3.1.1';
}

export interface ConnectionFacts {
  clientId: string;
  clientAddr: string;
  port: number;
  secure: boolean;
  protocol: string;
  user?: string;
  durable: boolean;
  /** The client's source port, when known. */
  clientPort?: number;
  /** From the CONNECT packet, when it got that far. */
  keepAliveSeconds?: number;
}

/** `ClientPort` and `KeepAlive` when known (platform-contract.md §8). */
function debugFields(facts: ConnectionFacts): Pick<MonitorMessage, 'ClientPort' | 'KeepAlive'> {
  return {
    ...(facts.clientPort !== undefined ? { ClientPort: facts.clientPort } : {}),
    ...(facts.keepAliveSeconds !== undefined ? { KeepAlive: facts.keepAliveSeconds } : {}),
  };
}

export function connectMessage(facts: ConnectionFacts, time: string): MonitorMessage {
  return {
    Action: 'Connect',
    Time: time,
    ClientAddr: facts.clientAddr,
    ClientID: facts.clientId,
    Port: facts.port,
    Secure: facts.secure,
    Protocol: facts.protocol,
    Durable: facts.durable,
    ...(facts.user !== undefined ? { User: facts.user } : {}),
    ...debugFields(facts),
  };
}

export function failedConnectMessage(facts: ConnectionFacts, time: string, closeCode: number): MonitorMessage {
  return {
    Action: 'FailedConnect',
    Time: time,
    ClientAddr: facts.clientAddr,
    ClientID: facts.clientId,
    Port: facts.port,
    Secure: facts.secure,
    Protocol: facts.protocol,
    ...(facts.user !== undefined ? { User: facts.user } : {}),
    CloseCode: closeCode,
    Reason: closeReason(closeCode),
    ...debugFields(facts),
  };
}

export interface TrafficCounts {
  readBytes: number;
  readMsg: number;
  writeBytes: number;
  writeMsg: number;
}

export function disconnectMessage(
  facts: ConnectionFacts,
  time: string,
  connectTime: string,
  closeCode: number,
  traffic: TrafficCounts,
): MonitorMessage {
  return {
    Action: 'Disconnect',
    Time: time,
    ClientAddr: facts.clientAddr,
    ClientID: facts.clientId,
    Port: facts.port,
    Secure: facts.secure,
    Protocol: facts.protocol,
    ConnectTime: connectTime,
    ...(closeCode !== 0 ? { CloseCode: closeCode, Reason: closeReason(closeCode) } : {}),
    ReadBytes: traffic.readBytes,
    ReadMsg: traffic.readMsg,
    WriteBytes: traffic.writeBytes,
    WriteMsg: traffic.writeMsg,
    ...debugFields(facts),
  };
}
