// Where lenses go (no `vscode` import; unit-tested, benchmarked): one per distinct id of a line
// (at most MAX_PER_LINE, named when the line holds several), for lines of the whole document when
// few lines hold ids, else only around what is on screen. VS Code keeps a widget and a view zone
// for every lens a provider returns, on screen or not, and moves each of them on every keystroke:
// typing in a 1 MB file whose 1,000 id lines all had lenses took 3× as long to draw
// (bench/README.md), so a document with many ids gets lenses only where the person looks.
import type { IdMatch } from './recognise';

export interface LensSpot {
  readonly line: number;
  /** Where the id starts and ends (document offsets). */
  readonly start: number;
  readonly end: number;
  readonly clientId: string;
  /** The line holds several ids: the lens names its client. */
  readonly named: boolean;
}

/** `iotConnectivity.codeLens`: lenses for every id, none, or only pinned ones. */
export type LensMode = 'on' | 'off' | 'pinned';

export function readLensMode(value: unknown): LensMode {
  return value === 'off' || value === 'pinned' ? value : 'on';
}

export const MAX_PER_LINE = 3;
/** Lines with ids that all get lenses; beyond, only those near the screen. */
export const MAX_LINES = 50;
/** Lines either side of those on screen that get lenses (and, in a document of very many ids, links). */
export const WINDOW_MARGIN = 40;

/** The line of each match, counted once through the text (matches are in order). */
export function lineNumbers(text: string, matches: readonly IdMatch[]): number[] {
  const out: number[] = [];
  let line = 0;
  // The next line break not yet counted: each is found once, however many ids a line holds.
  let next = text.indexOf('\n');
  for (const m of matches) {
    while (next >= 0 && next < m.start) {
      line++;
      next = text.indexOf('\n', next + 1);
    }
    out.push(line);
  }
  return out;
}

export interface PlanOptions {
  /** Only ids this accepts (e.g. pinned ones). */
  readonly accept?: (clientId: string) => boolean;
  /** Line ranges on screen, inclusive. */
  readonly visible?: readonly { readonly from: number; readonly to: number }[];
}

export function lensSpots(matches: readonly IdMatch[], lines: readonly number[], o: PlanOptions = {}): LensSpot[] {
  const byLine: { line: number; items: IdMatch[] }[] = [];
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i];
    if (o.accept && !o.accept(m.clientId)) continue;
    const last = byLine[byLine.length - 1];
    if (last?.line === lines[i]) {
      if (last.items.length <= MAX_PER_LINE && !last.items.some((x) => x.clientId === m.clientId)) last.items.push(m);
    } else byLine.push({ line: lines[i], items: [m] });
  }
  const shown =
    byLine.length <= MAX_LINES
      ? byLine
      : byLine.filter((l) =>
          (o.visible ?? []).some((v) => l.line >= v.from - WINDOW_MARGIN && l.line <= v.to + WINDOW_MARGIN),
        );
  const out: LensSpot[] = [];
  for (const { line, items } of shown) {
    const named = items.length > 1;
    for (const m of items.slice(0, MAX_PER_LINE)) {
      out.push({ line, start: m.start, end: m.end, clientId: m.clientId, named });
    }
  }
  return out;
}
