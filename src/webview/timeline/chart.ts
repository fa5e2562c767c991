// The time axis: sessions as bars, gaps between them, failed attempts and disconnects as marks by
// cause (shape + colour + word). A bounded number of SVG elements at any zoom (model/layout).
// Keyboard: one tab stop; ←/→ move between items, Enter acts (zoom into a span, select an entry),
// +/− zoom, PageUp/PageDown pan. Mouse: hover for detail, wheel zooms, drag pans.

import type { Dataset } from './model/dataset';
import { describeCluster, describeEvent, describeGap, describeSession, spoken, type Detail } from './model/describe';
import { layoutTimeline, type LaneItem, type MarkItem } from './model/layout';
import { axisTicks, timeToX, xToTime } from './model/scale';
import { panWindow, spanWindow, zoomWindow, type TimeWindow } from './model/window';
import { CATEGORY_LOOK } from './model/words';
import { h, svg } from './dom';
import type { Tooltip } from './tooltip';

export interface ChartHost {
  setWindow(w: TimeWindow): void;
  selectEvent(index: number): void;
}

interface Item {
  readonly el: SVGGElement;
  readonly x: number;
  readonly detail: () => Detail;
  readonly activate: () => void;
}

const HEIGHT = 122;
const LANE = { y: 16, h: 26 };
const MARK_Y = 62;
const LABEL_Y = 82;
const AXIS_Y = 96;

export class Chart {
  readonly root = h('div', { class: 'chart', role: 'group', 'aria-roledescription': 'timeline', tabindex: 0 });
  private readonly svg = svg('svg', { class: 'chart-svg', height: HEIGHT, 'aria-hidden': 'false' });
  private items: Item[] = [];
  private active = -1;
  private view?: { data: Dataset; w: TimeWindow; now: number; offsetMs: number };
  private drag?: { x: number; w: TimeWindow; moved: boolean };
  /** The chart's width as last measured (read from the resize observer, never forcing a layout while drawing). */
  private measured = 0;

  constructor(
    private readonly host: ChartHost,
    private readonly tooltip: Tooltip,
  ) {
    this.root.append(this.svg);
    this.root.addEventListener('keydown', (e) => this.onKey(e));
    this.root.addEventListener('focusin', (e) => this.onFocus(e.target));
    this.root.addEventListener('focusout', () => this.tooltip.hide());
    this.root.addEventListener('pointerover', (e) => this.onHover(e.target));
    this.root.addEventListener('pointerleave', () => this.tooltip.hide());
    this.root.addEventListener('wheel', (e) => this.onWheel(e), { passive: false });
    this.root.addEventListener('pointerdown', (e) => this.onPointerDown(e));
    this.root.addEventListener('pointermove', (e) => this.onPointerMove(e));
    this.root.addEventListener('pointerup', (e) => this.onPointerUp(e));
  }

  get width(): number {
    if (this.measured === 0) this.measured = this.root.clientWidth;
    return Math.max(200, this.measured);
  }

  /** From a ResizeObserver: the new width; true when it changed. */
  resized(width: number): boolean {
    const changed = Math.round(width) !== Math.round(this.measured);
    this.measured = width;
    return changed;
  }

