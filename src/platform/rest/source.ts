// `GET /config/source` (platform-contract.md §7.2): which broker feeds the API, since when, whether the server hears
// it now, what it cannot tell and how to fix that. Read defensively: a field of the wrong type is left out, lists
// and texts are bounded; a platform without the call (404) is `unknown`, a plain platform of §2–§4.

import { parseInstant } from '../../core/time';
import { isPlatformError } from '../errors';
import type { Transport } from './http';

export interface SourceDiagnostic {
  readonly code: string;
  readonly message: string;
  /** Configuration lines or commands, each as it is typed. */
  readonly fix: readonly string[];
}

export interface SourceInfo {
  /** `sandbox`, `mosquitto`, `rabbitmq`, another word of a newer server, or `unknown`: a platform that does not say. */
  readonly kind: string;
  /** A paused client's keep-alive can be held (platform-contract.md §8). */
  readonly holdKeepAlive: boolean;
  /** The broker's URL, without credentials. */
  readonly broker?: string;
  readonly observingSince?: number;
  /** The broker's own count of connected clients, when it has one. */
  readonly connectedCount?: number;
  readonly nodes: readonly string[];
  /** The broker lists its connected clients; false: those connected before observing began are unknown. */
  readonly listsConnected?: boolean;
  readonly history?: 'platform' | 'observed';
  /** Whether the server hears the broker now; `unknown` when it did not say. */
  readonly status: 'connected' | 'reconnecting' | 'refused' | 'unknown';
  readonly error?: string;
  readonly diagnostics: readonly SourceDiagnostic[];
}

const MAX_TEXT = 2000;
const MAX_NODES = 64;
const MAX_DIAGNOSTICS = 20;
const MAX_FIX_LINES = 10;

const UNKNOWN: SourceInfo = { kind: 'unknown', holdKeepAlive: false, nodes: [], status: 'unknown', diagnostics: [] };

export async function getSource(t: Transport, signal?: AbortSignal): Promise<SourceInfo> {
  try {
    const { body } = await t.send({ method: 'GET', path: '/config/source', signal });
    return readSource(body);
  } catch (error) {
    if (isPlatformError(error, 'notFound')) return UNKNOWN;
    throw error;
  }
}

export function readSource(body: unknown): SourceInfo {
  const r = objectOf(body);
  const capabilities = objectOf(r.capabilities);
  const count = r.connectedCount;
  const since = text(r.observingSince);
  const status = r.sourceStatus;
  const history = capabilities.history;
  return {
    kind: text(r.kind) ?? 'unknown',
    holdKeepAlive: capabilities.holdKeepAlive === true,
    broker: text(r.broker),
    observingSince: since !== undefined ? parseInstant(since) : undefined,
    connectedCount: typeof count === 'number' && Number.isInteger(count) && count >= 0 ? count : undefined,
    nodes: texts(r.nodes, MAX_NODES),
    listsConnected: typeof capabilities.listsConnected === 'boolean' ? capabilities.listsConnected : undefined,
    history: history === 'platform' || history === 'observed' ? history : undefined,
    status: status === 'connected' || status === 'reconnecting' || status === 'refused' ? status : 'unknown',
    error: text(r.sourceError),
    diagnostics: (Array.isArray(r.diagnostics) ? r.diagnostics : [])
      .slice(0, MAX_DIAGNOSTICS)
      .map(objectOf)
      .map((d) => ({ code: text(d.code) ?? '', message: text(d.message) ?? '', fix: texts(d.fix, MAX_FIX_LINES) }))
      .filter((d) => d.message !== '' || d.fix.length > 0),
  };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value.slice(0, MAX_TEXT) : undefined;
}

function texts(value: unknown, max: number): string[] {
  return (Array.isArray(value) ? value : [])
    .map(text)
    .filter((s): s is string => s !== undefined)
    .slice(0, max);
}

function objectOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
