// What a source tells the shared parts of the server (platform-contract.md §7.1): a client connected, disconnected,
// or failed to connect, with whatever the broker said about it. Every field but the id and the time may be missing.

import type { DisconnectInitiator } from '../../../core/closeCodes';

interface Seen {
  /** The client id, exactly as the broker gave it. */
  clientId: string;
  /** When the server learned of it (ms since the epoch). */
  at: number;
  /**
   * The broker's own name of the connection (RabbitMQ's connection name; Mosquitto's address:port), so that the end
   * of an older connection is not taken for the end of a newer one of the same id.
   */
  connection?: string;
  clientAddr?: string;
  clientPort?: number;
  node?: string;
}

export interface SeenConnect extends Seen {
  /** When the connection was made, when the broker says (a listed connection); else `at`. */
  connectTime?: number;
  keepAliveSeconds?: number;
  /** Monitor `Protocol`: mqtt3, mqtt4, mqtt5. */
  protocol?: 'mqtt3' | 'mqtt4' | 'mqtt5';
  /** The broker's port the client connected to. */
  listenerPort?: number;
  user?: string;
  durable?: boolean;
}

export interface SeenDisconnect extends Seen {
  /** The platform's close code (platform-contract.md §4.3), when the broker's words map to one. */
  closeCode?: number;
  initiator?: DisconnectInitiator;
  /** The broker's words when there is no close code ("unknown" when it said nothing). */
  reason?: string;
  /** `carried`: learned after a time the server did not observe the broker; the client may have connected since. */
  observed?: 'live' | 'carried';
}

export interface SeenFailed extends Seen {
  closeCode: number;
}
