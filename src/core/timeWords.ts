// Times for people: "just now", "3 min ago", "2 h ago", "5 d ago"; durations like "1 h 20 min".
// Clocks disagree (the platform's, this machine's): a time slightly ahead of now is "just now".

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How far ahead of now a time may be and still read as "just now" (clock skew). */
export const SKEW_TOLERANCE_MS = 2 * MINUTE;
/** Older than this, a date reads better than a count of days. */
const DAYS_SHOWN = 60;

export function formatRelative(time: number | undefined, now: number): string {
  if (time === undefined || !Number.isFinite(time) || !Number.isFinite(now)) return 'unknown';
  const ago = now - time;
  if (ago < -SKEW_TOLERANCE_MS) return `in ${formatSpan(-ago)}`;
  if (ago < MINUTE) return 'just now';
  if (ago >= DAYS_SHOWN * DAY) return `on ${new Date(time).toISOString().slice(0, 10)}`;
  return `${formatSpan(ago)} ago`;
}

/** The largest whole unit: "3 min", "2 h", "5 d" (at least 1 min). */
export function formatSpan(ms: number): string {
  if (ms < HOUR) return `${Math.max(1, Math.floor(ms / MINUTE))} min`;
  if (ms < DAY) return `${Math.floor(ms / HOUR)} h`;
  return `${Math.floor(ms / DAY)} d`;
}

/** Two units at most: "45 s", "2 min 5 s", "1 h 20 min", "3 d 4 h"; "< 1 s" below a second. */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return 'unknown';
  const v = Math.max(0, ms);
  if (v < SECOND) return '< 1 s';
  const units: [number, string][] = [
    [DAY, 'd'],
    [HOUR, 'h'],
    [MINUTE, 'min'],
    [SECOND, 's'],
  ];
  const i = units.findIndex(([size]) => v >= size);
  const [big, bigName] = units[i];
  const whole = Math.floor(v / big);
  const next = units[i + 1];
  const rest = next ? Math.floor((v - whole * big) / next[0]) : 0;
  return rest > 0 && next ? `${whole} ${bigName} ${rest} ${next[1]}` : `${whole} ${bigName}`;
}

/** A share as a percentage for people: "99.5 %", "100 %", "0 %"; one decimal below 100. */
export function formatPercent(ratio: number | undefined): string {
  if (ratio === undefined || !Number.isFinite(ratio)) return 'unknown';
  const pct = Math.min(100, Math.max(0, ratio * 100));
  return pct === 100 || pct === 0 ? `${pct} %` : `${Math.min(99.9, Math.max(0.1, Math.round(pct * 10) / 10))} %`;
}
