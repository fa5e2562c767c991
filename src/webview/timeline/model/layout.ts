// What to draw for a window of time, with a bounded number of elements at any zoom: each session
// and gap as a bar while they are few, otherwise the share of each few-pixel column spent
// connected; each mark while they are few, otherwise clusters with counts by category. Linear in
// the sessions and marks of the window; nothing grows with the zoom level.

import { lowerBound, MARK_CATEGORIES, type Dataset, type Mark, type MarkCategory } from './dataset';
import { categoryLook } from './words';
import { timeToX } from './scale';
import type { TimeWindow } from './window';

export interface LayoutLimits {
  /** Sessions + gaps drawn one by one up to this many. */
  readonly maxBars: number;
  /** Marks drawn one by one up to this many. */
  readonly maxMarks: number;
  /** Marks get a word beneath them up to this many. */
  readonly maxLabels: number;
  /** Width of a column of the dense lane, and of a cluster. */
  readonly columnPx: number;
  readonly clusterPx: number;
}

export const DEFAULT_LIMITS: LayoutLimits = { maxBars: 400, maxMarks: 250, maxLabels: 40, columnPx: 3, clusterPx: 16 };

export type LaneItem =
  /** `index` into history.sessions; `openStart`: began before what we know; `openEnd`: still connected. */
  | {
      readonly kind: 'session';
      readonly x0: number;
      readonly x1: number;
      readonly index: number;
      readonly openStart: boolean;
      readonly openEnd: boolean;
    }
  | { readonly kind: 'gap'; readonly x0: number; readonly x1: number; readonly index: number }
  /** Dense: a run of columns connected `level` quarters of the time (0–4). */
  | {
      readonly kind: 'coverage';
      readonly x0: number;
      readonly x1: number;
      readonly level: number;
      readonly from: number;
      readonly to: number;
    };

export type MarkItem =
  | { readonly kind: 'mark'; readonly x: number; readonly mark: Mark; readonly label?: string }
  | {
      readonly kind: 'cluster';
      readonly x: number;
      readonly from: number;
      readonly to: number;
      readonly count: number;
      readonly counts: Readonly<Record<MarkCategory, number>>;
      readonly dominant: MarkCategory;
    };

export interface Layout {
  readonly lane: readonly LaneItem[];
  readonly marks: readonly MarkItem[];
  readonly denseLane: boolean;
  readonly clustered: boolean;
  readonly marksInWindow: number;
}

export function layoutTimeline(
  data: Dataset,
  w: TimeWindow,
  width: number,
  now: number,
  limits: LayoutLimits = DEFAULT_LIMITS,
): Layout {
  if (!(width > 0) || !(w.to > w.from)) {
    return { lane: [], marks: [], denseLane: false, clustered: false, marksInWindow: 0 };
  }
  const lane = layoutLane(data, w, width, now, limits);
  const first = lowerBound(data.marks, w.from);
  const end = lowerBound(data.marks, w.to + 1);
  const count = Math.max(0, end - first);
  const marks =
    count <= limits.maxMarks
      ? glyphs(data.marks, first, end, w, width, count <= limits.maxLabels)
      : clusters(data.marks, first, end, w, width, limits.clusterPx);
  return { ...lane, marks, clustered: count > limits.maxMarks, marksInWindow: count };
}

interface Span {
  readonly start: number;
  readonly end: number;
}

function laneSpans(data: Dataset, now: number): { sessions: Span[]; gaps: Span[] } {
  const known = data.extent?.min ?? now;
  const sessions = data.history.sessions.map((s) => ({
    start: s.start ?? Math.min(known, s.end ?? now),
    end: s.end ?? Math.max(now, s.start ?? now),
  }));
  const gaps = data.history.gaps.map((g) => ({ start: g.start, end: g.end ?? Math.max(now, g.start) }));
  return { sessions, gaps };
}

function layoutLane(
  data: Dataset,
  w: TimeWindow,
  width: number,
  now: number,
  limits: LayoutLimits,
): Pick<Layout, 'lane' | 'denseLane'> {
  const { sessions, gaps } = laneSpans(data, now);
  const visible = (s: Span) => s.end >= w.from && s.start <= w.to;
  const inSessions = sessions.filter(visible).length;
  const inGaps = gaps.filter(visible).length;
  if (inSessions + inGaps > limits.maxBars) {
    return { lane: coverage(sessions, w, width, now, data.extent?.min, limits.columnPx), denseLane: true };
  }
  const x = (t: number) => Math.max(-1, Math.min(width + 1, timeToX(t, w, width)));
  const lane: LaneItem[] = [];
  gaps.forEach((g, index) => {
    if (visible(g)) lane.push({ kind: 'gap', x0: x(g.start), x1: x(g.end), index });
  });
  sessions.forEach((s, index) => {
    if (!visible(s)) return;
    const raw = data.history.sessions[index];
    lane.push({
      kind: 'session',
      x0: x(s.start),
      x1: Math.max(x(s.end), x(s.start) + 1),
      index,
      openStart: raw.start === undefined,
      openEnd: raw.end === undefined,
    });
  });
  return { lane, denseLane: false };
}

