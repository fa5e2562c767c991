// What a person types for "connected after": an ISO 8601 time, lenient like the API
// (platform-contract.md §2.2; also a bare date, or a space for the T), "now", or a relative span back from now:
// 30m, 1h, 2d, 1w (also "2 days", "2d ago"). Anything else gets an error that says what works.

import * as l10n from '@vscode/l10n';
import { wordsLocale } from './l10n';
import { parseInstant } from './time';
import { plainText } from './text';

export type RelativeUnit = 'm' | 'h' | 'd' | 'w';

export interface RelativeSpan {
  readonly amount: number;
  readonly unit: RelativeUnit;
}

export type TimeInput =
  | { readonly ok: true; readonly time: number; readonly relative?: RelativeSpan }
  | { readonly ok: false; readonly error: string };

const UNIT_MS: Record<RelativeUnit, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const UNIT_NAMES: Record<RelativeUnit, Intl.RelativeTimeFormatUnit> = { m: 'minute', h: 'hour', d: 'day', w: 'week' };
const RELATIVE = /^(\d{1,6})\s*(m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?)(?:\s+ago)?$/i;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** Further back than this is a typing mistake, not a query. */
const MAX_SPAN_MS = 100 * 365 * 86_400_000;

/** What a time may be, for the person (the forms stay as typed in any language). */
export function timeInputHelp(): string {
  return l10n.t('an ISO 8601 time such as 2019-03-09T15:00:00Z, or a span back from now such as 30m, 1h, 2d or 1w');
}

export function readRelative(text: string): RelativeSpan | undefined {
  if (typeof text !== 'string' || text.length > 40) return undefined;
  const m = RELATIVE.exec(text.trim());
  if (!m) return undefined;
  const unit = m[2][0].toLowerCase() as RelativeUnit;
  return { amount: Number(m[1]), unit };
}

/** The short form: "2d". */
export function relativeText(span: RelativeSpan): string {
  return `${span.amount}${span.unit}`;
}

/** How far back, for people, in their language: "2 days", "1 hour" ("2 dias", "1 hora"). */
export function relativeLength(span: RelativeSpan): string {
  return new Intl.NumberFormat(wordsLocale(), {
    style: 'unit',
    unit: UNIT_NAMES[span.unit],
    unitDisplay: 'long',
  }).format(span.amount);
}

/** For people, in their language: "2 days ago", "1 hour ago" ("há 2 dias"). */
export function relativeWords(span: RelativeSpan): string {
  return new Intl.RelativeTimeFormat(wordsLocale(), { numeric: 'always' }).format(-span.amount, UNIT_NAMES[span.unit]);
}

export function parseTimeInput(text: string, now: number): TimeInput {
  const input = typeof text === 'string' ? text.trim() : '';
  if (input.length === 0) return { ok: false, error: l10n.t('Enter {0}.', timeInputHelp()) };
  if (input.toLowerCase() === 'now') return { ok: true, time: now };
  const span = readRelative(input);
  if (span) {
    const ms = span.amount * UNIT_MS[span.unit];
    if (ms > MAX_SPAN_MS) {
      return { ok: false, error: l10n.t('"{0}" is more than 100 years back.', plainText(input, 40)) };
    }
    return { ok: true, time: now - ms, relative: span };
  }
  if (input.length <= 64) {
    const iso = DATE_ONLY.test(input) ? `${input}T00:00:00Z` : input.replace(/^(\d{4}-\d{2}-\d{2}) (?=\d)/, '$1T');
    const time = parseInstant(iso);
    if (time !== undefined) return { ok: true, time };
  }
  return { ok: false, error: l10n.t('"{0}" is not a time. Enter {1}.', plainText(input, 40), timeInputHelp()) };
}
