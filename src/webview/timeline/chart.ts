// The time axis: sessions as bars, gaps between them, failed attempts and disconnects as marks by
// cause (shape + colour + word), debug sessions' pauses as bands above the axis. A bounded number
// of SVG elements at any zoom (model/layout).
// Keyboard: one tab stop; ←/→ move between items, Enter acts (zoom into a span, select an entry),
// +/− zoom, PageUp/PageDown pan. Mouse: hover for detail, wheel zooms, drag pans.

import { axisGroup, AXIS_Y, HEIGHT, LANE, laneItem, markItem, type ChartItem, type ItemContext } from './chartItems';
import type { Dataset } from './model/dataset';
import { spoken } from './model/describe';
import { layoutTimeline } from './model/layout';
import { timeToX, xToTime } from './model/scale';
import { panWindow, spanWindow, zoomWindow, type TimeWindow } from './model/window';
import { h, svg } from './dom';
import type { Tooltip } from './tooltip';
import type { DebugPause } from '../../shared/protocol';
import { pauseItems } from './pauses';

export interface ChartHost {
  setWindow(w: TimeWindow): void;
  selectEvent(index: number): void;
}

export class Chart {
  readonly root = h('div', { class: 'chart', role: 'group', 'aria-roledescription': 'timeline', tabindex: 0 });
  private readonly svg = svg('svg', { class: 'chart-svg', height: HEIGHT, 'aria-hidden': 'false' });
  private items: ChartItem[] = [];
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

  render(
    data: Dataset,
    w: TimeWindow,
    now: number,
    offsetMs: number,
    summary: string,
    pauses: readonly DebugPause[] = [],
  ): void {
    this.view = { data, w, now, offsetMs };
    const width = this.width;
    const layout = layoutTimeline(data, w, width, now);
    const focusedIndex = this.items.findIndex((i) => i.el === document.activeElement);
    this.svg.setAttribute('width', String(width));
    this.svg.setAttribute('viewBox', `0 0 ${width} ${HEIGHT}`);
    this.root.setAttribute('aria-label', summary);
    const items: ChartItem[] = [];
    const context: ItemContext = {
      data,
      now,
      offsetMs,
      zoomTo: (from, to) => this.zoomTo(from, to),
      selectEvent: (index) => this.host.selectEvent(index),
    };
    const lane = svg('g', { class: 'lane' }, svg('rect', { class: 'lane-bg', x: 0, y: LANE.y, width, height: LANE.h }));
    for (const it of layout.lane) lane.append(this.register(laneItem(it, context), items));
    const marks = svg('g', { class: 'marks' });
    for (const it of layout.marks) marks.append(this.register(markItem(it, context), items));
    const bands = svg('g', { class: 'pauses' });
    const pauseBands = pauseItems(pauses, w, width, now, offsetMs, context.zoomTo);
    for (const it of pauseBands) bands.append(this.register(it, items));
    const nowX = timeToX(now, w, width);
    const nowLine =
      nowX >= 0 && nowX <= width ? svg('line', { class: 'now', x1: nowX, x2: nowX, y1: 4, y2: AXIS_Y }) : undefined;
    this.svg.replaceChildren(lane, marks, bands, axisGroup(w, width, offsetMs), ...(nowLine ? [nowLine] : []));
    items.sort((a, b) => a.x - b.x);
    this.items = items;
    this.active = Math.min(Math.max(0, focusedIndex), items.length - 1);
    for (const [i, item] of items.entries()) item.el.setAttribute('tabindex', i === this.active ? '0' : '-1');
    // With items, the roving item is the tab stop; without, the chart itself (for +/− and panning).
    this.root.setAttribute('tabindex', items.length > 0 ? '-1' : '0');
    if (focusedIndex >= 0 && items[this.active]) items[this.active].el.focus({ preventScroll: true });
  }

  /** Takes `item` among the chart's items (its words computed once) and returns its element. */
  private register(item: ChartItem, items: ChartItem[]): SVGGElement {
    const d = item.detail();
    item.el.setAttribute('aria-label', spoken(d));
    item.el.dataset.item = String(items.length);
    items.push({ ...item, detail: () => d });
    return item.el;
  }

  private zoomTo(from: number, to: number): void {
    this.host.setWindow(spanWindow(from, to));
  }

  private itemOf(target: EventTarget | null): ChartItem | undefined {
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
