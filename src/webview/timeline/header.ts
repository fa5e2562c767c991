// The top of the panel: who, the current status, the figures of the visible range, counts by
// cause (glyph + word), the flapping warning, the panel's notices and the log's loading progress.

import * as l10n from '@vscode/l10n';
import { formatCount, plural } from '../../core/l10n';
import { statusWords } from '../../core/clientWords';
import type { Notice } from '../../shared/notices';
import type { LoadProgress, TimelineSubject } from '../../shared/protocol';
import { noticeText } from './notices';
import { plainLine } from '../../core/text';
import type { Figures } from './model/figures';
import { MARK_CATEGORIES, type MarkCategory } from './model/dataset';
import { categoryLook } from './model/words';
import { fill, h } from './dom';
import { glyphIcon } from './glyph';

function statusText(status: 'connected' | 'disconnected' | 'unknown'): string {
  return status === 'unknown' ? l10n.t('status unknown') : statusWords(status);
}

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
    'aria-label': l10n.t('Disconnects and failed attempts in the range, by cause'),
  });
  private readonly flapping = h('div', { class: 'flapping', role: 'alert', hidden: true });
  private readonly notices = h('ul', { class: 'notices', 'aria-label': l10n.t('Notices') });
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
    fill(this.title, `${l10n.t('Connection timeline:')} `, h('span', { class: 'name' }, plainLine(subject.name, 80)));
    fill(
      this.idLine,
      plainLine(subject.clientId, 200),
      live
        ? h(
            'span',
            { class: 'live', title: l10n.t('Live monitor messages are added as they arrive') },
            ` ● ${l10n.t('live')}`,
          )
        : undefined,
    );
  }

  setFigures(f: Figures, windowWords: string): void {
    fill(
      this.status,
      h('span', { class: `status-dot status-${f.status}`, 'aria-hidden': 'true' }),
      ` ${statusText(f.status)}`,
    );
    fill(
      this.figures,
      h('dt', {}, l10n.t('Range')),
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
          ` ${categoryLook(c).long}: `,
          h('strong', {}, formatCount(counts[c] ?? 0)),
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
            `${n.level === 'error' ? '✖' : n.level === 'warning' ? '⚠' : 'ℹ'} ${levelWords(n.level)}: `,
          ),
          plainLine(noticeText(n), 600),
        ),
      ),
    );
  }

  setProgress(p: LoadProgress | undefined): void {
    this.progress.hidden = p === undefined || (p.state === 'done' && !p.canResume);
    if (!p) return;
    const words = progressWords(p);
    const bar = h('progress', {
      max: p.maxPages,
      value: p.pages,
      'aria-label': l10n.t('Pages of the connection log read'),
    });
    const button =
      p.state === 'loading'
        ? h('button', { type: 'button', class: 'stop' }, l10n.t('Stop'))
        : p.canResume
          ? h('button', { type: 'button', class: 'resume' }, l10n.t('Continue'))
          : undefined;
    button?.addEventListener('click', () => (p.state === 'loading' ? this.host.stop() : this.host.resume()));
    fill(this.progress, h('span', { class: 'progress-text' }, words), p.state === 'loading' ? bar : undefined, button);
  }
}

function levelWords(level: Notice['level']): string {
  return level === 'error' ? l10n.t('error') : level === 'warning' ? l10n.t('warning') : l10n.t('info');
}

/** How far reading the log got, in words, with plurals by the language's rules. */
function progressWords(p: LoadProgress): string {
  const [entries, pages, max] = [formatCount(p.entries), formatCount(p.pages), formatCount(p.maxPages)];
  switch (p.state) {
    case 'loading':
      return plural(
        p.entries,
        l10n.t('Reading the connection log, newest first: {0} entry, page {1} of at most {2}…', entries, pages, max),
        l10n.t('Reading the connection log, newest first: {0} entries, page {1} of at most {2}…', entries, pages, max),
      );
    case 'stopped':
      return plural(
        p.entries,
        l10n.t('Stopped after {0} entry ({1} of at most {2} pages).', entries, pages, max),
        l10n.t('Stopped after {0} entries ({1} of at most {2} pages).', entries, pages, max),
      );
    case 'failed':
      return plural(
        p.entries,
        l10n.t('Reading the log stopped after {0} entry ({1} pages); see the notice above.', entries, pages),
        l10n.t('Reading the log stopped after {0} entries ({1} pages); see the notice above.', entries, pages),
      );
    case 'done':
      return plural(
        p.entries,
        l10n.t('Read the {0} entry the log API reaches.', entries),
        l10n.t('Read all {0} entries the log API reaches.', entries),
      );
  }
}
