// What the API's route handlers work with.

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

export interface SandboxAdmin {
  /** Closes a live client with close code 94; false when it is not connected. */
  disconnectClient(clientId: string): boolean;
  /** Absent where the broker's keep-alive cannot be read or held (501); undefined: not connected (404). */
  keepAlive?(clientId: string): KeepAliveFacts | undefined;
  hold?(clientId: string, seconds: number): KeepAliveFacts | undefined;
  release?(clientId: string): KeepAliveFacts | undefined;
}

/** What `GET /config/source` tells of the broker behind the API (platform-contract.md §7.2). */
export interface SourceFacts {
  kind: 'sandbox';
  /** The broker's URL, without credentials. */
  broker: string;
  /** Epoch ms since when the server has seen the broker's clients. */
  observingSince: number;
  connectedCount: number;
  holdKeepAlive: boolean;
}

export interface ApiDeps {
  readonly store: SandboxStore;
  readonly org: string;
  readonly log: Logger;
  readonly admin: SandboxAdmin;
  /** undefined until the broker's URL is known. */
  readonly source?: () => SourceFacts | undefined;
}
