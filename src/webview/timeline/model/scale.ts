// Time ↔ pixels, and the axis ticks: a step from a fixed ladder so that labels stay at least
// `minGapPx` apart, aligned to local-time boundaries (offsetMs = the display zone's offset).

import type { TimeWindow } from './window';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
const STEPS = [
  1,
  2,
  5,
  10,
  20,
  50,
  100,
  200,
  500,
  S,
  2 * S,
  5 * S,
  10 * S,
  15 * S,
  30 * S,
  M,
  2 * M,
  5 * M,
  10 * M,
  15 * M,
  30 * M,
  H,
  2 * H,
  3 * H,
  6 * H,
  12 * H,
  D,
  2 * D,
  7 * D,
  14 * D,
  30 * D,
  91 * D,
  365 * D,
];

export function timeToX(t: number, w: TimeWindow, width: number): number {
  return ((t - w.from) / (w.to - w.from)) * width;
}

export function xToTime(x: number, w: TimeWindow, width: number): number {
  return w.from + (x / width) * (w.to - w.from);
}

export interface Tick {
  readonly time: number;
  readonly x: number;
  readonly label: string;
  /** The first tick of a new day: its label carries the date. */
  readonly major: boolean;
}

/** At most width / minGapPx ticks; never more than 100 whatever the input. */
export function axisTicks(w: TimeWindow, width: number, offsetMs: number, minGapPx = 90): Tick[] {
  const span = w.to - w.from;
  if (!(span > 0) || !(width > 0)) return [];
  const wanted = (span / width) * minGapPx;
  const step = STEPS.find((s) => s >= wanted) ?? Math.ceil(wanted / (365 * D)) * 365 * D;
  const ticks: Tick[] = [];
  let t = Math.ceil((w.from + offsetMs) / step) * step - offsetMs;
  let lastDay: number | undefined;
  for (; t <= w.to && ticks.length < 100; t += step) {
    const day = Math.floor((t + offsetMs) / D);
    const major = lastDay !== undefined ? day !== lastDay : (t + offsetMs) % D === 0;
    lastDay = day;
    ticks.push({ time: t, x: timeToX(t, w, width), label: tickLabel(t, step, offsetMs, major), major });
  }
  return ticks;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `2026-11-26`, `14:05`, `14:05:30`, `14:05:30.250`; a date joins the time at a day boundary. */
function tickLabel(t: number, step: number, offsetMs: number, major: boolean): string {
  const d = new Date(t + offsetMs);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  if (step >= D) return date;
  const hm = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  const time =
    step < S
      ? `${hm}:${pad(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, '0')}`
      : step < M
        ? `${hm}:${pad(d.getUTCSeconds())}`
        : hm;
  return major ? `${date} ${time}` : time;
}

/** A time as people read it in the display zone: `2026-11-26 14:05:30.123`. */
export function formatLocal(t: number, offsetMs: number): string {
  const d = new Date(t + offsetMs);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.` +
    String(d.getUTCMilliseconds()).padStart(3, '0')
  );
}

/** `UTC+01:00` for an offset in ms. */
export function zoneName(offsetMs: number): string {
  const m = Math.round(Math.abs(offsetMs) / M);
  return `UTC${offsetMs < 0 ? '-' : '+'}${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}
