// `GET /api/v0002/config/source` (platform-contract.md §7.2): which broker feeds the platform server's API, since
// when, and what it can and cannot tell. Written by src/server; one definition for the side that reads it.

export type SourceKind = 'sandbox' | 'mosquitto' | 'rabbitmq';

/** Whether the server hears the broker now: `refused` = the broker turned its credentials down. */
export type SourceStatus = 'connected' | 'reconnecting' | 'refused';

/** Something the broker is not set up to tell, and the lines of its configuration that fix it. */
export interface SourceDiagnostic {
  /** Stable, for programs: e.g. `mosquitto.logNotPublished`, `rabbitmq.pluginMissing`. */
  code: string;
  /** In words, for people. */
  message: string;
  /** Configuration lines or commands that fix it, each as it is typed. */
  fix: string[];
}

export interface SourceCapabilities {
  /** The broker lists its connected clients (so the API knows them before they act). */
  listsConnected: boolean;
  /** `platform`: the server's own broker, every event seen; `observed`: only what the server observed. */
  history: 'platform' | 'observed';
  /** A paused client's keep-alive can be held (platform-contract.md §8). */
  holdKeepAlive: boolean;
}

export interface SourceInfoWire {
  kind: SourceKind;
  /** The broker's URL, never with credentials. */
  broker: string;
  observingSince: string;
  /** The broker's own count of connected clients, when it has one. */
  connectedCount: number | null;
  /** Cluster nodes (RabbitMQ); empty for a broker that is not a cluster. */
  nodes: string[];
  capabilities: SourceCapabilities;
  sourceStatus: SourceStatus;
  /** Why the server does not hear the broker now, in words; absent while it does. */
  sourceError?: string;
  /** What the broker is not set up to tell; empty when nothing is missing. */
  diagnostics: SourceDiagnostic[];
}
