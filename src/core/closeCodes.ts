// The platform's close codes (platform-contract.md §4.3) with who caused each close, the MQTT 5 reason code it
// maps to, and words for people. The platform close-code space and the MQTT 5 reason-code space
// are kept apart: 160 is "timed out" here and "maximum connect time" in MQTT 5.

export type DisconnectInitiator = 'client' | 'server' | 'network';

export interface CloseCodeInfo {
  readonly code: number;
  /** The platform's reason sentence, without the final full stop. */
  readonly reason: string;
  readonly initiator: DisconnectInitiator;
  readonly mqttReasonCode: number;
  /** Plain words for the tree, notifications and the timeline. */
  readonly explanation: string;
  /** What in device code usually causes it. */
  readonly hint: string;
}

export const CloseCode = {
  Normal: 0,
  ClosedByClient: 91,
  ClosedByServer: 92,
  ServerShutdown: 93,
  Administrator: 94,
  ServerCapacity: 104,
  InvalidData: 105,
  TooManySubscriptions: 154,
  TimedOut: 160,
  NoData: 164,
  InvalidClientId: 166,
  CertificateMissing: 169,
  CertificateInvalid: 170,
  TooManyConnections: 173,
  TooManyAuthRequests: 176,
  NotAuthorized: 180,
  InvalidTopic: 276,
  MessageTooLarge: 287,
  ClientIdReused: 288,
} as const;

const table: CloseCodeInfo[] = [
  {
    code: 0,
    reason: 'The connection has completed normally',
    initiator: 'client',
    mqttReasonCode: 0,
    explanation: 'disconnected cleanly (MQTT DISCONNECT)',
    hint: 'The client called disconnect/end: an intended stop.',
  },
  {
    code: 91,
    reason: 'The connection was closed by the client',
    initiator: 'client',
    mqttReasonCode: 128,
    explanation: 'the socket closed without an MQTT DISCONNECT',
    hint: 'The process ended or crashed, the device rebooted, or the link dropped before a clean disconnect.',
  },
  {
    code: 92,
    reason: 'The connection was closed by the server',
    initiator: 'server',
    mqttReasonCode: 128,
    explanation: 'closed by the server',
    hint: "The platform ended the session; check the platform status and the client's behaviour just before.",
  },
  {
    code: 93,
    reason: 'The connection was closed because the server was shutdown',
    initiator: 'server',
    mqttReasonCode: 139,
    explanation: 'the server shut down',
    hint: 'Planned maintenance or a restart of the platform: reconnect with backoff.',
  },
  {
    code: 94,
    reason: 'The connection was closed by an administrator',
    initiator: 'server',
    mqttReasonCode: 152,
    explanation: 'closed by an administrator',
    hint: 'Someone disconnected the client on purpose (admin action); the client should reconnect.',
  },
  {
    code: 104,
    reason: 'Server capacity reached',
    initiator: 'server',
    mqttReasonCode: 137,
    explanation: 'the server is at capacity',
    hint: 'Too many clients at once: spread reconnects with jittered backoff.',
  },
  {
    code: 105,
    reason: 'The data from the client is not valid',
    initiator: 'server',
    mqttReasonCode: 129,
    explanation: 'the client sent invalid data',
    hint: 'A malformed MQTT packet: a buggy MQTT library, a corrupted buffer, or plain TCP data sent to the MQTT port.',
  },
  {
    code: 154,
    reason: 'Too many subscriptions',
    initiator: 'server',
    mqttReasonCode: 151,
    explanation: 'too many subscriptions',
    hint: 'The subscription quota was exceeded (50 per device, 500 per application): subscribe with wildcards.',
  },
  {
    code: 160,
    reason: 'The connection timed out',
    initiator: 'network',
    mqttReasonCode: 141,
    explanation: 'keep-alive timed out',
    hint: 'No packet within 1.5 × keep-alive: a blocked loop, a breakpoint, or a dead link.',
  },
  {
    code: 164,
    reason: 'No data received on the connection',
    initiator: 'network',
    mqttReasonCode: 141,
    explanation: 'no data received on the connection',
    hint: 'The socket opened but no CONNECT arrived in time: a stalled TLS handshake or a half-open link.',
  },
  {
    code: 166,
    reason: 'The ClientID is not valid',
    initiator: 'server',
    mqttReasonCode: 133,
    explanation: 'the client id is not valid',
    hint:
      'The id must be d:org:type:device, g:…, a:org:app or A:…, with parts of [A-Za-z0-9._-], at most 36 ' +
      'characters.',
  },
  {
    code: 169,
    reason: 'A certificate is missing',
    initiator: 'server',
    mqttReasonCode: 135,
    explanation: 'a client certificate is missing',
    hint: "The organization requires client certificates: configure the device's certificate and key.",
  },
  {
    code: 170,
    reason: 'The certificate is not valid',
    initiator: 'server',
    mqttReasonCode: 135,
    explanation: 'the client certificate is not valid',
    hint: 'An expired, revoked or wrongly signed client certificate.',
  },
  {
    code: 173,
    reason: 'Too many connections for the organization',
    initiator: 'server',
    mqttReasonCode: 151,
    explanation: 'too many connections for the organization',
    hint: "The organization's connection quota is reached: close idle clients.",
  },
  {
    code: 176,
    reason: 'Too many authorization requests',
    initiator: 'server',
    mqttReasonCode: 159,
    explanation: 'too many authorization attempts',
    hint: 'A reconnect loop without backoff: add exponential backoff to reconnects.',
  },
  {
    code: 180,
    reason: 'The operation is not authorized',
    initiator: 'server',
    mqttReasonCode: 135,
    explanation: 'not authorized',
    hint:
      'A wrong token or API key, or a publish/subscribe on a topic this client may not use (devices: iot-2/evt ' +
      'and iot-2/cmd only).',
  },
  {
    code: 276,
    reason: 'The topic is not valid',
    initiator: 'server',
    mqttReasonCode: 144,
    explanation: 'the topic is not valid',
    hint: "A topic outside the platform's topic space, or a wildcard where none is allowed.",
  },
  {
    code: 287,
    reason: 'The message size is too large for this endpoint',
    initiator: 'server',
    mqttReasonCode: 149,
    explanation: 'a message was too large',
    hint: 'A payload over 128 KB (131072 bytes): split it or send a reference.',
  },
  {
    code: 288,
    reason: 'The client ID was reused',
    initiator: 'server',
    mqttReasonCode: 142,
    explanation: 'session taken over by a newer connection with the same client id',
    hint:
      'Two processes or devices share one client id, or a reconnect raced the old session; the newer one stays ' +
      'connected.',
  },
];

