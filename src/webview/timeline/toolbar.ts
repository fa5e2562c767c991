// Range presets (1 h, 24 h, 7 d, all), zoom and pan buttons, export and reload.

import { RANGE_PRESETS, type ExportFormat, type RangePreset } from '../../shared/protocol';
import { h } from './dom';

export interface ToolbarHost {
  preset(range: RangePreset): void;
  zoom(factor: number): void;
  pan(share: number): void;
  exportAs(format: ExportFormat): void;
  reload(): void;
}

const PRESET_WORDS: Record<RangePreset, string> = { '1h': '1 h', '24h': '24 h', '7d': '7 d', all: 'All' };

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
      { class: 'group', role: 'group', 'aria-label': 'Range' },
      h('span', { class: 'group-label' }, 'Range'),
    );
    for (const p of RANGE_PRESETS) {
      const b = button(
        PRESET_WORDS[p],
        p === 'all' ? 'Whole history' : `Last ${PRESET_WORDS[p]}`,
        () => host.preset(p),
        'preset',
      );
      b.dataset.range = p;
      this.presets.set(p, b);
      range.append(b);
    }
    const view = h(
      'div',
      { class: 'group', role: 'group', 'aria-label': 'Zoom and pan' },
      button('−', 'Zoom out (−)', () => host.zoom(2)),
      button('+', 'Zoom in (+)', () => host.zoom(0.5)),
      button('◀', 'Earlier (PageUp)', () => host.pan(-0.25)),
      button('▶', 'Later (PageDown)', () => host.pan(0.25)),
    );
    const files = h(
      'div',
      { class: 'group', role: 'group', 'aria-label': 'Export' },
      button('Export CSV', 'Export the events as CSV', () => host.exportAs('csv'), 'export-csv'),
      button('Export JSON', 'Export the events as JSON', () => host.exportAs('json'), 'export-json'),
      button('Reload', 'Read the log and state again', () => host.reload(), 'reload'),
    );
    this.root.append(range, view, files, this.status);
  }

  /** Which preset is on; none when the window was zoomed or panned. */
  setPreset(active: RangePreset | undefined): void {
    for (const [p, b] of this.presets) b.setAttribute('aria-pressed', p === active ? 'true' : 'false');
  }
}
