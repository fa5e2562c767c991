// The panel's page: receives snapshots from the host, keeps the view's own state (range, window,
// kinds shown) with setState so it survives a reload, and redraws the parts that changed.

import * as l10n from '@vscode/l10n';
import { formatCount } from '../../core/l10n';
import type { EventKind } from '../../core/events/types';
import type { Notice } from '../../shared/notices';
import { columnEvents } from './model/columnEvents';
import {
  assertNever,
  PROTOCOL_VERSION,
  readViewState,
  type ColumnSnapshot,
  type ExportFormat,
  type FromView,
  type RangePreset,
  type TimelineSnapshot,
  type TimelineViewState,
  type ToView,
} from '../../shared/protocol';
import { Chart } from './chart';
import { h } from './dom';
import { Header } from './header';
import { EntryList } from './list';
import { prepareDataset, type Dataset } from './model/dataset';
import { figuresFor } from './model/figures';
import { shownRange, rangeWords, type ShownRange } from './model/range';
import { zoneName } from './model/scale';
import { panWindow, zoomWindow, type TimeWindow } from './model/window';
import { Toolbar } from './toolbar';
import { Tooltip } from './tooltip';

export interface Bridge {
  post(message: FromView): void;
  getState(): unknown;
  setState(state: TimelineViewState): void;
}

const UNREADABLE: Notice = { id: 'unreadable-events', level: 'error', kind: 'eventsUnreadable' };

/** Relative ranges slide with the clock: redraw their figures this often. */
const TICK_MS = 30_000;

export class App {
  private snapshot?: TimelineSnapshot;
  /** Which events (ColumnSnapshot.eventsRevision) `snapshot` holds, when they came in columns. */
  private revision?: number;
  private data?: Dataset;
  private range: RangePreset;
  private window?: TimeWindow;
  private kinds: EventKind[];
  private nextRequest = 1;
  private readonly offsetMs = -new Date().getTimezoneOffset() * 60_000;
  private readonly tooltip = new Tooltip();
  private readonly header: Header;
  private readonly toolbar: Toolbar;
  private readonly chart: Chart;
  private readonly list: EntryList;
  private readonly waiting = h('p', { class: 'waiting', role: 'status' }, l10n.t('Loading the connection history…'));

  constructor(
    root: HTMLElement,
    private readonly bridge: Bridge,
    private readonly clock: () => number = Date.now,
  ) {
    const saved = readViewState(bridge.getState());
    // The whole history first: a device's log may span minutes or weeks.
    this.range = saved?.range ?? 'all';
    this.window = saved?.window;
    this.kinds = [...(saved?.kinds ?? ['connected', 'failedConnect', 'disconnected', 'other'])];
    this.header = new Header({
      stop: () => bridge.post({ type: 'stopLoading' }),
      resume: () => bridge.post({ type: 'resumeLoading' }),
    });
    this.toolbar = new Toolbar({
      preset: (range) => this.setRange(range),
      zoom: (factor) => this.setWindow(zoomWindow(this.currentWindow(), factor)),
      pan: (share) => this.setWindow(panWindow(this.currentWindow(), share)),
      exportAs: (format) => this.exportAs(format),
      reload: () => bridge.post({ type: 'reload' }),
    });
    this.chart = new Chart(
      { setWindow: (w) => this.setWindow(w), selectEvent: (i) => this.list.reveal(i) },
      this.tooltip,
    );
    this.list = new EntryList(
      {
        kindsChanged: (kinds) => {
          this.kinds = [...kinds];
          this.save();
        },
        showOnChart: (i) => this.showOnChart(i),
        copy: (i) => this.copy(i),
      },
      this.kinds,
    );
    const zone = h(
      'p',
      { class: 'zone muted' },
      l10n.t("Times in {0} (your computer's zone); details also in UTC.", zoneName(this.offsetMs)),
    );
    root.append(
      this.header.root,
      this.toolbar.root,
      this.waiting,
      this.chart.root,
      zone,
      this.list.root,
      this.tooltip.el,
    );
    new ResizeObserver((entries) => {
      const width = entries[entries.length - 1]?.contentRect.width ?? 0;
      if (this.chart.resized(width)) this.renderChart();
    }).observe(this.chart.root);
    setInterval(() => this.window === undefined && this.renderChart(), TICK_MS);
  }

