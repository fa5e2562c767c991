// The visible span of time [from, to]: range presets (1 h, 24 h, 7 d, all), zoom about a point
// and pan by a share of the span. Pure, so the chart and the keyboard use the same rules.

import type { RangePreset } from '../../../shared/protocol';

export interface TimeWindow {
  readonly from: number;
  readonly to: number;
}

export interface Extent {
  readonly min: number;
  readonly max: number;
}

const SECOND = 1000;
const HOUR = 3600 * SECOND;
export const PRESET_SPAN: Readonly<Record<Exclude<RangePreset, 'all'>, number>> = {
  '1h': HOUR,
  '24h': 24 * HOUR,
  '7d': 7 * 24 * HOUR,
};
/**
 * Zooming stops at 20 ms across (log times have milliseconds: a timeout and the failed attempt
 * 4 ms after it must be told apart) and at 20 years across.
 */
export const MIN_SPAN = 20;
export const MAX_SPAN = 20 * 365 * 24 * HOUR;

/** The window of a preset ending now; `all` spans the data (and now), with a little margin. */
export function presetWindow(preset: RangePreset, extent: Extent | undefined, now: number): TimeWindow {
  if (preset !== 'all') return { from: now - PRESET_SPAN[preset], to: now };
  if (!extent) return { from: now - HOUR, to: now };
  const to = Math.max(now, extent.max);
  const from = Math.min(extent.min, to - MIN_SPAN);
  const margin = Math.max((to - from) * 0.02, SECOND);
  return clampSpan({ from: from - margin, to: to + margin });
}

/** `factor` < 1 zooms in; `anchor` (a time) stays where it is on screen. */
export function zoomWindow(w: TimeWindow, factor: number, anchor = (w.from + w.to) / 2): TimeWindow {
  const span = w.to - w.from;
  const next = Math.min(MAX_SPAN, Math.max(MIN_SPAN, span * factor));
  const share = span > 0 ? (anchor - w.from) / span : 0.5;
  const from = anchor - next * share;
  return { from, to: from + next };
}

/**
 * The window that shows [from, to] with a tenth of its span either side, centred on it and never
 * narrower than MIN_SPAN (what a click on a session, a gap or a cluster zooms to).
 */
export function spanWindow(from: number, to: number): TimeWindow {
  const span = Math.min(MAX_SPAN, Math.max(MIN_SPAN, (to - from) * 1.2));
  const middle = (from + to) / 2;
  return { from: middle - span / 2, to: middle + span / 2 };
}

/** Moves the window by `share` of its span (negative: back in time). */
export function panWindow(w: TimeWindow, share: number): TimeWindow {
  const d = (w.to - w.from) * share;
  return { from: w.from + d, to: w.to + d };
}

function clampSpan(w: TimeWindow): TimeWindow {
  const span = w.to - w.from;
  if (span <= MAX_SPAN) return w;
  return { from: w.to - MAX_SPAN, to: w.to };
}

/** Earliest and latest dated event; undefined when none is dated. `times` ascending. */
export function extentOf(times: readonly number[]): Extent | undefined {
  return times.length === 0 ? undefined : { min: times[0], max: times[times.length - 1] };
}