const byCode = new Map(table.map((info) => [info.code, info]));

export const CLOSE_CODES: readonly CloseCodeInfo[] = table;

export function closeCodeInfo(code: number): CloseCodeInfo | undefined {
  return byCode.get(code);
}

/** The platform's reason sentence for a close code (without a final full stop), or a generic one. */
export function closeReason(code: number): string {
  return byCode.get(code)?.reason ?? `The connection was closed (${code})`;
}

// --- MQTT 5 reason codes used above (platform-contract.md §4.3), by their own numbers.

const mqtt5Names: Record<number, string> = {
  0: 'normal disconnection',
  128: 'unspecified error',
  129: 'malformed packet',
  133: 'client identifier not valid',
  135: 'not authorized',
  137: 'server busy',
  139: 'server shutting down',
  141: 'keep alive timeout',
  142: 'session taken over',
  144: 'topic name invalid',
  149: 'packet too large',
  151: 'quota exceeded',
  152: 'administrative action',
  159: 'connection rate exceeded',
};

export function mqtt5ReasonName(code: number): string {
  return mqtt5Names[code] ?? `reason code ${code}`;
}

// --- MQTT 3.1.1 CONNACK return codes.

export const ConnackCode = {
  Accepted: 0,
  BadProtocol: 1,
  IdRejected: 2,
  ServerUnavailable: 3,
  BadUserOrPassword: 4,
  NotAuthorized: 5,
} as const;

const connackNames = [
  'accepted',
  'unacceptable protocol version',
  'identifier rejected',
  'server unavailable',
  'bad user name or password',
  'not authorized',
];

export function connackName(code: number): string {
  return connackNames[code] ?? `CONNACK ${code}`;
}