  render(data: Dataset, w: TimeWindow, now: number, offsetMs: number, summary: string): void {
    this.view = { data, w, now, offsetMs };
    const width = this.width;
    const layout = layoutTimeline(data, w, width, now);
    const focusedIndex = this.items.findIndex((i) => i.el === document.activeElement);
    this.svg.setAttribute('width', String(width));
    this.svg.setAttribute('viewBox', `0 0 ${width} ${HEIGHT}`);
    this.root.setAttribute('aria-label', summary);
    const items: Item[] = [];
    const lane = svg('g', { class: 'lane' }, svg('rect', { class: 'lane-bg', x: 0, y: LANE.y, width, height: LANE.h }));
    for (const it of layout.lane) lane.append(this.laneItem(it, items));
    const marks = svg('g', { class: 'marks' });
    for (const it of layout.marks) marks.append(this.markItem(it, items));
    const nowX = timeToX(now, w, width);
    const nowLine =
      nowX >= 0 && nowX <= width ? svg('line', { class: 'now', x1: nowX, x2: nowX, y1: 4, y2: AXIS_Y }) : undefined;
    this.svg.replaceChildren(lane, marks, this.axis(w, width, offsetMs), ...(nowLine ? [nowLine] : []));
    items.sort((a, b) => a.x - b.x);
    this.items = items;
    this.active = Math.min(Math.max(0, focusedIndex), items.length - 1);
    for (const [i, item] of items.entries()) item.el.setAttribute('tabindex', i === this.active ? '0' : '-1');
    // With items, the roving item is the tab stop; without, the chart itself (for +/− and panning).
    this.root.setAttribute('tabindex', items.length > 0 ? '-1' : '0');
    if (focusedIndex >= 0 && items[this.active]) items[this.active].el.focus({ preventScroll: true });
  }

