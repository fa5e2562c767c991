// What the API's route handlers work with.

import type { Logger } from '../log';
import type { SandboxStore } from '../store/store';

export interface SandboxAdmin {
  /** Closes a live client with close code 94; false when it is not connected. */
  disconnectClient(clientId: string): boolean;
}

export interface ApiDeps {
  readonly store: SandboxStore;
  readonly org: string;
  readonly log: Logger;
  readonly admin: SandboxAdmin;
}
