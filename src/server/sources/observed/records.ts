// The state record (platform-contract.md §2.3, §7.2) and monitor message (§4.2) of what an observed broker told:
// pure functions of the previous record and the event. A field the broker did not tell is left out, never guessed;
// the fields of an earlier connection (address, port, keep-alive, node) go when a new connection brings its own.

import type { ClientStateWire } from '../../../core/clientState';
import { closeCodeInfo, closeReason } from '../../../core/closeCodes';
import { clientTypeOfId } from '../../../core/ids';
import type { MonitorMessage } from '../../../core/monitor';
import { toIso } from '../../../core/time';
import type { SeenConnect, SeenDisconnect, SeenFailed } from './events';

const PROTOCOL_VERSIONS = { mqtt3: '3.1', mqtt4: '3.1.1', mqtt5: '5' } as const;

type Optional<T> = { [K in keyof T]?: T[K] | undefined };

/** The object without its undefined fields. */
function defined<T extends object>(o: Optional<T>): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function base(clientId: string, prev: ClientStateWire | undefined): ClientStateWire {
  return prev ?? { id: clientId, clientType: clientTypeOfId(clientId), connectionStatus: 'disconnected' };
}

function withoutConnection(r: ClientStateWire): ClientStateWire {
  const { clientAddr: _a, clientPort: _p, keepAliveSeconds: _k, node: _n, ...rest } = r;
  return rest;
}

function withoutCause(r: ClientStateWire): ClientStateWire {
  const { closeCode: _c, closeReason: _r, disconnectInitiator: _i, mqttReasonCode: _m, ...rest } = r;
  return rest;
}

export function connectedRecord(prev: ClientStateWire | undefined, e: SeenConnect): ClientStateWire {
  return defined<ClientStateWire>({
    ...withoutConnection(base(e.clientId, prev)),
    connectionStatus: 'connected',
    lastConnectTime: toIso(e.connectTime ?? e.at),
    lastActivityEvent: 'mqttConnect',
    lastActivityTime: toIso(e.connectTime ?? e.at),
    mqttConnectProtocol: e.protocol !== undefined ? PROTOCOL_VERSIONS[e.protocol] : prev?.mqttConnectProtocol,
    keepAliveSeconds: e.keepAliveSeconds,
    clientAddr: e.clientAddr,
    clientPort: e.clientPort,
    node: e.node,
    observed: 'live',
  });
}

/** The cause fields of a close: the code's own when there is one, else the broker's words alone. */
function cause(closeCode: number | undefined, initiator: SeenDisconnect['initiator'], words: string | undefined) {
  const info = closeCode !== undefined ? closeCodeInfo(closeCode) : undefined;
  return defined<Partial<ClientStateWire>>({
    disconnectInitiator: initiator ?? info?.initiator,
    mqttReasonCode: info?.mqttReasonCode,
    closeCode,
    closeReason: closeCode !== undefined ? closeReason(closeCode) : (words ?? 'unknown'),
  });
}

/**
 * A connection ended. `stillConnected`: the client is connected through a newer connection (a takeover whose new
 * connection was told first): the record keeps `connected`, and tells the older connection's end.
 */
export function disconnectedRecord(
  prev: ClientStateWire | undefined,
  e: SeenDisconnect,
  stillConnected: boolean,
): ClientStateWire {
  const start = withoutCause(base(e.clientId, prev));
  return {
    ...(stillConnected ? start : { ...start, lastActivityEvent: 'mqttDisconnect', lastActivityTime: toIso(e.at) }),
    connectionStatus: stillConnected ? 'connected' : 'disconnected',
    lastDisconnectTime: toIso(e.at),
    ...cause(e.closeCode, e.initiator, e.reason),
    observed: e.observed ?? 'live',
  };
}

/** An attempt that failed: the record of a client that is not connected says so; a connected one stays. */
export function failedRecord(prev: ClientStateWire | undefined, e: SeenFailed): ClientStateWire {
  if (prev?.connectionStatus === 'connected') return prev;
  return { ...disconnectedRecord(prev, { ...e, initiator: undefined }, false), observed: 'live' };
}

export function connectMessage(e: SeenConnect): MonitorMessage {
  return defined<MonitorMessage>({
    Action: 'Connect',
    Time: toIso(e.at),
    ClientAddr: e.clientAddr,
    ClientID: e.clientId,
    Port: e.listenerPort,
    Protocol: e.protocol,
    Durable: e.durable,
    User: e.user,
    KeepAlive: e.keepAliveSeconds,
    ClientPort: e.clientPort,
    Node: e.node,
  });
}

export function disconnectMessage(e: SeenDisconnect, record: ClientStateWire | undefined): MonitorMessage {
  return defined<MonitorMessage>({
    Action: 'Disconnect',
    Time: toIso(e.at),
    ClientAddr: e.clientAddr ?? record?.clientAddr,
    ClientID: e.clientId,
    ConnectTime: record?.lastConnectTime,
    // §4.2: CloseCode and Reason are omitted when the code is 0; without a code, the broker's words are the reason.
    CloseCode: e.closeCode !== 0 ? e.closeCode : undefined,
    Reason:
      e.closeCode === 0 ? undefined : e.closeCode !== undefined ? closeReason(e.closeCode) : (e.reason ?? 'unknown'),
    ClientPort: e.clientPort ?? record?.clientPort,
    Node: e.node ?? record?.node,
  });
}

export function failedMessage(e: SeenFailed): MonitorMessage {
  return defined<MonitorMessage>({
    Action: 'FailedConnect',
    Time: toIso(e.at),
    ClientAddr: e.clientAddr,
    ClientID: e.clientId,
    CloseCode: e.closeCode,
    Reason: closeReason(e.closeCode),
    ClientPort: e.clientPort,
    Node: e.node,
  });
}
