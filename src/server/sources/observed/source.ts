// The seam between the shared parts of an observing server and one kind of observed broker (platform-contract.md
// §7): a source is started with the recorder it tells and the board it keeps, and answers the admin call if its
// broker has one.

import type { Logger } from '../../log';
import type { SandboxStore } from '../../store/store';
import type { SourceBoard } from './board';
import type { ObservedRecorder } from './recorder';

export interface SourceContext {
  store: SandboxStore;
  recorder: ObservedRecorder;
  board: SourceBoard;
  log: Logger;
}

export interface ObservedSource {
  /** Closes a connected client on the broker (94); false when it is not connected. Absent: the broker has no call. */
  disconnectClient?(clientId: string): Promise<boolean>;
  /** Stops observing; what was recorded stays. */
  close(): Promise<void>;
}
