// What the broker's hooks share.

import type { Logger } from '../../../log';
import type { SandboxStore } from '../../../store/store';
import type { ConnectivityRecorder } from './recorder';
import type { Sessions } from './sessions';
import type { StateWriter } from './stateWriter';
import type { AuthFailures } from '../../../authLimit';

export interface BrokerContext {
  org: string;
  store: SandboxStore;
  sessions: Sessions;
  states: StateWriter;
  recorder: ConnectivityRecorder;
  log: Logger;
  /** Failed authentications per address and per client id (platform-contract.md §4.3). */
  authFailures: AuthFailures;
}

/** An error the broker raised on purpose to close a connection; already recorded and logged. */
export class PolicyClose extends Error {}