  receive(message: ToView): void {
    switch (message.type) {
      case 'columns':
        this.onColumns(message.snapshot);
        break;
      case 'reply':
        this.toolbar.status.textContent = message.message;
        this.toolbar.status.className = `toolbar-status ${message.ok ? 'ok' : 'failed'}`;
        break;
      default:
        assertNever(message);
    }
  }

  private onColumns({ events: columns, eventsRevision, ...rest }: ColumnSnapshot): void {
    const old = this.snapshot?.events;
    if (old && eventsRevision === this.revision) return this.onSnapshot({ ...rest, events: old });
    const events = columnEvents(columns);
    this.revision = events ? eventsRevision : undefined;
    this.onSnapshot({ ...rest, events: events ?? [], notices: events ? rest.notices : [...rest.notices, UNREADABLE] });
  }

  private onSnapshot(snapshot: TimelineSnapshot): void {
    const eventsChanged = snapshot.events !== this.snapshot?.events;
    this.snapshot = snapshot;
    if (eventsChanged || !this.data) this.data = prepareDataset(snapshot.events);
    this.waiting.hidden = true;
    this.header.setSubject(snapshot.subject, snapshot.live);
    this.header.setNotices(snapshot.notices);
    this.header.setProgress(snapshot.progress);
    if (eventsChanged) this.list.setEvents(snapshot.events, this.offsetMs);
    this.renderChart();
    this.save();
  }

  private now(): number {
    return Math.max(this.clock(), this.snapshot?.now ?? 0);
  }

  private shown(): ShownRange {
    return shownRange(this.range, this.window, this.data?.extent, this.now());
  }

  private currentWindow(): TimeWindow {
    return this.shown().window;
  }

  private setRange(range: RangePreset): void {
    this.range = range;
    this.window = undefined;
    this.renderChart();
    this.save();
  }

  private setWindow(w: TimeWindow): void {
    this.window = w;
    this.renderChart();
    this.save();
  }

  private renderChart(): void {
    const snapshot = this.snapshot;
    const data = this.data;
    this.toolbar.setPreset(this.window === undefined ? this.range : undefined);
    if (!snapshot || !data) return;
    const shown = this.shown();
    const w = shown.window;
    const now = this.now();
    const figures = figuresFor(data, w, snapshot.status, now, this.offsetMs);
    const words = rangeWords(shown, this.offsetMs);
    this.header.setFigures(figures, words);
    const s = figures.summary;
    const disconnects = figures.causes.reduce((n, c) => n + c.count, 0);
    const summary = l10n.t(
      'Timeline {0}: sessions: {1}, failed attempts: {2}, disconnects: {3}. Arrow keys move between items; Enter ' +
        'opens one; plus and minus zoom; Page Up and Page Down move in time.',
      words,
      formatCount(s.sessions),
      formatCount(s.failedAttempts),
      formatCount(disconnects),
    );
    this.chart.render(data, w, now, this.offsetMs, summary, snapshot.pauses);
  }

  private showOnChart(index: number): void {
    const t = this.snapshot?.events[index]?.time;
    if (t === undefined) return;
    const w = this.currentWindow();
    const span = w.to - w.from;
    if (t >= w.from && t <= w.to) return;
    this.setWindow({ from: t - span / 2, to: t + span / 2 });
  }

  private exportAs(format: ExportFormat): void {
    this.toolbar.status.textContent = l10n.t('Exporting {0}…', format.toUpperCase());
    this.bridge.post({ type: 'export', requestId: this.nextRequest++, format });
  }

  private copy(index: number): void {
    const key = this.snapshot?.events[index]?.key;
    if (key !== undefined) this.bridge.post({ type: 'copyEntry', requestId: this.nextRequest++, key });
  }

  private save(): void {
    const clientId = this.snapshot?.subject.clientId ?? readViewState(this.bridge.getState())?.clientId;
    if (clientId === undefined) return;
    this.bridge.setState({
      version: PROTOCOL_VERSION,
      clientId,
      range: this.range,
      ...(this.window ? { window: this.window } : {}),
      kinds: this.kinds,
    });
  }
}
