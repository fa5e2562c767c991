// The raw entries beside the chart: a virtualised listbox (only the rows in view exist in the
// DOM, so 50,000 entries scroll like 50), filterable by kind, with the active entry's detail and
// a Copy button below. Keyboard: ↑/↓/PageUp/PageDown/Home/End move, Enter shows the entry on the
// chart, C copies it.

import * as l10n from '@vscode/l10n';
import { formatCount } from '../../core/l10n';
import type { ConnectivityEvent, EventKind } from '../../core/events/types';
import { EVENT_KINDS } from '../../core/events/types';
import { describeEvent } from './model/describe';
import { countByKind, listRow, visibleIndices } from './model/rows';
import { rowsInView, scrollToRow } from './model/virtual';
import { kindWords } from './model/words';
import { fill, h } from './dom';
import { glyphIcon } from './glyph';

export interface ListHost {
  kindsChanged(kinds: readonly EventKind[]): void;
  showOnChart(index: number): void;
  copy(index: number): void;
}

const ROW_PX = 24;

export class EntryList {
  readonly root = h('section', { class: 'entries', 'aria-label': l10n.t('Entries') });
  private readonly filter = h('fieldset', { class: 'filter' }, h('legend', {}, l10n.t('Show')));
  private readonly box = h('div', {
    class: 'list',
    role: 'listbox',
    tabindex: 0,
    'aria-label': l10n.t('Entries, newest first'),
  });
  private readonly spacer = h('div', { class: 'spacer' });
  private readonly detail = h('div', { class: 'entry-detail', 'aria-label': l10n.t('Selected entry') });
  private events: readonly ConnectivityEvent[] = [];
  private indices: number[] = [];
  private kinds: Set<EventKind>;
  /** Position in `indices` of the active row. */
  private active = -1;
  private offsetMs = 0;
  private frame = 0;
  /** The listbox's height as last observed (no forced layout while rendering rows). */
  private viewport = 0;

  constructor(
    private readonly host: ListHost,
    kinds: readonly EventKind[],
  ) {
    this.kinds = new Set(kinds);
    this.box.append(this.spacer);
    this.root.append(this.filter, this.box, this.detail);
    this.box.addEventListener('scroll', () => this.schedule());
    this.box.addEventListener('keydown', (e) => this.onKey(e));
    this.box.addEventListener('click', (e) => {
      const row = e.target instanceof Element ? e.target.closest<HTMLElement>('[data-pos]') : null;
      if (row) this.activate(Number(row.dataset.pos));
    });
    new ResizeObserver((entries) => {
      this.viewport = entries[entries.length - 1]?.contentRect.height ?? 0;
      this.schedule();
    }).observe(this.box);
  }

  setEvents(events: readonly ConnectivityEvent[], offsetMs: number): void {
    const activeIndex = this.indices[this.active];
    this.events = events;
    this.offsetMs = offsetMs;
    this.refilter(activeIndex);
  }

  /** Makes event `index` the active row (showing all kinds if its kind is hidden). */
  reveal(index: number): void {
    const kind = this.events[index]?.kind;
    if (kind === undefined) return;
    if (!this.kinds.has(kind)) {
      this.kinds.add(kind);
      this.host.kindsChanged([...this.kinds]);
      this.refilter(index);
    }
    this.activate(this.indices.indexOf(index));
    this.box.focus();
  }

  private refilter(keepIndex: number | undefined): void {
    this.indices = visibleIndices(this.events, this.kinds);
    this.active = keepIndex === undefined ? (this.indices.length > 0 ? 0 : -1) : this.indices.indexOf(keepIndex);
    if (this.active < 0 && this.indices.length > 0) this.active = 0;
    this.renderFilter();
    this.spacer.style.height = `${this.indices.length * ROW_PX}px`;
    this.box.setAttribute(
      'aria-label',
      l10n.t('Entries, newest first: {0} of {1}', formatCount(this.indices.length), formatCount(this.events.length)),
    );
    this.renderRows();
    this.renderDetail();
  }

