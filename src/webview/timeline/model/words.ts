// Words and glyphs for the marks of the timeline: each category has a shape, a colour class and
// a word, so that no state is told by colour alone.

import type { MarkCategory } from './dataset';

export interface CategoryLook {
  /** A word short enough to stand under a mark. */
  readonly short: string;
  /** The legend's and the screen reader's words. */
  readonly long: string;
  /** SVG path of the glyph, centred on 0,0, about 10 px across. */
  readonly glyph: string;
}

export const CATEGORY_LOOK: Readonly<Record<MarkCategory, CategoryLook>> = {
  network: { short: 'network', long: 'disconnected by the network (timeout)', glyph: 'M0,-6 L6,5 L-6,5 Z' },
  server: { short: 'server', long: 'disconnected by the server', glyph: 'M-5,-5 H5 V5 H-5 Z' },
  client: {
    short: 'client',
    long: 'disconnected by the client',
    glyph: 'M-5.5,0 A5.5,5.5 0 1,0 5.5,0 A5.5,5.5 0 1,0 -5.5,0 Z',
  },
  takeover: {
    short: 'taken over',
    long: 'session taken over (288): still connected',
    glyph: 'M0,-6.5 L6.5,0 L0,6.5 L-6.5,0 Z',
  },
  unknown: {
    short: 'unknown',
    long: 'disconnected for an unknown reason',
    glyph: 'M-5,-2 L-2,-5 L2,-5 L5,-2 L5,2 L2,5 L-2,5 L-5,2 Z',
  },
  failed: {
    short: 'failed',
    long: 'failed connect attempt',
    glyph: 'M-5,-3 L-3,-5 L0,-2 L3,-5 L5,-3 L2,0 L5,3 L3,5 L0,2 L-3,5 L-5,3 L-2,0 Z',
  },
};

export const KIND_WORDS = {
  connected: 'connected',
  failedConnect: 'failed connect',
  disconnected: 'disconnected',
  other: 'other',
} as const;
