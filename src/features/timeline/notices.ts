// What the panel says about what it could not show, or why (no `vscode` import): from counts of
// odd log entries, and from failures of the calls. Facts with stable ids (shared/notices.ts); the
// page words them.

import { messageOf } from '../../core/errors';
import { plainText } from '../../core/text';
import { isPlatformError } from '../../platform/errors';
import { MAX_LOG_MESSAGE } from '../../platform/rest/logs';
import type { Notice } from '../../shared/notices';

export interface EntryStats {
  readonly entries: number;
  readonly noTimestamp: number;
  readonly badTimestamp: number;
  readonly cut: number;
  readonly notObject: number;
  /** Entries later than the one listed before them (the API lists newest first). */
  readonly outOfOrder: number;
  /** Entries dated ahead of this computer's clock beyond the tolerance, and the largest lead. */
  readonly future: number;
  readonly maxLeadMs: number;
  readonly unknownLines: number;
}

export function entryNotices(s: EntryStats, done: boolean, hasLog: boolean): Notice[] {
  const out: Notice[] = [];
  if (hasLog && done && s.entries === 0) out.push({ id: 'empty', level: 'info', kind: 'logEmpty' });
  if (s.noTimestamp + s.badTimestamp + s.cut + s.notObject > 0) {
    const { noTimestamp, badTimestamp, cut, notObject } = s;
    out.push({
      id: 'malformed',
      level: 'warning',
      kind: 'entriesUnreadable',
      noTimestamp,
      badTimestamp,
      cut,
      maxMessage: MAX_LOG_MESSAGE,
      notObject,
    });
  }
  if (s.outOfOrder > 0) out.push({ id: 'order', level: 'warning', kind: 'entriesOutOfOrder', count: s.outOfOrder });
  if (s.future > 0) {
    out.push({ id: 'skew', level: 'warning', kind: 'entriesInFuture', count: s.future, maxLeadMs: s.maxLeadMs });
  }
  if (s.unknownLines > 0) {
    out.push({ id: 'unknown', level: 'info', kind: 'linesNotUnderstood', count: s.unknownLines });
  }
  return out;
}

export function applicationNotice(): Notice {
  return { id: 'noLog', level: 'info', kind: 'applicationHasNoLog' };
}

export function unknownIdNotice(): Notice {
  return { id: 'noLog', level: 'warning', kind: 'noClientId' };
}

/** The live feed was down for `offlineMs`; `read`: what happened meanwhile was read from the log
 *  (undefined while reading). */
export function interruptionNotice(offlineMs: number, hasLog: boolean, read: boolean | undefined): Notice {
  const level = hasLog && read === false ? 'warning' : 'info';
  return { id: 'gap', level, kind: 'liveInterrupted', offlineMs, hasLog, ...(read === undefined ? {} : { read }) };
}

export function logFailureNotice(error: unknown, entries: number): Notice {
  if (isPlatformError(error, 'notFound')) return { id: 'log', level: 'warning', kind: 'logNotFound', kept: entries };
  if (isPlatformError(error, 'rateLimited')) {
    return { id: 'log', level: 'warning', kind: 'logRateLimited', kept: entries };
  }
  return { id: 'log', level: 'error', kind: 'logFailed', kept: entries, detail: detailOf(error) };
}

export function stateFailureNotice(error: unknown): Notice {
  if (isPlatformError(error, 'notFound')) return { id: 'state', level: 'info', kind: 'stateNotFound' };
  if (isPlatformError(error, 'featureDisabled')) return { id: 'state', level: 'warning', kind: 'stateApiOff' };
  return { id: 'state', level: 'warning', kind: 'stateFailed', detail: detailOf(error) };
}

/** What a failure said, made plain for the panel. */
function detailOf(error: unknown): string {
  return plainText(messageOf(error), 300);
}
