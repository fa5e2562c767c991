// The monitor client's options, plan and events (platform-contract.md §4). Types only.

import type { MonitorTopic } from '../../core/ids';
import type { MonitorMessage } from '../../core/monitor';
import type { BackoffOptions } from '../backoff';
import type { PlatformLog } from '../log';
import type { ProxySettings } from '../proxy/agents';

export interface MonitorOptions {
  /** `mqtts://{org}.messaging.…:8883`, `mqtt://…:1883` (local sandbox) or `wss://…:443/mqtt`. */
  readonly mqttUrl: string;
  readonly orgId: string;
  /** The application id, unique per window: two connections with one id throw each other off (288). */
  readonly appId: string;
  readonly apiKey: string;
  readonly apiToken: string;
  /** PEM of the CA that signs the broker's certificate; replaces the system roots when given. */
  readonly ca?: string;
  /** Default true. */
  readonly rejectUnauthorized?: boolean;
  /** VS Code's proxy settings, for MQTT over WebSocket (platform/proxy); none: direct. */
  readonly proxy?: ProxySettings;
  /** Default 30 s. */
  readonly keepaliveSeconds?: number;
  /** How long to wait for the CONNACK. Default 10 s. */
  readonly connectTimeoutMs?: number;
  /** Reconnect backoff. Default 1 s doubling to 60 s, with jitter. */
  readonly backoff?: BackoffOptions;
  readonly log?: PlatformLog;
}

/** What to watch: the topics of a cover (concrete or with `+`) and, for wildcards, which
 *  concrete topics are wanted. core/monitorCover.ts's planCover() returns one. */
export interface MonitorPlan {
  readonly topics: readonly string[];
  /** Whether a message arriving on this topic is wanted (a wildcard brings others too). Default: all. */
  readonly accepts?: (topic: string) => boolean;
}

/** The watcher's own connection to the broker — never to be read as a client's state. */
export type MonitorConnection =
  | { readonly state: 'idle' }
  | { readonly state: 'connecting'; readonly attempt: number }
  | { readonly state: 'connected'; readonly since: number }
  /** Down since `since`; tries again in `retryInMs`. */
  | {
      readonly state: 'reconnecting';
      readonly since: number;
      readonly attempt: number;
      readonly retryInMs: number;
      readonly reason: string;
    }
  /** The broker refused the credentials (CONNACK 4/5), the id (2) or the TLS certificate: no retry
   *  until `restart()` (after the credentials are fixed). */
  | { readonly state: 'rejected'; readonly reason: string; readonly connackCode?: number }
  | { readonly state: 'closed' };

/** A monitor message about some client. */
export interface MonitorEvent {
  readonly topic: string;
  /** The topic's parts (device type and id, or app id). */
  readonly subject?: MonitorTopic;
  /** `ClientID` from the payload, when present. */
  readonly clientId?: string;
  readonly message: MonitorMessage;
  /** Retained: the client's last known state, sent on subscribe — not a new transition. */
  readonly retained: boolean;
  readonly receivedAt: number;
}

/** A payload that could not be read (not JSON, too large, not an object). */
export interface InvalidMonitorPayload {
  readonly topic: string;
  readonly error: string;
  readonly bytes: number;
  readonly receivedAt: number;
}

export interface SubscriptionResult {
  readonly topic: string;
  readonly granted: boolean;
  /** Why not, when refused (SUBACK 0x80, or the subscribe failed). */
  readonly reason?: string;
}

export interface Reconnected {
  /** When the connection was lost. */
  readonly offlineSince: number;
  readonly offlineMs: number;
  /** Platform time of the last message seen on each concrete monitor topic before the link went
   *  down: what happened after it was missed. Pass it on to reconcile(). */
  readonly lastSeen: ReadonlyMap<string, number>;
}

export interface MonitorEvents {
  connection: MonitorConnection;
  message: MonitorEvent;
  invalid: InvalidMonitorPayload;
  subscription: SubscriptionResult;
  /** After every reconnect, once subscriptions are back: reconcile against the state API now. */
  reconnected: Reconnected;
}
