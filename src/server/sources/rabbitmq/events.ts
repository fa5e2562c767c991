// One message of RabbitMQ's event exchange (amq.rabbitmq.event, plugin rabbitmq_event_exchange)
// as a typed result, without I/O: routing key and headers in, connection created / closed /
// authentication failure out (platform-contract.md §7.1). RabbitMQ 3.10's MQTT plugin runs every MQTT client on
// an internal "direct" connection: its connection.created carries the client id only inside the
// printed `variable_map` (`#{<<"client_id">> => <<"…">>}`, or a byte list, see readBinary), the
// address as a printed tuple (`{127,0,0,1}`) and the protocol as `{'MQTT',"3.1.1"}`;
// connection.closed carries only `name`, `node` and `pid`. Every other event is `other`.

import { addressOfTuple, clientIdOfVariableMap, protocolOfTuple, readPid } from './erlangText';

export type Headers = Readonly<Record<string, unknown>>;

export interface ConnectionCreated {
  kind: 'connectionCreated';
  /**
   * The connection's name, "{peer}:{port} -> {local}:{port}": the key to its closed event, its log lines and the
   * management API.
   */
  name: string;
  node?: string;
  pid?: string;
  /** The pid as the node's own log lines write it: `<0.id.serial>`. */
  localPid?: string;
  /** Whether it is an MQTT client (its protocol, or a client id in its variable map). */
  mqtt: boolean;
  clientId?: string;
  /** "MQTT 3.1.1", "AMQP 0-9-1", … */
  protocol?: string;
  peerHost?: string;
  peerPort?: number;
  user?: string;
  vhost?: string;
  /** When the connection was made (ms since the epoch). */
  connectedAt?: number;
  /** When the event was emitted (ms since the epoch). */
  timestampMs?: number;
}

export interface ConnectionClosed {
  kind: 'connectionClosed';
  name: string;
  node?: string;
  pid?: string;
  localPid?: string;
  timestampMs?: number;
}

export interface AuthenticationFailure {
  kind: 'authenticationFailure';
  /** The user name tried (any text the client sent). */
  user?: string;
  /** The broker's explanation, e.g. "user 'x' - invalid credentials". */
  error?: string;
  connectionType?: string;
  timestampMs?: number;
}

export type RabbitEvent =
  | ConnectionCreated
  | ConnectionClosed
  | AuthenticationFailure
  | { kind: 'other'; routingKey: string; timestampMs?: number };

function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (Buffer.isBuffer(v)) return v.toString('utf8');
  // A charlist (a list of byte values) arrives as an array of numbers.
  if (Array.isArray(v) && v.length < 100_000 && v.every((n) => Number.isInteger(n) && n >= 0 && n <= 255)) {
    return Buffer.from(v as number[]).toString('utf8');
  }
  return undefined;
}

function num(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string' && /^\d{1,16}$/.test(v)) return Number(v);
  return undefined;
}

function pids(v: unknown): { pid?: string; localPid?: string } {
  const pid = text(v);
  const read = readPid(pid);
  return { ...(pid === undefined ? {} : { pid }), ...(read ? { localPid: read.local } : {}) };
}

function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Reads one event. Never throws; unknown routing keys and incomplete headers give `other`. */
export function readRabbitEvent(routingKey: string, headers: Headers | undefined): RabbitEvent {
  const h = headers ?? {};
  const timestampMs = num(h.timestamp_in_ms);
  const name = text(h.name);
  if (routingKey === 'connection.created' && name !== undefined) {
    const protocol = protocolOfTuple(h.protocol) ?? text(h.protocol);
    const clientId =
      clientIdOfVariableMap(h.variable_map) ??
      text((h.client_properties as Record<string, unknown> | undefined)?.client_id);
    return defined<ConnectionCreated>({
      kind: 'connectionCreated',
      name,
      node: text(h.node),
      ...pids(h.pid),
      mqtt: (protocol ?? '').startsWith('MQTT') || clientId !== undefined,
      clientId,
      protocol,
      peerHost: addressOfTuple(h.peer_host),
      peerPort: num(h.peer_port),
      user: text(h.user),
      vhost: text(h.vhost),
      connectedAt: num(h.connected_at),
      timestampMs,
    });
  }
  if (routingKey === 'connection.closed' && name !== undefined) {
    return defined<ConnectionClosed>({
      kind: 'connectionClosed',
      name,
      node: text(h.node),
      ...pids(h.pid),
      timestampMs,
    });
  }
  if (routingKey === 'user.authentication.failure') {
    return defined<AuthenticationFailure>({
      kind: 'authenticationFailure',
      user: name,
      error: text(h.error),
      connectionType: text(h.connection_type),
      timestampMs,
    });
  }
  return defined({ kind: 'other' as const, routingKey, timestampMs });
}
