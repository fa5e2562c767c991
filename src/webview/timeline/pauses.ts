// The pauses of the window's debug sessions on the time axis: a band just above the
// axis for each, so a drop for silence can be seen to fall inside one. Each is an item of the
// chart like the others (hover or focus tells which session and for how long; Enter zooms in).

import type { DebugPause } from '../../shared/protocol';
import type { ChartItem } from './chartItems';
import { AXIS_Y } from './chartItems';
import { describePause } from './model/describe';
import { timeToX } from './model/scale';
import type { TimeWindow } from './model/window';
import { svg } from './dom';

const BAND_H = 6;

/** The bands of the pauses that fall in the window, at least 3 px wide. */
export function pauseItems(
  pauses: readonly DebugPause[],
  w: TimeWindow,
  width: number,
  now: number,
  offsetMs: number,
  zoomTo: (from: number, to: number) => void,
): ChartItem[] {
  const items: ChartItem[] = [];
  for (const p of pauses) {
    const to = p.to ?? now;
    if (to < w.from || p.from > w.to) continue;
    const x0 = Math.max(0, timeToX(p.from, w, width));
    const x1 = Math.min(width, Math.max(x0 + 3, timeToX(to, w, width)));
    const el = svg(
      'g',
      { class: `item pause${p.to === undefined ? ' ongoing' : ''}`, role: 'button' },
      svg('rect', { x: x0, y: AXIS_Y - BAND_H - 1, width: x1 - x0, height: BAND_H }),
    );
    items.push({
      el,
      x: x0,
      detail: () => describePause(p, now, offsetMs),
      activate: () => zoomTo(p.from, Math.max(to, p.from + 1000)),
    });
  }
  return items;
}
