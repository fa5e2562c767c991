// The messages between the timeline panel's host (src/views/timeline) and its webview
// (src/webview/timeline): one discriminated union each way. Both sides switch on `type` and end in
// assertNever, so a kind added here and handled nowhere is a compile error. The webview speaks
// first (`ready`); the host posts nothing before it. Requests that want an answer carry a
// `requestId` the `reply` repeats. Everything here is plain data (it crosses postMessage).

import type { ConnectionStatus } from '../core/clientState';
import type { ConnectivityEvent, EventKind } from '../core/events/types';
import { encodeEvents, type EventColumns } from './eventColumns';
import type { Notice } from './notices';

/** Bumped when a message changes shape; a webview of another version asks to be reloaded. */
export const PROTOCOL_VERSION = 5;

/** The panel's view type: the serializer restores panels of this type after a reload. */
export const TIMELINE_VIEW_TYPE = 'iotConnectivity.timeline';

/** `other`: an id not of the platform's form, from an observed broker (platform-contract.md §7.2). */
export type ClientKindName = 'device' | 'gateway' | 'application' | 'scalableApplication' | 'other' | 'unknown';

/** Who the panel is about. `clientId` is untrusted text: render it as text only. */
export interface TimelineSubject {
  readonly clientId: string;
  /** The short name a person knows the client by (device id, app id). */
  readonly name: string;
  readonly kind: ClientKindName;
  /** Devices, gateways and ids of other forms have a connection log; applications do not (contract §3, §7.2). */
  readonly hasLog: boolean;
}

export type LoadState = 'loading' | 'stopped' | 'failed' | 'done';

/** How far reading the connection log got. */
export interface LoadProgress {
  readonly state: LoadState;
  /** Distinct log entries read so far. */
  readonly entries: number;
  readonly pages: number;
  /** Pages the API can reach at most (offset ≤ 1000). */
  readonly maxPages: number;
  /** A stopped or failed load can go on from where it stopped. */
  readonly canResume: boolean;
}

/** A pause of one of the window's debug sessions, marked on the time axis. */
export interface DebugPause {
  readonly from: number;
  /** Undefined while it lasts. */
  readonly to?: number;
  /** The session's launch name: untrusted, render as text only. */
  readonly session: string;
  readonly atBreakpoint: boolean;
}

/** Everything the panel shows, sent whole (the host merges; the webview draws). */
export interface TimelineSnapshot {
  readonly subject: TimelineSubject;
  /** Merged, in time order; undated events last. */
  readonly events: readonly ConnectivityEvent[];
  /** From the state record, which outranks what the history suggests. */
  readonly status: ConnectionStatus | 'unknown';
  /** The host's clock when the snapshot was made (epoch ms). */
  readonly now: number;
  readonly progress?: LoadProgress;
  readonly notices: readonly Notice[];
  /** Live monitor messages for this client are being received. */
  readonly live: boolean;
  /** Pauses of this window's debug sessions (its clients may be dropped while one lasts). */
  readonly pauses?: readonly DebugPause[];
}

/** A snapshot whose events travel in columns (eventColumns.ts): what the host posts, via snapshotMessage. */
export interface ColumnSnapshot extends Omit<TimelineSnapshot, 'events'> {
  readonly events: EventColumns;
  /** The same for snapshots of the same events (a new notice, the live flag): the page prepares them once. */
  readonly eventsRevision: number;
}

export type ExportFormat = 'csv' | 'json';

export type ToView =
  /** The events travel in columns, however many (bench/timeline/render.bench.ts compares them with objects). */
  | { readonly type: 'columns'; readonly snapshot: ColumnSnapshot }
  | { readonly type: 'reply'; readonly requestId: number; readonly ok: boolean; readonly message: string };

export type FromView =
  | { readonly type: 'ready'; readonly version: number }
  | { readonly type: 'stopLoading' }
  | { readonly type: 'resumeLoading' }
  | { readonly type: 'reload' }
  | { readonly type: 'export'; readonly requestId: number; readonly format: ExportFormat }
  | { readonly type: 'copyEntry'; readonly requestId: number; readonly key: string };

