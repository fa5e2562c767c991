// What happened to a client's connection, whatever told us: a connection-log line (platform-contract.md §3),
// a monitor message (§4) or the state record (§2.3). One union for the timeline, the summary
// and the watcher; `other` keeps what could not be understood, never dropping it.

import type { DisconnectInitiator } from '../closeCodes';

export type EventSource = 'log' | 'monitor' | 'state';

/** Why a connection ended. `takeover` is code 288: the client is still connected elsewhere. */
export type DisconnectCause = DisconnectInitiator | 'takeover' | 'unknown';
export const DISCONNECT_CAUSES: readonly DisconnectCause[] = ['client', 'server', 'network', 'takeover', 'unknown'];

export type AuthMethod = 'token' | 'apiKey' | 'unknown';

/** Why an event has no usable time: the entry had none, or it was not an instant. */
export type TimeIssue = 'missing' | 'invalid';

/** How a connection closed, as far as the sources tell (platform-contract.md §4.3). */
export interface CloseDetail {
  /** The code as reported (a `CloseCode`, a number in the text, or the code whose sentence matched). */
  readonly closeCode?: number;
  readonly initiator?: DisconnectInitiator;
  /** In the MQTT 5 reason-code space, never the platform's. */
  readonly mqttReasonCode?: number;
  /** The platform's reason text as received: untrusted, show as plain text. */
  readonly reason?: string;
  /** Plain words for people ("keep-alive timed out"). */
  readonly explanation: string;
  /** What in device code usually causes it; empty when nothing is known. */
  readonly hint: string;
}

interface EventBase {
  /** Equal for the same report seen twice (a re-read log page, a re-delivered retained message). */
  readonly key: string;
  readonly source: EventSource;
  /** Milliseconds since the epoch; undefined when the source gave no usable time (see timeIssue). */
  readonly time: number | undefined;
  readonly timeIssue?: TimeIssue;
  /** The time text as received when it was not an instant. */
  readonly rawTime?: string;
  readonly clientId?: string;
  readonly clientAddr?: string;
  /** The client's source port, its keep-alive and the cluster node, when told (platform-contract.md §7.2, §8). */
  readonly clientPort?: number;
  readonly keepAliveSeconds?: number;
  readonly node?: string;
  /** Other sources that reported the same event (set by merging). */
  readonly alsoSeenIn?: readonly EventSource[];
}

export interface ConnectedEvent extends EventBase {
  readonly kind: 'connected';
  readonly auth: AuthMethod;
  readonly protocol?: string;
  readonly port?: number;
  readonly secure?: boolean;
}

/** A connect attempt that never became a session (bad token, not authorized, bad id…). */
export interface FailedConnectEvent extends EventBase, CloseDetail {
  readonly kind: 'failedConnect';
  readonly auth: AuthMethod;
}

export interface DisconnectedEvent extends EventBase, CloseDetail {
  readonly kind: 'disconnected';
  readonly cause: DisconnectCause;
  /** When the session that ended began, if the source said (monitor `ConnectTime`). */
  readonly connectTime?: number;
}

/** Anything not understood, kept as received. */
export interface OtherEvent extends EventBase {
  readonly kind: 'other';
  readonly raw: string;
}

export type ConnectivityEvent = ConnectedEvent | FailedConnectEvent | DisconnectedEvent | OtherEvent;
export type EventKind = ConnectivityEvent['kind'];
export const EVENT_KINDS: readonly EventKind[] = ['connected', 'failedConnect', 'disconnected', 'other'];

/** Events in time order; those without a usable time last, in the order given. */
export function compareEventTimes(a: ConnectivityEvent, b: ConnectivityEvent): number {
  if (a.time === undefined) return b.time === undefined ? 0 : 1;
  if (b.time === undefined) return -1;
  return a.time - b.time;
}
