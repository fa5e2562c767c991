// One line of RabbitMQ 3.10's log exchange as a typed result, without I/O: which connection it is
// about (its name "{peer} -> {local}", or for an administrator's close the pid of its internal
// connection) and which cause of platform-contract.md §7.1 it tells. Forms from rabbit_mqtt_reader.erl and
// rabbit_mqtt_processor.erl (3.10.8), amqp_client (a close through the management API) and the
// node monitor. Client ids are read between fixed texts, never by a pattern over the id.
// Anything else is `other`, with its text.

import { CloseCode, type DisconnectInitiator } from '../../../core/closeCodes';
import { readLogHead, type RabbitLogHead } from './logHead';

export type RabbitCause =
  | 'clientDisconnect'
  | 'keepAliveTimeout'
  | 'loginTimeout'
  | 'connectionLost'
  | 'networkError'
  | 'takenOver'
  | 'nodeDecommissioned'
  | 'serverClose'
  | 'notAuthorized'
  | 'notAuthenticated'
  | 'invalidClientId'
  | 'protocolVersion'
  | 'serverUnavailable'
  | 'protocolError'
  | 'administrative';

interface Cause {
  cause: RabbitCause;
  closeCode?: number;
  initiator?: DisconnectInitiator;
}

export type RabbitLogBody =
  | { kind: 'mqttAccepted'; connection: string; clientId: string }
  /** A connection that was accepted ends. */
  | ({ kind: 'mqttClosed'; connection: string; clientId?: string; detail?: string } & Cause)
  /** A connection is refused before it was accepted (no client id is known). */
  | ({ kind: 'mqttRefused'; connection: string } & Cause)
  | { kind: 'loginFailed'; user: string; detail: string }
  /** Closed through the management API: the pid of the client's internal connection, and the X-Reason. */
  | ({ kind: 'adminClose'; connectionPid: string; reason: string } & Cause)
  | { kind: 'nodeStopping' }
  | { kind: 'nodeDown'; about: string }
  | { kind: 'nodeUp'; about: string }
  | { kind: 'other' };

export type RabbitLogLine = RabbitLogHead & RabbitLogBody;

const C = (cause: RabbitCause, closeCode?: number, initiator?: DisconnectInitiator): Cause => ({
  cause,
  ...(closeCode === undefined ? {} : { closeCode }),
  ...(initiator ? { initiator } : {}),
});

function between(s: string, head: string, tail: string): string | undefined {
  return s.length >= head.length + tail.length && s.startsWith(head) && s.endsWith(tail)
    ? s.slice(head.length, s.length - tail.length)
    : undefined;
}

function unquote(s: string): string {
  return s.length >= 2 && ((s.startsWith('"') && s.endsWith('"')) || (s.startsWith("'") && s.endsWith("'")))
    ? s.slice(1, -1)
    : s;
}

/** `head {name}{sep}{rest}`: the name ends at the first `sep` (names hold no such text). */
function split(s: string, head: string, sep: string): [string, string] | undefined {
  if (!s.startsWith(head)) return undefined;
  const at = s.indexOf(sep, head.length);
  return at < 0 ? undefined : [unquote(s.slice(head.length, at)), s.slice(at + sep.length)];
}

/** Lines whose whole text after a fixed beginning, up to a fixed ending, is the connection name. */
const NAMED: readonly [string, string, 'mqttClosed' | 'mqttRefused', Cause][] = [
  [
    'closing MQTT connection ',
    ' (keepalive timeout)',
    'mqttClosed',
    C('keepAliveTimeout', CloseCode.TimedOut, 'network'),
  ],
  ['closing MQTT connection ', ' (login timeout)', 'mqttRefused', C('loginTimeout', CloseCode.NoData, 'network')],
  [
    'MQTT connection ',
    ' will terminate because peer closed TCP connection',
    'mqttClosed',
    C('connectionLost', CloseCode.ClosedByClient, 'client'),
  ],
  [
    'MQTT connection ',
    ' is closing due to an authorization failure',
    'mqttRefused',
    C('notAuthorized', CloseCode.NotAuthorized, 'server'),
  ],
  [
    'MQTT connection ',
    ' is closing due to an authentication failure',
    'mqttRefused',
    C('notAuthenticated', CloseCode.NotAuthorized, 'server'),
  ],
  [
    'MQTT cannot accept connection ',
    ': client uses an invalid ID',
    'mqttRefused',
    C('invalidClientId', CloseCode.InvalidClientId, 'server'),
  ],
  [
    'MQTT cannot accept connection ',
    ': incompatible protocol version',
    'mqttRefused',
    C('protocolVersion', undefined, 'server'),
  ],
  [
    'MQTT cannot accept connection ',
    ' due to an internal error or unavailable component',
    'mqttRefused',
    C('serverUnavailable', undefined, 'server'),
  ],
];

