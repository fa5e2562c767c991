// The platform's close codes (platform-contract.md §4.3) with who caused each close, the MQTT 5 reason code it
// maps to, and words for people. The platform close-code space and the MQTT 5 reason-code space
// are kept apart: 160 is "timed out" here and "maximum connect time" in MQTT 5. The words for
// people about each code are in closeCodeWords.ts, in the person's language.

export type DisconnectInitiator = 'client' | 'server' | 'network';

export interface CloseCodeInfo {
  readonly code: number;
  /** The platform's reason sentence, without the final full stop. */
  readonly reason: string;
  readonly initiator: DisconnectInitiator;
  readonly mqttReasonCode: number;
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
  },
  {
    code: 91,
    reason: 'The connection was closed by the client',
    initiator: 'client',
    mqttReasonCode: 128,
  },
  {
    code: 92,
    reason: 'The connection was closed by the server',
    initiator: 'server',
    mqttReasonCode: 128,
  },
  {
    code: 93,
    reason: 'The connection was closed because the server was shutdown',
    initiator: 'server',
    mqttReasonCode: 139,
  },
  {
    code: 94,
    reason: 'The connection was closed by an administrator',
    initiator: 'server',
    mqttReasonCode: 152,
  },
  {
    code: 104,
    reason: 'Server capacity reached',
    initiator: 'server',
    mqttReasonCode: 137,
  },
  {
    code: 105,
    reason: 'The data from the client is not valid',
    initiator: 'server',
    mqttReasonCode: 129,
  },
  {
    code: 154,
    reason: 'Too many subscriptions',
    initiator: 'server',
    mqttReasonCode: 151,
  },
  {
    code: 160,
    reason: 'The connection timed out',
    initiator: 'network',
    mqttReasonCode: 141,
  },
  {
    code: 164,
    reason: 'No data received on the connection',
    initiator: 'network',
    mqttReasonCode: 141,
  },
  {
    code: 166,
    reason: 'The ClientID is not valid',
    initiator: 'server',
    mqttReasonCode: 133,
  },
  {
    code: 169,
    reason: 'A certificate is missing',
    initiator: 'server',
    mqttReasonCode: 135,
  },
  {
    code: 170,
    reason: 'The certificate is not valid',
    initiator: 'server',
    mqttReasonCode: 135,
  },
  {
    code: 173,
    reason: 'Too many connections for the organization',
    initiator: 'server',
    mqttReasonCode: 151,
  },
  {
    code: 176,
    reason: 'Too many authorization requests',
    initiator: 'server',
    mqttReasonCode: 159,
  },
  {
    code: 180,
    reason: 'The operation is not authorized',
    initiator: 'server',
    mqttReasonCode: 135,
  },
  {
    code: 276,
    reason: 'The topic is not valid',
    initiator: 'server',
    mqttReasonCode: 144,
  },
  {
    code: 287,
    reason: 'The message size is too large for this endpoint',
    initiator: 'server',
    mqttReasonCode: 149,
  },
  {
    code: 288,
    reason: 'The client ID was reused',
    initiator: 'server',
    mqttReasonCode: 142,
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
