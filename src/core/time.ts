// Instants on the wire: ISO 8601 UTC with milliseconds out, lenient in (platform-contract.md §2.2): with or
// without a zone (no zone = UTC), with or without a fraction of any length.

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** Milliseconds since the epoch, or undefined when the text is not an ISO 8601 instant. */
export function parseInstant(text: string): number | undefined {
  if (typeof text !== 'string' || text.length > 64) return undefined;
  const m = ISO_INSTANT.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s = '0', frac = '', zone = 'Z'] = m;
  const month = Number(mo),
    day = Number(d),
    hour = Number(h),
    minute = Number(mi),
    second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return undefined;
  const ms = frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0;
  let t = Date.UTC(Number(y), month - 1, day, hour, minute, second, ms);
  if (new Date(t).getUTCDate() !== day) return undefined; // 2019-02-30
  if (zone.toUpperCase() !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    t -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return Number.isFinite(t) ? t : undefined;
}

/** The wire form of an instant: `2018-09-27T08:40:54.456Z`. */
export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}