  private renderFilter(): void {
    const counts = countByKind(this.events);
    const boxes = EVENT_KINDS.map((kind) => {
      const input = h('input', { type: 'checkbox', checked: this.kinds.has(kind), 'data-kind': kind });
      input.addEventListener('change', () => {
        if (input.checked) this.kinds.add(kind);
        else this.kinds.delete(kind);
        this.host.kindsChanged([...this.kinds]);
        this.refilter(this.indices[this.active]);
      });
      return h('label', { class: `kind kind-${kind}` }, input, ` ${kindWords(kind)} (${formatCount(counts[kind])})`);
    });
    fill(this.filter, h('legend', {}, l10n.t('Show')), ...boxes);
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.renderRows();
    });
  }

  private renderRows(): void {
    const { first, end } = rowsInView(this.box.scrollTop, this.viewport || 480, ROW_PX, this.indices.length);
    const rows: HTMLElement[] = [];
    for (let pos = first; pos < end; pos++) rows.push(this.row(pos));
    fill(this.spacer, ...rows);
    if (this.active >= 0) this.box.setAttribute('aria-activedescendant', `entry-${this.indices[this.active]}`);
    else this.box.removeAttribute('aria-activedescendant');
  }

  private row(pos: number): HTMLElement {
    const index = this.indices[pos];
    const r = listRow(this.events[index], index, this.offsetMs);
    const el = h(
      'div',
      {
        class: `row kind-${r.kind}${pos === this.active ? ' active' : ''}`,
        role: 'option',
        id: `entry-${index}`,
        'aria-selected': pos === this.active ? 'true' : 'false',
        'aria-setsize': this.indices.length,
        'aria-posinset': pos + 1,
        'data-pos': pos,
      },
      h('span', { class: 'time' }, r.time),
      h(
        'span',
        { class: 'kind' },
        r.category ? glyphIcon(r.category) : h('span', { class: 'glyph-space' }),
        ` ${kindWords(r.kind)}`,
      ),
      h('span', { class: 'text' }, r.text),
      h('span', { class: 'source' }, r.source),
    );
    el.style.transform = `translateY(${pos * ROW_PX}px)`;
    return el;
  }

  private activate(pos: number): void {
    if (pos < 0 || pos >= this.indices.length) return;
    this.active = pos;
    const top = scrollToRow(pos, this.box.scrollTop, this.viewport || this.box.clientHeight, ROW_PX);
    if (top !== undefined) this.box.scrollTop = top;
    this.renderRows();
    this.renderDetail();
  }

  private renderDetail(): void {
    const index = this.indices[this.active];
    const event = index === undefined ? undefined : this.events[index];
    if (!event) {
      fill(
        this.detail,
        h(
          'p',
          { class: 'muted' },
          this.events.length === 0 ? l10n.t('No entries yet.') : l10n.t('No entry of the chosen kinds.'),
        ),
      );
      return;
    }
    const d = describeEvent(event, this.offsetMs);
    const copy = h('button', { type: 'button', class: 'copy' }, l10n.t('Copy entry'));
    copy.addEventListener('click', () => this.host.copy(index));
    const show = h(
      'button',
      { type: 'button', class: 'show', disabled: event.time === undefined },
      l10n.t('Show on timeline'),
    );
    show.addEventListener('click', () => this.host.showOnChart(index));
    fill(
      this.detail,
      h('h3', {}, d.title),
      h('dl', {}, ...d.rows.flatMap((r) => [h('dt', {}, r.label), h('dd', {}, r.value)])),
      h('div', { class: 'buttons' }, copy, show),
    );
  }

  private onKey(e: KeyboardEvent): void {
    if (e.altKey || e.metaKey) return;
    const page = Math.max(1, Math.floor((this.viewport || this.box.clientHeight) / ROW_PX) - 1);
    const index = this.indices[this.active];
    const keys: Record<string, () => void> = {
      ArrowDown: () => this.activate(this.active + 1),
      ArrowUp: () => this.activate(this.active - 1),
      PageDown: () => this.activate(Math.min(this.indices.length - 1, this.active + page)),
      PageUp: () => this.activate(Math.max(0, this.active - page)),
      Home: () => this.activate(0),
      End: () => this.activate(this.indices.length - 1),
      Enter: () => index !== undefined && this.host.showOnChart(index),
      c: () => index !== undefined && this.host.copy(index),
    };
    const action = keys[e.key];
    if (!action || (e.ctrlKey && e.key !== 'c')) return;
    e.preventDefault();
    action();
  }
}
