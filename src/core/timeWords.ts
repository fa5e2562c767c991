// Times for people in the person's language, from Intl: "3 min. ago", "2 hr. ago", "5 days ago"
// ("há 3 min.", "há 2 h", "há 5 dias"); durations like "1 hr 20 min"; under a minute, "just now".
// Clocks disagree (the platform's, this machine's): a time slightly ahead of now is "just now".

import * as l10n from '@vscode/l10n';
import { wordsLocale } from './l10n';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How far ahead of now a time may be and still read as "just now" (clock skew). */
export const SKEW_TOLERANCE_MS = 2 * MINUTE;
/** Older than this, a date reads better than a count of days. */
const DAYS_SHOWN = 60;

type Unit = 'day' | 'hour' | 'minute' | 'second';

const cache = new Map<string, Intl.RelativeTimeFormat | Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat>();
function cached<T extends Intl.RelativeTimeFormat | Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat>(
  key: string,
  make: (locale: string) => T,
): T {
  const full = `${wordsLocale()}|${key}`;
  let f = cache.get(full) as T | undefined;
  if (!f) cache.set(full, (f = make(wordsLocale())));
  return f;
}

const relative = () => cached('rel', (l) => new Intl.RelativeTimeFormat(l, { numeric: 'always', style: 'short' }));
const unitFormat = (unit: Unit) =>
  cached(`unit-${unit}`, (l) => new Intl.NumberFormat(l, { style: 'unit', unit, unitDisplay: 'short' }));

function unknown(): string {
  return l10n.t('unknown');
}

/** The largest whole unit of a span (at least 1 min): [count, unit]. */
function largest(ms: number): [number, Unit] {
  if (ms < HOUR) return [Math.max(1, Math.floor(ms / MINUTE)), 'minute'];
  if (ms < DAY) return [Math.floor(ms / HOUR), 'hour'];
  return [Math.floor(ms / DAY), 'day'];
}

export function formatRelative(time: number | undefined, now: number): string {
  if (time === undefined || !Number.isFinite(time) || !Number.isFinite(now)) return unknown();
  const ago = now - time;
  if (ago < -SKEW_TOLERANCE_MS) return relative().format(...largest(-ago));
  if (ago < MINUTE) return l10n.t('just now');
  if (ago >= DAYS_SHOWN * DAY) {
    const date = cached('date', (l) => new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeZone: 'UTC' }));
    return l10n.t('on {0}', date.format(time));
  }
  const [n, unit] = largest(ago);
  return relative().format(-n, unit);
}

/** The largest whole unit: "3 min", "2 hr", "5 days" (at least 1 min). */
export function formatSpan(ms: number): string {
  const [n, unit] = largest(ms);
  return unitFormat(unit).format(n);
}

/** Two units at most: "45 sec", "2 min 5 sec", "1 hr 20 min", "3 days 4 hr"; "< 1 sec" below a second. */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return unknown();
  const v = Math.max(0, ms);
  if (v < SECOND) return `< ${unitFormat('second').format(1)}`;
  const units: [number, Unit][] = [
    [DAY, 'day'],
    [HOUR, 'hour'],
    [MINUTE, 'minute'],
    [SECOND, 'second'],
  ];
  const i = units.findIndex(([size]) => v >= size);
  const [big, bigUnit] = units[i];
  const whole = Math.floor(v / big);
  const next = units[i + 1];
  const rest = next ? Math.floor((v - whole * big) / next[0]) : 0;
  const parts = [unitFormat(bigUnit).format(whole)];
  if (rest > 0 && next) parts.push(unitFormat(next[1]).format(rest));
  return cached('list', (l) => new Intl.ListFormat(l, { type: 'unit', style: 'narrow' })).format(parts);
}

/** A share as a percentage for people: "99.5%", "100%", "0%"; one decimal below 100, never rounded to a lie. */
export function formatPercent(ratio: number | undefined): string {
  if (ratio === undefined || !Number.isFinite(ratio)) return unknown();
  const pct = Math.min(100, Math.max(0, ratio * 100));
  const shown = pct === 100 || pct === 0 ? pct : Math.min(99.9, Math.max(0.1, Math.round(pct * 10) / 10));
  return cached('pct', (l) => new Intl.NumberFormat(l, { style: 'percent', maximumFractionDigits: 1 })).format(
    shown / 100,
  );
}
