// What the Clients view says about the broker behind the API (platform-contract.md §7.2), as a
// model the view words (no `vscode` import; unit-tested): which broker, its nodes, since when it
// is observed, its own count beside the clients known, what stops the server from hearing it now
// (with the fix), and what this kind of broker cannot tell at all (docs/brokers-observed.md).

import type { SourceInfo } from '../../platform/rest/source';

/** Something the server cannot hear now, or the broker is not set up to tell; `fix`: lines to type. */
export interface SourceProblem {
  /** `source.reconnecting`, `source.refused`, or a diagnostic's code. */
  readonly code: string;
  /** The server's words (untrusted text); may be empty for the status problems. */
  readonly message: string;
  readonly fix: readonly string[];
}

/** What a broker of this kind cannot tell, whatever its configuration. */
export type SourceLimit =
  'notListed' | 'observedHistory' | 'refusedWithoutId' | 'noAdminDisconnect' | 'noKeepAlive' | 'crashedNode';

export interface SourceModel {
  readonly kind: string;
  readonly broker?: string;
  readonly nodes: readonly string[];
  readonly since?: number;
  /** The broker's own count of connected clients. */
  readonly brokerCount?: number;
  /** Clients the API knows as connected (undefined when not asked or not answered). */
  readonly known?: number;
  readonly problems: readonly SourceProblem[];
  readonly limits: readonly SourceLimit[];
}

/** Whether the view shows the source: only an observed broker (not the sandbox, nor a platform that does not say). */
export function isObserved(info: SourceInfo): boolean {
  return info.kind !== 'sandbox' && info.kind !== 'unknown';
}

export function sourceModel(info: SourceInfo, known?: number): SourceModel {
  const problems: SourceProblem[] = [];
  if (info.status === 'reconnecting' || info.status === 'refused') {
    problems.push({ code: `source.${info.status}`, message: info.error ?? '', fix: [] });
  }
  problems.push(...info.diagnostics);
  return {
    kind: info.kind,
    broker: info.broker,
    nodes: info.nodes,
    since: info.observingSince,
    brokerCount: info.connectedCount,
    known,
    problems,
    limits: limitsOf(info),
  };
}

function limitsOf(info: SourceInfo): SourceLimit[] {
  const limits: SourceLimit[] = [];
  if (info.listsConnected === false) limits.push('notListed');
  if (info.history === 'observed') limits.push('observedHistory');
  if (info.kind === 'mosquitto') limits.push('refusedWithoutId', 'noAdminDisconnect');
  if (info.kind === 'rabbitmq') limits.push('refusedWithoutId', 'noKeepAlive', 'crashedNode');
  return limits;
}

/** What the source row shows that may change between refreshes without a client acting: compared to refresh it. */
export function sourceSignature(m: SourceModel): string {
  return JSON.stringify([m.problems, m.nodes]);
}
