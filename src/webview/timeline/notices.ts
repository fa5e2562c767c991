// The panel's notices in words (shared/notices.ts holds the facts): the one place they are worded,
// where they are shown, in the person's language (core/l10n.ts) with Intl's plurals and numbers.

import * as l10n from '@vscode/l10n';
import { formatCount, plural } from '../../core/l10n';
import { formatDuration } from '../../core/timeWords';
import type { LiveDown, Notice, UnreadableEntries } from '../../shared/notices';
import { assertNever } from '../../shared/protocol';

function unreadableParts(n: UnreadableEntries): string[] {
  const c = formatCount;
  const parts: string[] = [];
  if (n.noTimestamp > 0) parts.push(l10n.t('{0} without a timestamp', c(n.noTimestamp)));
  if (n.badTimestamp > 0) parts.push(l10n.t('{0} with an unreadable timestamp', c(n.badTimestamp)));
  if (n.cut > 0) {
    parts.push(l10n.t('{0} with a message too long, cut to its first {1} characters', c(n.cut), c(n.maxMessage)));
  }
  if (n.notObject > 0) {
    parts.push(
      plural(
        n.notObject,
        l10n.t('{0} that is not an entry at all', c(n.notObject)),
        l10n.t('{0} that are not entries at all', c(n.notObject)),
      ),
    );
  }
  return parts;
}

export function noticeText(n: Notice): string {
  switch (n.kind) {
    case 'logEmpty':
      return l10n.t('The connection log has no entries for this client.');
    case 'entriesUnreadable':
      return l10n.t(
        'Some log entries could not be read fully: {0}. They are listed; those without a usable time are not drawn.',
        unreadableParts(n).join(', '),
      );
    case 'entriesOutOfOrder':
      return plural(
        n.count,
        l10n.t('{0} log entry was out of time order; everything is drawn by its own time.', formatCount(n.count)),
        l10n.t('{0} log entries were out of time order; everything is drawn by its own time.', formatCount(n.count)),
      );
    case 'entriesInFuture': {
      const [count, lead] = [formatCount(n.count), formatDuration(n.maxLeadMs)];
      return plural(
        n.count,
        l10n.t(
          "{0} entry is dated up to {1} in the future: the platform's clock and this computer's disagree.",
          count,
          lead,
        ),
        l10n.t(
          "{0} entries are dated up to {1} in the future: the platform's clock and this computer's disagree.",
          count,
          lead,
        ),
      );
    }
    case 'linesNotUnderstood':
      return plural(
        n.count,
        l10n.t('{0} log line was not understood; kept as "other".', formatCount(n.count)),
        l10n.t('{0} log lines were not understood; kept as "other".', formatCount(n.count)),
      );
    case 'applicationHasNoLog':
      return l10n.t(
        'Applications have no connection log (the Logs API serves devices and gateways): this timeline shows the ' +
          'state record and live monitor messages only.',
      );
    case 'noClientId':
      return l10n.t('An empty client id has no connection log.');
    case 'liveInterrupted':
      return interruptedText(n);
    case 'logNotFound':
      return (
        l10n.t(
          'The platform has no connection log for this client (404: the device type or device is not registered).',
        ) + kept(n.kept)
      );
    case 'logRateLimited':
      return l10n.t(
        "Reading the log stopped: the platform's rate limit (429) held for longer than waited.{0} Continue when " +
          'it has passed.',
        kept(n.kept),
      );
    case 'logFailed':
      return l10n.t('Reading the connection log failed: {0}', n.detail) + kept(n.kept);
    case 'stateNotFound':
      return l10n.t(
        'The platform has no state record for this client: it has not connected (or tried to) since the state API ' +
          'was switched on.',
      );
    case 'stateApiOff':
      return l10n.t(
        'The Client Connection State API is switched off for this organization: no state record, so the current ' +
          'status comes from the history alone.',
      );
    case 'stateFailed':
      return l10n.t('The state record could not be read: {0}', n.detail);
    case 'noPlatform':
      return n.message;
    case 'liveDown':
      return l10n.t('Live updates are not flowing: {0}.', liveDownText(n.why));
    case 'eventsUnreadable':
      return l10n.t('The events sent to this page could not be read: use Reload.');
    default:
      return assertNever(n, 'notice');
  }
}

function interruptedText(n: Extract<Notice, { kind: 'liveInterrupted' }>): string {
  const gap = formatDuration(n.offlineMs);
  if (!n.hasLog) {
    return l10n.t(
      'Live updates were interrupted for {0} (the monitor connection was down). The state record was read again; ' +
        'what happened meanwhile may be missing: applications have no connection log.',
      gap,
    );
  }
  if (n.read === undefined) {
    return l10n.t(
      'Live updates were interrupted for {0} (the monitor connection was down). Reading what happened meanwhile ' +
        'from the connection log…',
      gap,
    );
  }
  return n.read
    ? l10n.t(
        'Live updates were interrupted for {0} (the monitor connection was down). What happened meanwhile was ' +
          'read from the connection log.',
        gap,
      )
    : l10n.t(
        'Live updates were interrupted for {0} (the monitor connection was down). What happened meanwhile could ' +
          'not be read from the connection log: Reload to try again.',
        gap,
      );
}

/** " The 12 entries read before are shown.", or nothing. */
function kept(entries: number): string {
  if (entries <= 0) return '';
  return ` ${plural(
    entries,
    l10n.t('The {0} entry read before is shown.', formatCount(entries)),
    l10n.t('The {0} entries read before are shown.', formatCount(entries)),
  )}`;
}

function liveDownText(why: LiveDown): string {
  switch (why.kind) {
    case 'noMonitorTopic':
      return l10n.t('the client id has no monitor topic (too long for MQTT once encoded)');
    case 'noMonitor':
      return why.detail;
    case 'topicRefused':
      return why.detail !== undefined
        ? l10n.t('the monitor topic was refused: {0}', why.detail)
        : l10n.t('the monitor topic was refused: no reason given');
    case 'subscribing':
      return l10n.t('subscribing to the monitor topic…');
    case 'reconnecting':
      return l10n.t('the monitor connection dropped ({0}); reconnecting', why.detail);
    case 'rejected':
      return l10n.t('the platform refused the monitor connection ({0})', why.detail);
    case 'closed':
      return l10n.t('the monitor connection was closed (the platform changed): Reload to watch again');
    case 'connecting':
      return l10n.t('connecting to the monitor topics…');
    default:
      return assertNever(why, 'live state');
  }
}
