// A snapshot's events prepared once for drawing: the history (sessions, gaps, failed attempts)
// from core, the marks to draw (failed attempts and disconnects by cause) in time order, and the
// extent of the dated events. Zooming and panning reuse it; only a new snapshot rebuilds it.

import type { DisconnectCause, ConnectivityEvent } from '../../../core/events/types';
import { buildSessions, type History } from '../../../core/sessions';
import { extentOf, type Extent } from './window';

/** What a mark on the axis stands for: a failed attempt, or a disconnect by its cause. */
export type MarkCategory = 'failed' | DisconnectCause;
export const MARK_CATEGORIES: readonly MarkCategory[] = [
  'network',
  'server',
  'client',
  'takeover',
  'unknown',
  'failed',
];

export interface Mark {
  readonly time: number;
  readonly category: MarkCategory;
  /** Index of the event in the snapshot's list. */
  readonly index: number;
}

export interface Dataset {
  readonly events: readonly ConnectivityEvent[];
  readonly history: History;
  /** Ascending. */
  readonly marks: readonly Mark[];
  readonly extent: Extent | undefined;
  /** Events without a usable time: listed, not drawn. */
  readonly undated: number;
}

export function prepareDataset(events: readonly ConnectivityEvent[]): Dataset {
  const marks: Mark[] = [];
  const dated: ConnectivityEvent[] = [];
  events.forEach((e, index) => {
    if (e.time === undefined || !Number.isFinite(e.time)) return;
    dated.push(e);
    if (e.kind === 'failedConnect') marks.push({ time: e.time, category: 'failed', index });
    else if (e.kind === 'disconnected') marks.push({ time: e.time, category: e.cause, index });
  });
  // The host sends events in time order; a stray one must still not break the binary searches.
  const byTime = (a: { time?: number }, b: { time?: number }) => (a.time as number) - (b.time as number);
  if (!isSorted(dated)) dated.sort(byTime);
  if (!isSorted(marks)) marks.sort(byTime);
  return {
    events,
    history: buildSessions(dated),
    marks,
    extent: extentOf(dated.map((e) => e.time as number)),
    undated: events.length - dated.length,
  };
}

function isSorted(values: readonly { readonly time?: number }[]): boolean {
  for (let i = 1; i < values.length; i++) if ((values[i].time as number) < (values[i - 1].time as number)) return false;
  return true;
}

/** First index whose time is ≥ t (lower bound). */
export function lowerBound(marks: readonly { readonly time: number }[], t: number): number {
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (marks[mid].time < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