/** What the webview keeps across reloads (vscode getState/setState) and the serializer reads. */
export interface TimelineViewState {
  readonly version: number;
  readonly clientId: string;
  readonly range: RangePreset;
  /** A zoomed or panned window [from, to] in epoch ms, when not a preset's. */
  readonly window?: { readonly from: number; readonly to: number };
  readonly kinds: readonly EventKind[];
}

export type RangePreset = '1h' | '24h' | '7d' | 'all';
export const RANGE_PRESETS: readonly RangePreset[] = ['1h', '24h', '7d', 'all'];

const encoded = new WeakMap<
  readonly ConnectivityEvent[],
  { readonly columns: EventColumns; readonly revision: number }
>();
let revisions = 0;

/**
 * The message that carries `snapshot`, its events in columns; a list of events is encoded once however often it is
 * posted.
 */
export function snapshotMessage(snapshot: TimelineSnapshot): ToView {
  let e = encoded.get(snapshot.events);
  if (!e) {
    e = { columns: encodeEvents(snapshot.events), revision: ++revisions };
    encoded.set(snapshot.events, e);
  }
  return { type: 'columns', snapshot: { ...snapshot, events: e.columns, eventsRevision: e.revision } };
}

/** Marks the end of an exhaustive switch: a case left out is a compile error here. */
export function assertNever(value: never, what = 'message'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)?.slice(0, 200)}`);
}

const FROM_VIEW_TYPES: ReadonlySet<string> = new Set<FromView['type']>([
  'ready',
  'stopLoading',
  'resumeLoading',
  'reload',
  'export',
  'copyEntry',
]);

/** A message from the webview, checked: the webview runs untrusted text, so its messages are read defensively. */
export function readFromView(value: unknown): FromView | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const m = value as Record<string, unknown>;
  if (typeof m.type !== 'string' || !FROM_VIEW_TYPES.has(m.type)) return undefined;
  const id = m.requestId;
  const validId = typeof id === 'number' && Number.isSafeInteger(id);
  switch (m.type as FromView['type']) {
    case 'ready':
      return typeof m.version === 'number' ? { type: 'ready', version: m.version } : undefined;
    case 'export':
      return validId && (m.format === 'csv' || m.format === 'json')
        ? { type: 'export', requestId: id as number, format: m.format }
        : undefined;
    case 'copyEntry':
      return validId && typeof m.key === 'string' && m.key.length <= 512
        ? { type: 'copyEntry', requestId: id as number, key: m.key }
        : undefined;
    case 'stopLoading':
    case 'resumeLoading':
    case 'reload':
      return { type: m.type as 'stopLoading' | 'resumeLoading' | 'reload' };
  }
}

/** The persisted view state, checked (it comes back from disk after a reload). */
export function readViewState(value: unknown): TimelineViewState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const s = value as Record<string, unknown>;
  if (typeof s.clientId !== 'string' || s.clientId.length === 0 || s.clientId.length > 1024) return undefined;
  const range = RANGE_PRESETS.includes(s.range as RangePreset) ? (s.range as RangePreset) : 'all';
  const w = s.window as { from?: unknown; to?: unknown } | undefined;
  const window =
    w &&
    typeof w.from === 'number' &&
    typeof w.to === 'number' &&
    Number.isFinite(w.from) &&
    Number.isFinite(w.to) &&
    w.to > w.from
      ? { from: w.from, to: w.to }
      : undefined;
  const known: readonly EventKind[] = ['connected', 'failedConnect', 'disconnected', 'other'];
  const kinds = Array.isArray(s.kinds) ? known.filter((k) => (s.kinds as unknown[]).includes(k)) : known;
  return { version: PROTOCOL_VERSION, clientId: s.clientId, range, ...(window ? { window } : {}), kinds };
}
