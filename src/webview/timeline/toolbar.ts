// Range presets (1 h, 24 h, 7 d, all), zoom and pan buttons, export and reload.

import * as l10n from '@vscode/l10n';
import { wordsLocale } from '../../core/l10n';
import { RANGE_PRESETS, type ExportFormat, type RangePreset } from '../../shared/protocol';
import { h } from './dom';

export interface ToolbarHost {
  preset(range: RangePreset): void;
  zoom(factor: number): void;
  pan(share: number): void;
  exportAs(format: ExportFormat): void;
  reload(): void;
}

/** A preset's button text and its label: "24 hr" / "Last 24 hr", "All" / "Whole history". */
function presetWords(p: RangePreset): [text: string, label: string] {
  const span = (value: number, unit: 'hour' | 'day') =>
    new Intl.NumberFormat(wordsLocale(), { style: 'unit', unit, unitDisplay: 'short' }).format(value);
  switch (p) {
    case '1h':
      return [span(1, 'hour'), l10n.t('Last {0}', span(1, 'hour'))];
    case '24h':
      return [span(24, 'hour'), l10n.t('Last {0}', span(24, 'hour'))];
    case '7d':
      return [span(7, 'day'), l10n.t('Last {0}', span(7, 'day'))];
    case 'all':
      return [l10n.t('All'), l10n.t('Whole history')];
  }
}

export class Toolbar {
  readonly root = h('div', { class: 'toolbar' });
  private readonly presets = new Map<RangePreset, HTMLButtonElement>();
  readonly status = h('span', { class: 'toolbar-status', role: 'status' });

  constructor(host: ToolbarHost) {
    const button = (text: string, label: string, action: () => void, cls = ''): HTMLButtonElement => {
      const b = h('button', { type: 'button', class: cls, 'aria-label': label, title: label }, text);
      b.addEventListener('click', action);
      return b;
    };
    const range = h(
      'div',
      { class: 'group', role: 'group', 'aria-label': l10n.t('Range') },
      h('span', { class: 'group-label' }, l10n.t('Range')),
    );
    for (const p of RANGE_PRESETS) {
      const [text, label] = presetWords(p);
      const b = button(text, label, () => host.preset(p), 'preset');
      b.dataset.range = p;
      this.presets.set(p, b);
      range.append(b);
    }
    const view = h(
      'div',
      { class: 'group', role: 'group', 'aria-label': l10n.t('Zoom and pan') },
      button('−', l10n.t('Zoom out (−)'), () => host.zoom(2)),
      button('+', l10n.t('Zoom in (+)'), () => host.zoom(0.5)),
      button('◀', l10n.t('Earlier (PageUp)'), () => host.pan(-0.25)),
      button('▶', l10n.t('Later (PageDown)'), () => host.pan(0.25)),
    );
    const files = h(
      'div',
      { class: 'group', role: 'group', 'aria-label': l10n.t('Export') },
      button(l10n.t('Export CSV'), l10n.t('Export the events as CSV'), () => host.exportAs('csv'), 'export-csv'),
      button(l10n.t('Export JSON'), l10n.t('Export the events as JSON'), () => host.exportAs('json'), 'export-json'),
      button(l10n.t('Reload'), l10n.t('Read the log and state again'), () => host.reload(), 'reload'),
    );
    this.root.append(range, view, files, this.status);
  }

  /** Which preset is on; none when the window was zoomed or panned. */
  setPreset(active: RangePreset | undefined): void {
    for (const [p, b] of this.presets) b.setAttribute('aria-pressed', p === active ? 'true' : 'false');
  }
}
