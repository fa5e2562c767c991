// What a source gives the shared parts of the server (the REST API, the ready line): the server's own MQTT listeners,
// the admin call, what `GET /config/source` answers (platform-contract.md §7.2), and how to stop it.

import type { SourceInfoWire } from '../../core/source';
import type { SandboxAdmin } from '../http/context';

export interface SourceSide {
  readonly ports: { mqtt: number | null; mqtts: number | null; ws: number | null; wss: number | null };
  readonly admin: SandboxAdmin;
  readonly source: () => SourceInfoWire;
  /** Stops the source: the sandbox's broker closes every client with 93; an observer only stops observing. */
  close(): Promise<void>;
}
