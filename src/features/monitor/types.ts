// What a user of the window's monitor connection holds (no `vscode` import). Types only.

import type { Disposable, Listener } from '../../platform/events';
import type { MonitorConnection, MonitorEvents } from '../../platform/monitor/types';

export interface LeaseEvents extends MonitorEvents {
  /** Whether this lease's clients are all watched now: the link is up and each one's monitor topic
   *  is under a granted subscription. Fired when it changes. */
  live: boolean;
}

/**
 * One user's interest in the shared monitor connection: the clients it wants messages about.
 * Messages reach it only on its clients' monitor topics; the connection's state and its
 * reconnects reach every lease. Disposing it drops its interest (a topic another lease still
 * needs stays subscribed).
 */
export interface MonitorLease extends Disposable {
  /** The MQTT client id of the shared connection (`a:{org}:{appId}`). */
  readonly clientId: string;
  readonly connection: MonitorConnection;
  readonly live: boolean;
  /** The topics the shared connection subscribes to now (for all leases together). */
  readonly topics: readonly string[];
  /** Wants exactly these clients; resolves when the shared subscriptions have caught up. */
  setClients(ids: readonly string[]): Promise<void>;
  /** Also wants every client under these monitor filters (`iot-2/type/+/id/+/mon`…), e.g. while
   *  debugging; resolves when the shared subscriptions have caught up. */
  setFilters(filters: readonly string[]): Promise<void>;
  /** Connects again at once (after 'rejected', when the credentials were fixed). */
  restart(): void;
  on<K extends keyof LeaseEvents>(name: K, listener: Listener<LeaseEvents[K]>): Disposable;
}
