// The chart's items (chart.ts draws them): each lane item and mark as SVG, with its words for the
// tooltip and screen readers and what Enter does; and the time axis.

import type { Dataset } from './model/dataset';
import { describeCluster, describeEvent, describeGap, describeSession, type Detail } from './model/describe';
import type { LaneItem, MarkItem } from './model/layout';
import { axisTicks } from './model/scale';
import type { TimeWindow } from './model/window';
import * as l10n from '@vscode/l10n';
import { formatPercent } from '../../core/timeWords';
import { categoryLook, glyphPath } from './model/words';
import { svg } from './dom';

export const HEIGHT = 122;
export const LANE = { y: 16, h: 26 };
const MARK_Y = 62;
const LABEL_Y = 82;
export const AXIS_Y = 96;

export interface ChartItem {
  readonly el: SVGGElement;
  readonly x: number;
  readonly detail: () => Detail;
  readonly activate: () => void;
}

/** What the items are drawn from, and what activating one does. */
export interface ItemContext {
  readonly data: Dataset;
  readonly now: number;
  readonly offsetMs: number;
  zoomTo(from: number, to: number): void;
  selectEvent(index: number): void;
}

const item = (el: SVGGElement, x: number, detail: () => Detail, activate: () => void): ChartItem => ({
  el,
  x,
  detail,
  activate,
});

/** A session, a gap or a stretch of coverage on the lane; Enter zooms into it. */
export function laneItem(it: LaneItem, c: ItemContext): ChartItem {
  const { data, now, offsetMs } = c;
  const width = Math.max(1, it.x1 - it.x0);
  if (it.kind === 'coverage') {
    const g = svg(
      'g',
      { class: `item coverage level-${it.level}`, role: 'button' },
      svg('rect', { x: it.x0, y: LANE.y, width, height: LANE.h }),
    );
    const detail = (): Detail => ({
      title: l10n.t('connected about {0} of this stretch; Enter zooms in', formatPercent(it.level / 4)),
      rows: [],
    });
    return item(g, (it.x0 + it.x1) / 2, detail, () => c.zoomTo(it.from, it.to));
  }
  if (it.kind === 'gap') {
    const gap = data.history.gaps[it.index];
    const g = svg(
      'g',
      { class: 'item gap', role: 'button' },
      svg('rect', { x: it.x0, y: LANE.y + 6, width, height: LANE.h - 12 }),
    );
    return item(
      g,
      it.x0,
      () => describeGap(gap, now, offsetMs),
      () => c.zoomTo(gap.start, gap.end ?? now),
    );
  }
  const session = data.history.sessions[it.index];
  const cls = ['item', 'session', it.openStart ? 'open-start' : '', it.openEnd ? 'open-end' : '']
    .filter(Boolean)
    .join(' ');
  const g = svg(
    'g',
    { class: cls, role: 'button' },
    svg('rect', { x: it.x0, y: LANE.y, width, height: LANE.h, rx: 2 }),
  );
  const from = session.start ?? data.extent?.min ?? now;
  return item(
    g,
    it.x0,
    () => describeSession(session, now, offsetMs),
    () => c.zoomTo(from, session.end ?? now),
  );
}

/** A disconnect or failed attempt by its cause, or a cluster of them; Enter selects it or zooms in. */
export function markItem(it: MarkItem, c: ItemContext): ChartItem {
  const { data, offsetMs } = c;
  if (it.kind === 'cluster') {
    const look = categoryLook(it.dominant);
    const g = svg(
      'g',
      { class: `item cluster cat-${it.dominant}`, role: 'button', transform: `translate(${it.x},${MARK_Y})` },
      svg('circle', { r: 9, class: 'cluster-bg' }),
      svg('path', { d: look.glyph, transform: 'scale(0.8)' }),
      svg('text', { class: 'cluster-count', y: 22, 'text-anchor': 'middle' }, String(it.count)),
    );
    return item(
      g,
      it.x,
      () => describeCluster(it.from, it.to, it.count, it.counts, offsetMs),
      () => c.zoomTo(it.from, it.to),
    );
  }
  const event = data.events[it.mark.index];
  const g = svg(
    'g',
    { class: `item mark cat-${it.mark.category}`, role: 'button', transform: `translate(${it.x},${MARK_Y})` },
    svg('line', { class: 'stem', x1: 0, x2: 0, y1: LANE.y + LANE.h - MARK_Y, y2: -7 }),
    svg('path', { d: glyphPath(it.mark.category) }),
    it.label ? svg('text', { class: 'mark-label', y: LABEL_Y - MARK_Y, 'text-anchor': 'middle' }, it.label) : undefined,
  );
  return item(
    g,
    it.x,
    () => describeEvent(event, offsetMs),
    () => c.selectEvent(it.mark.index),
  );
}

/** The time axis: ticks, and labels that fit. */
export function axisGroup(w: TimeWindow, width: number, offsetMs: number): SVGGElement {
  const g = svg(
    'g',
    { class: 'axis', 'aria-hidden': 'true' },
    svg('line', { x1: 0, x2: width, y1: AXIS_Y, y2: AXIS_Y }),
  );
  for (const t of axisTicks(w, width, offsetMs)) {
    g.append(
      svg('line', {
        class: t.major ? 'tick major' : 'tick',
        x1: t.x,
        x2: t.x,
        y1: t.major ? 4 : AXIS_Y - 4,
        y2: AXIS_Y + 4,
      }),
    );
    // A label that would run off the right edge is left out (its tick stays).
    if (t.x + 3 + t.label.length * 6 < width) g.append(svg('text', { x: t.x + 3, y: AXIS_Y + 16 }, t.label));
  }
  return g;
}