/** Lines "{head}{name}{sep}{detail}". */
const DETAILED: readonly [string, string, Cause][] = [
  ['MQTT detected network error for ', ': ', C('networkError', CloseCode.ClosedByClient, 'client')],
  ['MQTT protocol error on connection ', ': ', C('protocolError', CloseCode.InvalidData, 'server')],
  ['MQTT detected a framing error on connection ', ': ', C('protocolError', CloseCode.InvalidData, 'server')],
  [
    'MQTT cannot parse a frame on connection ',
    ', unparseable payload: ',
    C('protocolError', CloseCode.InvalidData, 'server'),
  ],
];

function readMessage(m: string): RabbitLogBody {
  const accepted = split(m, 'accepting MQTT connection ', ' (');
  if (accepted) {
    // "{pid} ({name}, client id: {id})"
    const inner = between(accepted[1], '', ')');
    const parts = inner === undefined ? undefined : split(inner, '', ', client id: ');
    if (parts) return { kind: 'mqttAccepted', connection: parts[0], clientId: parts[1] };
  }
  for (const [head, tail, kind, cause] of NAMED) {
    const name = between(m, head, tail);
    if (name !== undefined) return { kind, connection: unquote(name), ...cause };
  }
  const clean = split(m, 'closing MQTT connection ', ' (');
  if (clean && clean[0].startsWith('<') && clean[1].endsWith(')')) {
    return {
      kind: 'mqttClosed',
      connection: clean[1].slice(0, -1),
      ...C('clientDisconnect', CloseCode.Normal, 'client'),
    };
  }
  for (const [head, sep, cause] of DETAILED) {
    const parts = split(m, head, sep);
    if (parts) return { kind: 'mqttClosed', connection: parts[0], detail: parts[1], ...cause };
  }
  const duplicate = split(m, 'MQTT disconnecting client ', " with duplicate id '");
  if (duplicate && duplicate[1].endsWith("'")) {
    return {
      kind: 'mqttClosed',
      connection: duplicate[0],
      clientId: duplicate[1].slice(0, -1),
      ...C('takenOver', CloseCode.ClientIdReused, 'server'),
    };
  }
  const other = split(m, 'MQTT disconnecting client ', " with client ID '");
  if (other) {
    const decommission = between(other[1], '', "' as its node is about to be decommissioned");
    if (decommission !== undefined) {
      return {
        kind: 'mqttClosed',
        connection: other[0],
        clientId: decommission,
        ...C('nodeDecommissioned', CloseCode.ServerShutdown, 'server'),
      };
    }
    const at = other[1].lastIndexOf("', reason: ");
    if (at >= 0) {
      return {
        kind: 'mqttClosed',
        connection: other[0],
        clientId: other[1].slice(0, at),
        detail: other[1].slice(at + 11),
        ...C('serverClose', CloseCode.Administrator, 'server'),
      };
    }
  }
  const login = split(m, "MQTT login failed for user '", "', ");
  if (login) return { kind: 'loginFailed', user: login[0], detail: login[1] };
  const hard = split(m, 'Connection (', ") closing: received hard error {'connection.close',320,");
  if (hard) {
    // The reason is the quoted string that follows, possibly on the next line.
    const q = hard[1].indexOf('"');
    const end = hard[1].lastIndexOf('",');
    if (q >= 0 && end > q) {
      return {
        kind: 'adminClose',
        connectionPid: hard[0],
        reason: hard[1].slice(q + 1, end).replace(/\\(["\\])/g, '$1'),
        ...C('administrative', CloseCode.Administrator, 'server'),
      };
    }
  }
  if (
    m === 'SIGTERM received - shutting down' ||
    m.startsWith('stopped MQTT TCP listener on ') ||
    m.startsWith('SIGTERM received - shutting down\n')
  ) {
    return { kind: 'nodeStopping' };
  }
  const down =
    between(m, "rabbit on node '", "' down") ??
    split(m, "node '", "' down: ")?.[0] ??
    between(m, 'Node ', ' is down, deleting its listeners');
  if (down !== undefined) return { kind: 'nodeDown', about: down };
  const up = between(m, "rabbit on node '", "' up") ?? between(m, "node '", "' up");
  if (up !== undefined) return { kind: 'nodeUp', about: up };
  return { kind: 'other' };
}

/** Reads one message of amq.rabbitmq.log: its routing key, headers and body. Never throws. */
export function readRabbitLog(
  routingKey: string,
  headers: Readonly<Record<string, unknown>> | undefined,
  body: string | Uint8Array,
): RabbitLogLine {
  const text = typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
  const head = readLogHead(routingKey, headers?.node, text);
  return { ...head, ...readMessage(head.message) };
}