  private laneItem(it: LaneItem, items: Item[]): SVGGElement {
    const { data, now, offsetMs } = this.view as NonNullable<Chart['view']>;
    const width = Math.max(1, it.x1 - it.x0);
    if (it.kind === 'coverage') {
      const g = svg(
        'g',
        { class: `item coverage level-${it.level}`, role: 'button' },
        svg('rect', { x: it.x0, y: LANE.y, width, height: LANE.h }),
      );
      const detail = (): Detail => ({
        title: `connected about ${it.level * 25} % of this stretch; Enter zooms in`,
        rows: [],
      });
      return this.register(g, items, (it.x0 + it.x1) / 2, detail, () => this.zoomTo(it.from, it.to));
    }
    if (it.kind === 'gap') {
      const gap = data.history.gaps[it.index];
      const g = svg(
        'g',
        { class: 'item gap', role: 'button' },
        svg('rect', { x: it.x0, y: LANE.y + 6, width, height: LANE.h - 12 }),
      );
      return this.register(
        g,
        items,
        it.x0,
        () => describeGap(gap, now, offsetMs),
        () => this.zoomTo(gap.start, gap.end ?? now),
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
    return this.register(
      g,
      items,
      it.x0,
      () => describeSession(session, now, offsetMs),
      () => this.zoomTo(from, session.end ?? now),
    );
  }

  private markItem(it: MarkItem, items: Item[]): SVGGElement {
    const { data, offsetMs } = this.view as NonNullable<Chart['view']>;
    if (it.kind === 'cluster') {
      const look = CATEGORY_LOOK[it.dominant];
      const g = svg(
        'g',
        { class: `item cluster cat-${it.dominant}`, role: 'button', transform: `translate(${it.x},${MARK_Y})` },
        svg('circle', { r: 9, class: 'cluster-bg' }),
        svg('path', { d: look.glyph, transform: 'scale(0.8)' }),
        svg('text', { class: 'cluster-count', y: 22, 'text-anchor': 'middle' }, String(it.count)),
      );
      return this.register(
        g,
        items,
        it.x,
        () => describeCluster(it.from, it.to, it.count, it.counts, offsetMs),
        () => this.zoomTo(it.from, it.to),
      );
    }
    const event = data.events[it.mark.index];
    const g = svg(
      'g',
      { class: `item mark cat-${it.mark.category}`, role: 'button', transform: `translate(${it.x},${MARK_Y})` },
      svg('line', { class: 'stem', x1: 0, x2: 0, y1: LANE.y + LANE.h - MARK_Y, y2: -7 }),
      svg('path', { d: CATEGORY_LOOK[it.mark.category].glyph }),
      it.label
        ? svg('text', { class: 'mark-label', y: LABEL_Y - MARK_Y, 'text-anchor': 'middle' }, it.label)
        : undefined,
    );
    return this.register(
      g,
      items,
      it.x,
      () => describeEvent(event, offsetMs),
      () => this.host.selectEvent(it.mark.index),
    );
  }

  private register(g: SVGGElement, items: Item[], x: number, detail: () => Detail, activate: () => void): SVGGElement {
    const d = detail();
    g.setAttribute('aria-label', spoken(d));
    g.dataset.item = String(items.length);
    items.push({ el: g, x, detail: () => d, activate });
    return g;
  }

  private axis(w: TimeWindow, width: number, offsetMs: number): SVGGElement {
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

  private zoomTo(from: number, to: number): void {
    this.host.setWindow(spanWindow(from, to));
  }

  private itemOf(target: EventTarget | null): Item | undefined {
    const g = target instanceof Element ? target.closest('[data-item]') : null;
    const item = g ? this.items.find((i) => i.el === g) : undefined;
    return item;
  }

  private onHover(target: EventTarget | null): void {
    if (this.drag?.moved) return;
    const item = this.itemOf(target);
    if (item) this.tooltip.show(item.detail(), item.el.getBoundingClientRect());
    else this.tooltip.hide();
  }

  private onFocus(target: EventTarget | null): void {
    const item = this.itemOf(target);
    if (!item) return;
    this.active = this.items.indexOf(item);
    for (const i of this.items) i.el.setAttribute('tabindex', i === item ? '0' : '-1');
    this.tooltip.show(item.detail(), item.el.getBoundingClientRect());
  }

  private move(to: number): void {
    if (this.items.length === 0) return;
    const i = Math.max(0, Math.min(this.items.length - 1, to));
    this.items[i].el.focus();
  }

  private onKey(e: KeyboardEvent): void {
    const view = this.view;
    if (!view) return;
    const anchor =
      this.items[this.active] && document.activeElement === this.items[this.active].el
        ? xToTime(this.items[this.active].x, view.w, this.width)
        : undefined;
    const keys: Record<string, () => void> = {
      ArrowRight: () => this.move(this.active + 1),
      ArrowLeft: () => this.move(this.active - 1),
      Home: () => this.move(0),
      End: () => this.move(this.items.length - 1),
      Enter: () => this.items[this.active]?.activate(),
      ' ': () => this.items[this.active]?.activate(),
      '+': () => this.host.setWindow(zoomWindow(view.w, 0.5, anchor)),
      '=': () => this.host.setWindow(zoomWindow(view.w, 0.5, anchor)),
      '-': () => this.host.setWindow(zoomWindow(view.w, 2, anchor)),
      PageUp: () => this.host.setWindow(panWindow(view.w, -0.25)),
      PageDown: () => this.host.setWindow(panWindow(view.w, 0.25)),
      Escape: () => this.tooltip.hide(),
    };
    const action = keys[e.key];
    if (!action || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    action();
  }

  private onWheel(e: WheelEvent): void {
    const view = this.view;
    if (!view) return;
    e.preventDefault();
    const rect = this.root.getBoundingClientRect();
    if (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
      this.host.setWindow(panWindow(view.w, (e.deltaX || e.deltaY) / rect.width));
      return;
    }
    const anchor = xToTime(e.clientX - rect.left, view.w, this.width);
    this.host.setWindow(zoomWindow(view.w, e.deltaY > 0 ? 1.25 : 0.8, anchor));
  }

  private onPointerDown(e: PointerEvent): void {
    if (!this.view || e.button !== 0) return;
    this.drag = { x: e.clientX, w: this.view.w, moved: false };
  }

  private onPointerMove(e: PointerEvent): void {
    const drag = this.drag;
    if (!drag) return;
    const dx = e.clientX - drag.x;
    if (!drag.moved && Math.abs(dx) < 4) return;
    if (!drag.moved) this.root.setPointerCapture(e.pointerId);
    drag.moved = true;
    this.tooltip.hide();
    this.host.setWindow(panWindow(drag.w, -dx / this.width));
  }

  private onPointerUp(e: PointerEvent): void {
    const drag = this.drag;
    this.drag = undefined;
    if (drag?.moved) {
      this.root.releasePointerCapture(e.pointerId);
      return;
    }
    this.itemOf(e.target)?.activate();
  }
}