/** Runs of columns by the quarter of their time spent connected, between the first known time and now. */
function coverage(
  sessions: readonly Span[],
  w: TimeWindow,
  width: number,
  now: number,
  known: number | undefined,
  columnPx: number,
): LaneItem[] {
  const cols = Math.max(1, Math.ceil(width / columnPx));
  const colMs = (w.to - w.from) / cols;
  const up = new Float64Array(cols);
  for (const s of sessions) {
    const a = Math.max(s.start, w.from);
    const b = Math.min(s.end, w.to);
    if (b <= a) continue;
    const c0 = Math.min(cols - 1, Math.floor((a - w.from) / colMs));
    const c1 = Math.min(cols - 1, Math.floor((b - w.from) / colMs));
    for (let c = c0; c <= c1; c++) {
      const lo = Math.max(a, w.from + c * colMs);
      const hi = Math.min(b, w.from + (c + 1) * colMs);
      if (hi > lo) up[c] += hi - lo;
    }
  }
  const measuredFrom = known ?? now;
  const items: LaneItem[] = [];
  let run: { c0: number; level: number } | undefined;
  const flush = (c: number) => {
    if (!run) return;
    const from = w.from + run.c0 * colMs;
    const to = w.from + c * colMs;
    items.push({ kind: 'coverage', x0: (run.c0 * width) / cols, x1: (c * width) / cols, level: run.level, from, to });
    run = undefined;
  };
  for (let c = 0; c < cols; c++) {
    const lo = w.from + c * colMs;
    const hi = lo + colMs;
    const measured = hi > measuredFrom && lo < now;
    const level = measured ? Math.round((up[c] / colMs) * 4) : -1;
    if (run && run.level === level) continue;
    flush(c);
    if (level >= 0) run = { c0: c, level };
  }
  flush(cols);
  return items;
}

/** Marks closer than this (px) would hide each other: they are drawn as one cluster. */
const OVERLAP_PX = 9;

function glyphs(
  marks: readonly Mark[],
  first: number,
  end: number,
  w: TimeWindow,
  width: number,
  withLabels: boolean,
): MarkItem[] {
  const out: MarkItem[] = [];
  let labelEnd = -Infinity;
  let i = first;
  while (i < end) {
    const x = timeToX(marks[i].time, w, width);
    let j = i + 1;
    while (j < end && timeToX(marks[j].time, w, width) - x < OVERLAP_PX) j++;
    if (j - i > 1) {
      out.push(cluster(marks, i, j, marks[i].time, marks[j - 1].time, w, width));
      i = j;
      continue;
    }
    const mark = marks[i++];
    const word = categoryLook(mark.category).short;
    // Words never overlap: one goes under a mark only where the previous one ended.
    const half = word.length * 3.3 + 4;
    const label = withLabels && x - half > labelEnd ? word : undefined;
    if (label) labelEnd = x + half;
    out.push({ kind: 'mark', x, mark, ...(label ? { label } : {}) });
  }
  // A cluster's count stands where a neighbour's word would: the word gives way.
  return out.map((item, k) => {
    if (item.kind !== 'mark' || item.label === undefined) return item;
    const half = item.label.length * 3.3 + 4;
    const near = (other: MarkItem | undefined) => other?.kind === 'cluster' && Math.abs(other.x - item.x) < half + 10;
    if (!near(out[k - 1]) && !near(out[k + 1])) return item;
    return { kind: 'mark', x: item.x, mark: item.mark };
  });
}

function cluster(
  marks: readonly Mark[],
  i: number,
  j: number,
  from: number,
  to: number,
  w: TimeWindow,
  width: number,
): MarkItem {
  const counts = Object.fromEntries(MARK_CATEGORIES.map((c) => [c, 0])) as Record<MarkCategory, number>;
  for (let k = i; k < j; k++) counts[marks[k].category]++;
  return {
    kind: 'cluster',
    x: timeToX((from + to) / 2, w, width),
    from,
    to,
    count: j - i,
    counts,
    dominant: dominantOf(counts),
  };
}

function clusters(
  marks: readonly Mark[],
  first: number,
  end: number,
  w: TimeWindow,
  width: number,
  clusterPx: number,
): MarkItem[] {
  const out: MarkItem[] = [];
  const bucketMs = ((w.to - w.from) / width) * clusterPx;
  let i = first;
  while (i < end) {
    const from = w.from + Math.floor((marks[i].time - w.from) / bucketMs) * bucketMs;
    let j = i;
    while (j < end && marks[j].time < from + bucketMs) j++;
    out.push(cluster(marks, i, j, from, from + bucketMs, w, width));
    i = j;
  }
  return out;
}

/** The most frequent category; ties go to the more telling one (the order of MARK_CATEGORIES). */
function dominantOf(counts: Readonly<Record<MarkCategory, number>>): MarkCategory {
  let best: MarkCategory = MARK_CATEGORIES[0];
  for (const c of MARK_CATEGORIES) if (counts[c] > counts[best]) best = c;
  return best;
}
