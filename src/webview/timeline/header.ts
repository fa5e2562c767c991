// The top of the panel: who, the current status, the figures of the visible range, counts by
// cause (glyph + word), the flapping warning, the panel's notices and the log's loading progress.

import type { Notice } from '../../shared/notices';
import type { LoadProgress, TimelineSubject } from '../../shared/protocol';
import { noticeText } from './notices';
import { plainLine } from '../../core/text';
import type { Figures } from './model/figures';
import { MARK_CATEGORIES, type MarkCategory } from './model/dataset';
import { CATEGORY_LOOK } from './model/words';
import { fill, h } from './dom';
import { glyphIcon } from './glyph';

const STATUS_WORDS = { connected: 'connected', disconnected: 'disconnected', unknown: 'status unknown' } as const;

export interface HeaderHost {
  stop(): void;
  resume(): void;
}

export class Header {
  readonly root = h('header', { class: 'header' });
  private readonly title = h('h1', {});
  private readonly idLine = h('div', { class: 'client-id' });
  private readonly status = h('div', { class: 'status', role: 'status' });
  private readonly figures = h('dl', { class: 'figures' });
  private readonly legend = h('ul', {
    class: 'legend',
    'aria-label': 'Disconnects and failed attempts in the range, by cause',
  });
  private readonly flapping = h('div', { class: 'flapping', role: 'alert', hidden: true });
  private readonly notices = h('ul', { class: 'notices', 'aria-label': 'Notices' });
  private readonly progress = h('div', { class: 'progress', role: 'status', hidden: true });

  constructor(private readonly host: HeaderHost) {
    this.root.append(
      h('div', { class: 'who' }, this.title, this.idLine),
      this.status,
      this.figures,
      this.legend,
      this.flapping,
      this.notices,
      this.progress,
    );
  }

  setSubject(subject: TimelineSubject, live: boolean): void {
    fill(this.title, 'Connection timeline: ', h('span', { class: 'name' }, plainLine(subject.name, 80)));
    fill(
      this.idLine,
      plainLine(subject.clientId, 200),
      live
        ? h('span', { class: 'live', title: 'Live monitor messages are added as they arrive' }, ' ● live')
        : undefined,
    );
  }

  setFigures(f: Figures, windowWords: string): void {
    fill(
      this.status,
      h('span', { class: `status-dot status-${f.status}`, 'aria-hidden': 'true' }),
      ` ${STATUS_WORDS[f.status]}`,
    );
    fill(
      this.figures,
      h('dt', {}, 'Range'),
      h('dd', { 'data-figure': 'range' }, windowWords),
      ...f.figures.flatMap((x) => [h('dt', {}, x.label), h('dd', { 'data-figure': x.id }, x.value)]),
    );
    const counts: Partial<Record<MarkCategory, number>> = { failed: f.summary.failedAttempts };
    for (const c of f.causes) counts[c.cause] = c.count;
    fill(
      this.legend,
      ...MARK_CATEGORIES.map((c) =>
        h(
          'li',
          { class: `cause cat-${c}`, 'data-cause': c },
          glyphIcon(c),
          ` ${CATEGORY_LOOK[c].long}: `,
          h('strong', {}, String(counts[c] ?? 0)),
        ),
      ),
    );
    this.flapping.hidden = f.flapping === undefined;
    fill(this.flapping, f.flapping ? `⚠ ${f.flapping}` : undefined);
  }

  setNotices(notices: readonly Notice[]): void {
    fill(
      this.notices,
      ...notices.map((n) =>
        h(
          'li',
          { class: `notice notice-${n.level}`, 'data-notice': n.id },
          h(
            'span',
            { class: 'notice-level' },
            `${n.level === 'error' ? '✖' : n.level === 'warning' ? '⚠' : 'ℹ'} ${n.level}: `,
          ),
          plainLine(noticeText(n), 600),
        ),
      ),
    );
  }

  setProgress(p: LoadProgress | undefined): void {
    this.progress.hidden = p === undefined || (p.state === 'done' && !p.canResume);
    if (!p) return;
    const words = {
      loading:
        `Reading the connection log, newest first: ${p.entries} entries, page ${p.pages} of at most ` +
        `${p.maxPages}…`,
      stopped: `Stopped after ${p.entries} entries (${p.pages} of at most ${p.maxPages} pages).`,
      failed: `Reading the log stopped after ${p.entries} entries (${p.pages} pages); see the notice above.`,
      done: `Read all ${p.entries} entries the log API reaches.`,
    }[p.state];
    const bar = h('progress', { max: p.maxPages, value: p.pages, 'aria-label': 'Pages of the connection log read' });
    const button =
      p.state === 'loading'
        ? h('button', { type: 'button', class: 'stop' }, 'Stop')
        : p.canResume
          ? h('button', { type: 'button', class: 'resume' }, 'Continue')
          : undefined;
    button?.addEventListener('click', () => (p.state === 'loading' ? this.host.stop() : this.host.resume()));
    fill(this.progress, h('span', { class: 'progress-text' }, words), p.state === 'loading' ? bar : undefined, button);
  }
}
