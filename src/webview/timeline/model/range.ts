// The span the chart and the header's figures cover, chosen by a preset or by zooming, and its
// words: both ends in the display zone, as precise as the span needs (milliseconds under a
// minute, so a history of a few seconds does not read "08:17 – 08:17"), and how long it is.

import * as l10n from '@vscode/l10n';
import { wordsLocale } from '../../../core/l10n';
import { formatDuration } from '../../../core/timeWords';
import type { RangePreset } from '../../../shared/protocol';
import { formatLocal } from './scale';
import { presetWindow, type Extent, type TimeWindow } from './window';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

export interface ShownRange {
  /** What the chart draws and the figures count. */
  readonly window: TimeWindow;
  /** What the words name: for "all", the history itself (first entry to now), without the margin. */
  readonly covered: TimeWindow;
  /** Why this span: the whole history, or a zoomed (or panned) one; nothing for 1 h, 24 h, 7 d. */
  readonly note?: 'whole history' | 'zoomed';
}

/** A zoomed or panned `window` wins over the preset. */
export function shownRange(
  preset: RangePreset,
  window: TimeWindow | undefined,
  extent: Extent | undefined,
  now: number,
): ShownRange {
  if (window) return { window, covered: window, note: 'zoomed' };
  const w = presetWindow(preset, extent, now);
  if (preset !== 'all') return { window: w, covered: w };
  const covered = extent ? { from: extent.min, to: Math.max(now, extent.max) } : w;
  return { window: w, covered, note: 'whole history' };
}

/** `2026-11-26 08:17:15.867 – 08:17:17.806 (1.9 sec, whole history)`; the second date only when the day differs. */
export function rangeWords(r: ShownRange, offsetMs: number): string {
  const { from, to } = r.covered;
  const span = to - from;
  // formatLocal gives `YYYY-MM-DD HH:MM:SS.mmm`: keep what the span needs.
  const length = span < MINUTE ? 23 : span < HOUR ? 19 : 16;
  const start = formatLocal(from, offsetMs).slice(0, length);
  const end = formatLocal(to, offsetMs);
  const endWords = end.slice(0, 10) === start.slice(0, 10) ? end.slice(11, length) : end.slice(0, length);
  const note = r.note === 'whole history' ? l10n.t('whole history') : r.note === 'zoomed' ? l10n.t('zoomed') : '';
  return `${start} – ${endWords} (${spanWords(span)}${note ? `, ${note}` : ''})`;
}

/** A span's length: `276 ms`, `1.9 sec` (tenths, rounded down) under a minute, else as core words it. */
export function spanWords(ms: number): string {
  if (!Number.isFinite(ms)) return formatDuration(ms);
  if (ms >= MINUTE) return formatDuration(ms);
  const unit = (u: 'second' | 'millisecond', digits: number) =>
    new Intl.NumberFormat(wordsLocale(), {
      style: 'unit',
      unit: u,
      unitDisplay: 'short',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
  if (ms >= SECOND) return unit('second', 1).format(Math.floor(ms / 100) / 10);
  return unit('millisecond', 0).format(Math.max(0, Math.round(ms)));
}
