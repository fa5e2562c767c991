// What the panel says about what it could not show, or why (no `vscode` import): from counts of
// odd log entries, and from failures of the calls. One sentence each, ids stable.

import { plainText } from '../../core/text';
import { formatDuration } from '../../core/timeWords';
import { isPlatformError } from '../../platform/errors';
import type { Notice } from '../../shared/protocol';
import { messageOf } from '../../core/errors';

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
  if (hasLog && done && s.entries === 0) {
    out.push({ id: 'empty', level: 'info', text: 'The connection log has no entries for this device.' });
  }
  const unreadable = [
    s.noTimestamp > 0 ? `${s.noTimestamp} without a timestamp` : '',
    s.badTimestamp > 0 ? `${s.badTimestamp} with an unreadable timestamp` : '',
    s.cut > 0 ? `${s.cut} with a message too long, cut to its first 4,096 characters` : '',
    s.notObject > 0 ? `${s.notObject} that are not entries at all` : '',
  ].filter(Boolean);
  if (unreadable.length > 0) {
    out.push({
      id: 'malformed',
      level: 'warning',
      text:
        `Some log entries could not be read fully: ${unreadable.join(', ')}. They are listed; those without a ` +
        `usable time are not drawn.`,
    });
  }
  if (s.outOfOrder > 0) {
    out.push({
      id: 'order',
      level: 'warning',
      text:
        `${s.outOfOrder} log entr${s.outOfOrder === 1 ? 'y was' : 'ies were'} out of time order; everything is ` +
        `drawn by its own time.`,
    });
  }
  if (s.future > 0) {
    out.push({
      id: 'skew',
      level: 'warning',
      text:
        `${s.future} entr${s.future === 1 ? 'y is' : 'ies are'} dated up to ${formatDuration(s.maxLeadMs)} in ` +
        `the future: the platform's clock and this computer's disagree.`,
    });
  }
  if (s.unknownLines > 0) {
    out.push({
      id: 'unknown',
      level: 'info',
      text: `${s.unknownLines} log line${s.unknownLines === 1 ? ' was' : 's were'} not understood; kept as "other".`,
    });
  }
  return out;
}

export function applicationNotice(): Notice {
  return {
    id: 'noLog',
    level: 'info',
    text:
      'Applications have no connection log (the Logs API serves devices and gateways): this timeline shows the ' +
      'state record and live monitor messages only.',
  };
}

export function unknownIdNotice(): Notice {
  return {
    id: 'noLog',
    level: 'warning',
    text: "This is not a client id of the platform's form (d:…, g:…, a:…, A:…): no connection log can be read for it.",
  };
}

/** The live feed was down for `offlineMs`; `read`: what happened meanwhile was read from the log
 *  (undefined while reading). */
export function interruptionNotice(offlineMs: number, hasLog: boolean, read: boolean | undefined): Notice {
  const gap = `Live updates were interrupted for ${formatDuration(offlineMs)} (the monitor connection was down)`;
  if (!hasLog) {
    return {
      id: 'gap',
      level: 'info',
      text:
        `${gap}. The state record was read again; what happened meanwhile may be missing: applications have no ` +
        `connection log.`,
    };
  }
  if (read === undefined) {
    return { id: 'gap', level: 'info', text: `${gap}. Reading what happened meanwhile from the connection log…` };
  }
  return read
    ? { id: 'gap', level: 'info', text: `${gap}. What happened meanwhile was read from the connection log.` }
    : {
        id: 'gap',
        level: 'warning',
        text: `${gap}. What happened meanwhile could not be read from the connection log: Reload to try again.`,
      };
}

export function logFailureNotice(error: unknown, entries: number): Notice {
  const kept = entries > 0 ? ` The ${entries} entries read before are shown.` : '';
  if (isPlatformError(error, 'notFound')) {
    return {
      id: 'log',
      level: 'warning',
      text:
        `The platform has no connection log for this device (404: the device type or device is not ` +
        `registered).${kept}`,
    };
  }
  if (isPlatformError(error, 'rateLimited')) {
    return {
      id: 'log',
      level: 'warning',
      text:
        `Reading the log stopped: the platform's rate limit (429) held for longer than waited.${kept} Continue ` +
        `when it has passed.`,
    };
  }
  return { id: 'log', level: 'error', text: `Reading the connection log failed: ${detailOf(error)}${kept}` };
}

export function stateFailureNotice(error: unknown): Notice {
  if (isPlatformError(error, 'notFound')) {
    return {
      id: 'state',
      level: 'info',
      text:
        'The platform has no state record for this client: it has not connected (or tried to) since the state ' +
        'API was switched on.',
    };
  }
  if (isPlatformError(error, 'featureDisabled')) {
    return {
      id: 'state',
      level: 'warning',
      text:
        'The Client Connection State API is switched off for this organization: no state record, so the current ' +
        'status comes from the history alone.',
    };
  }
  return { id: 'state', level: 'warning', text: `The state record could not be read: ${detailOf(error)}` };
}

/** What a failure said, made plain for the panel. */
function detailOf(error: unknown): string {
  return plainText(messageOf(error), 300);
}
