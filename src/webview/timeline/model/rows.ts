// The list of raw entries beside the chart: which events show (filtered by kind), in which order
// (newest first, as the log reads; undated ones last), and each row's words.

import * as l10n from '@vscode/l10n';
import type { ConnectivityEvent, EventKind } from '../../../core/events/types';
import type { MarkCategory } from './dataset';
import { eventTitle, sourceWords } from './describe';
import { formatLocal } from './scale';

export interface ListRow {
  readonly index: number;
  readonly time: string;
  readonly kind: EventKind;
  readonly category?: MarkCategory;
  readonly text: string;
  readonly source: string;
}

/** Indices into `events` in display order. `events` is in time order with undated ones last. */
export function visibleIndices(events: readonly ConnectivityEvent[], kinds: ReadonlySet<EventKind>): number[] {
  const out: number[] = [];
  let firstUndated = events.length;
  while (firstUndated > 0 && events[firstUndated - 1].time === undefined) firstUndated--;
  for (let i = firstUndated - 1; i >= 0; i--) if (kinds.has(events[i].kind)) out.push(i);
  for (let i = firstUndated; i < events.length; i++) if (kinds.has(events[i].kind)) out.push(i);
  return out;
}

export function countByKind(events: readonly ConnectivityEvent[]): Record<EventKind, number> {
  const counts: Record<EventKind, number> = { connected: 0, failedConnect: 0, disconnected: 0, other: 0 };
  for (const e of events) counts[e.kind]++;
  return counts;
}

export function categoryOf(e: ConnectivityEvent): MarkCategory | undefined {
  return e.kind === 'failedConnect' ? 'failed' : e.kind === 'disconnected' ? e.cause : undefined;
}

export function listRow(e: ConnectivityEvent, index: number, offsetMs: number): ListRow {
  const time =
    e.time === undefined
      ? l10n.t('no time')
      : e.timeIssue
        ? l10n.t('{0} (received)', formatLocal(e.time, offsetMs))
        : formatLocal(e.time, offsetMs);
  const category = categoryOf(e);
  return { index, time, kind: e.kind, ...(category ? { category } : {}), text: eventTitle(e), source: sourceWords(e) };
}
