// What the API's route handlers work with.

import type { SourceInfoWire } from '../../core/source';
import type { Logger } from '../log';
import type { SandboxStore } from '../store/store';

/** A connected client's keep-alive as the broker keeps it (platform-contract.md §8); times in epoch ms. */
export interface KeepAliveFacts {
  keepAliveSeconds: number;
  lastPacketTime: number;
  /** When the broker closes it with 160 unless a packet arrives; null: never (keep-alive 0). */
  deadline: number | null;
  held: boolean;
  heldUntil: number | null;
}

/** The observed broker's own API failed a call the server made for a request (answered 502). */
export class BrokerCallError extends Error {}

export interface SandboxAdmin {
  /**
   * Closes a connected client with close code 94; false when it is not connected. Absent where the broker offers no
   * such call (501); a failure of the broker's own API rejects with a BrokerCallError (502).
   */
  disconnectClient?(clientId: string): boolean | Promise<boolean>;
  /** Absent where the broker's keep-alive cannot be read or held (501); undefined: not connected (404). */
  keepAlive?(clientId: string): KeepAliveFacts | undefined;
  hold?(clientId: string, seconds: number): KeepAliveFacts | undefined;
  release?(clientId: string): KeepAliveFacts | undefined;
}

export interface ApiDeps {
  readonly store: SandboxStore;
  readonly org: string;
  readonly log: Logger;
  readonly admin: SandboxAdmin;
  /** What feeds the API (platform-contract.md §7.2), as `GET /config/source` answers it. */
  readonly source?: () => SourceInfoWire;
}
