// Words and glyphs for the marks of the timeline: each category has a shape, a colour class and
// a word, so that no state is told by colour alone. Words in the person's language (core/l10n.ts,
// configured by main.ts before anything is drawn), looked up when drawn.

import * as l10n from '@vscode/l10n';
import type { EventKind } from '../../../core/events/types';
import type { MarkCategory } from './dataset';

export interface CategoryLook {
  /** A word short enough to stand under a mark. */
  readonly short: string;
  /** The legend's and the screen reader's words. */
  readonly long: string;
  /** SVG path of the glyph, centred on 0,0, about 10 px across. */
  readonly glyph: string;
}

const GLYPHS: Readonly<Record<MarkCategory, string>> = {
  network: 'M0,-6 L6,5 L-6,5 Z',
  server: 'M-5,-5 H5 V5 H-5 Z',
  client: 'M-5.5,0 A5.5,5.5 0 1,0 5.5,0 A5.5,5.5 0 1,0 -5.5,0 Z',
  takeover: 'M0,-6.5 L6.5,0 L0,6.5 L-6.5,0 Z',
  unknown: 'M-5,-2 L-2,-5 L2,-5 L5,-2 L5,2 L2,5 L-2,5 L-5,2 Z',
  failed: 'M-5,-3 L-3,-5 L0,-2 L3,-5 L5,-3 L2,0 L5,3 L3,5 L0,2 L-3,5 L-5,3 L-2,0 Z',
};

function words(category: MarkCategory): [short: string, long: string] {
  switch (category) {
    case 'network':
      return [l10n.t('network'), l10n.t('disconnected by the network (timeout)')];
    case 'server':
      return [l10n.t('server'), l10n.t('disconnected by the server')];
    case 'client':
      return [l10n.t('client'), l10n.t('disconnected by the client')];
    case 'takeover':
      return [l10n.t('taken over'), l10n.t('session taken over (288): still connected')];
    case 'unknown':
      return [l10n.t('unknown'), l10n.t('disconnected for an unknown reason')];
    case 'failed':
      return [l10n.t('failed'), l10n.t('failed connect attempt')];
  }
}

export function categoryLook(category: MarkCategory): CategoryLook {
  const [short, long] = words(category);
  return { short, long, glyph: GLYPHS[category] };
}

export function glyphPath(category: MarkCategory): string {
  return GLYPHS[category];
}

/** An event kind in one or two words: the list's filter and rows. */
export function kindWords(kind: EventKind): string {
  switch (kind) {
    case 'connected':
      return l10n.t('connected');
    case 'failedConnect':
      return l10n.t('failed connect');
    case 'disconnected':
      return l10n.t('disconnected');
    case 'other':
      return l10n.t('other');
  }
}
