// The watcher's inputs and events (no `vscode` import). Types only.

import type { ConnectivityEvent } from '../../core/events/types';
import type { PresenceSnapshot, PresenceTransition } from '../../core/presence/presence';
import type { BackoffOptions } from '../../platform/backoff';
import type { PlatformLog } from '../../platform/log';
import type { MonitorConnection } from '../../platform/monitor/types';
import type { PlatformRestClient } from '../../platform/rest/client';
import type { MonitorLease } from '../monitor/types';
import type { TallyView } from './tally';

/** The REST calls the watcher makes: initial states and reconciliation. */
export type WatcherRest = Pick<PlatformRestClient, 'getClientState' | 'streamConnectionLog'>;

/** The platform to watch on a connection of the watcher's own: its broker, the application
 *  credentials, its CA, its REST client. */
export interface WatchTarget {
  readonly platformName: string;
  readonly mqttUrl: string;
  readonly orgId: string;
  readonly apiKey: string;
  readonly apiToken: string;
  readonly ca?: string;
  readonly rejectUnauthorized?: boolean;
  readonly rest: WatcherRest;
}

/** The platform to watch through a lease on a shared monitor connection (views/monitor). */
export interface LeasedWatchTarget {
  readonly platformName: string;
  readonly lease: MonitorLease;
  readonly rest: WatcherRest;
}

export interface WatcherOptions {
  /** The app id of a connection of its own (default: a random one). Two connections with one
   *  app id throw each other off (288). A leased connection has its owner's. */
  readonly appId?: string;
  readonly log?: PlatformLog;
  /** For a connection of its own; a leased one has its owner's. */
  readonly backoff?: BackoffOptions;
  /** Most exact monitor topics before wildcards (core/monitorCover), on a connection of its own. */
  readonly coverThreshold?: number;
  /** After subscribing, how long retained messages may take before the state API is asked about
   *  clients they did not tell of (applications, clients whose retained message expired). */
  readonly initialGraceMs?: number;
  /** For a connection of its own. */
  readonly keepaliveSeconds?: number;
  /** Retries of a reconciliation whose state reads failed. Default 5 s doubling to 60 s. */
  readonly reconcileRetry?: BackoffOptions;
}

/** What reconciliation after the watcher's own reconnect found. */
export interface ReconcileOutcome {
  readonly offlineSince: number;
  readonly offlineMs: number;
  /** Per client, what happened while the watcher was offline, oldest first. */
  readonly missed: ReadonlyMap<string, readonly ConnectivityEvent[]>;
  /** What the state records changed in the presence book. */
  readonly transitions: readonly PresenceTransition[];
  /** Clients whose records or logs could not be read (retried with backoff). */
  readonly failed: readonly string[];
}

export interface WatcherEvents {
  /** Something the status bar shows changed: read view(). */
  changed: undefined;
  /** A client's presence changed (initial ones carry notify 'none'). */
  transition: PresenceTransition;
  reconciled: ReconcileOutcome;
  connection: MonitorConnection;
}

/** What keeps the watcher from watching fully, as facts (the tooltip words them). `detail`: an error's message. */
export type WatcherProblem =
  /** The first states of `failed` clients could not be read (tried again when the watcher reconnects). */
  | { readonly kind: 'initialReadsFailed'; readonly failed: number; readonly detail: string }
  /** Changes missed offline could not be checked for `failed` clients (`retrying`: tried again soon). */
  | { readonly kind: 'reconcileFailed'; readonly failed: number; readonly retrying: boolean; readonly detail: string }
  /** Reconciliation itself failed. */
  | { readonly kind: 'reconcileError'; readonly detail: string }
  /** `count` monitor messages could not be read; the last one's error and size. */
  | { readonly kind: 'unreadableMessages'; readonly count: number; readonly lastError: string; readonly bytes: number }
  /** The broker refused the subscription to `topic`: the pinned clients under it are not watched. */
  | { readonly kind: 'subscriptionRefused'; readonly topic: string; readonly reason?: string }
  /** Pinned ids without a monitor topic: too long for MQTT once encoded (platform-contract.md §7.2). */
  | { readonly kind: 'noMonitorTopics'; readonly count: number };

export interface WatcherView {
  readonly platformName: string;
  readonly connection: MonitorConnection;
  readonly tally: TallyView;
  readonly problems: readonly WatcherProblem[];
  /** The pinned clients' presence, in pin order. */
  snapshots(): PresenceSnapshot[];
}
