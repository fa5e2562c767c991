// The state API's query parameters (platform-contract.md §2.2): one list for the sandbox that parses them and
// the extension that builds them.

import type { ClientType } from './ids';
import type { ConnectionStatus } from './clientState';

/** Instants, sent as ISO 8601. `lastConnectedAfter` is accepted as an alias of `connectedAfter`. */
export const STATE_QUERY_DATE_PARAMS = [
  'connectedAfter',
  'connectedBefore',
  'disconnectedAfter',
  'disconnectedBefore',
  'lastActivityAfter',
  'lastActivityBefore',
] as const;
export type StateQueryDateParam = (typeof STATE_QUERY_DATE_PARAMS)[number];

export const CONNECTED_AFTER_ALIAS = 'lastConnectedAfter';

export const CONNECTION_STATUSES: readonly ConnectionStatus[] = ['connected', 'disconnected'];
export const CLIENT_TYPES: readonly ClientType[] = ['device', 'gateway', 'application', 'other'];
/** A case-sensitive substring of the client id (platform-contract.md §7.2). */
export const CLIENT_ID_CONTAINS = 'clientIdContains';

/** Fields the API sorts by. */
export const STATE_SORT_FIELDS = [
  'id',
  'clientType',
  'connectionStatus',
  'lastConnectTime',
  'lastDisconnectTime',
  'lastActivityTime',
] as const;
export type StateSortField = (typeof STATE_SORT_FIELDS)[number];

export type StateQuery = {
  connectionStatus?: ConnectionStatus;
  deviceType?: string;
  deviceId?: string;
  clientType?: ClientType;
  /** Kept exactly as given (spaces are part of ids): never trimmed. */
  clientIdContains?: string;
} & { [K in StateQueryDateParam]?: string };

export const STATE_QUERY_PARAMS: readonly string[] = [
  'connectionStatus',
  'deviceType',
  'deviceId',
  'clientType',
  CLIENT_ID_CONTAINS,
  ...STATE_QUERY_DATE_PARAMS,
];
