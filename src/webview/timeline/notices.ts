// The panel's notices in words (shared/notices.ts holds the facts): the one place they are worded,
// where they are shown.

import { formatDuration } from '../../core/timeWords';
import type { LiveDown, Notice } from '../../shared/notices';
import { assertNever } from '../../shared/protocol';

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

export function noticeText(n: Notice): string {
  switch (n.kind) {
    case 'logEmpty':
      return 'The connection log has no entries for this client.';
    case 'entriesUnreadable': {
      const unreadable = [
        n.noTimestamp > 0 ? `${n.noTimestamp} without a timestamp` : '',
        n.badTimestamp > 0 ? `${n.badTimestamp} with an unreadable timestamp` : '',
        n.cut > 0
          ? `${n.cut} with a message too long, cut to its first ${n.maxMessage.toLocaleString('en')} characters`
          : '',
        n.notObject > 0 ? `${n.notObject} that are not entries at all` : '',
      ].filter(Boolean);
      return (
        `Some log entries could not be read fully: ${unreadable.join(', ')}. They are listed; those without a ` +
        `usable time are not drawn.`
      );
    }
    case 'entriesOutOfOrder':
      return (
        `${n.count} log ${plural(n.count, 'entry was', 'entries were')} out of time order; everything is drawn ` +
        `by its own time.`
      );
    case 'entriesInFuture':
      return (
        `${n.count} ${plural(n.count, 'entry is', 'entries are')} dated up to ${formatDuration(n.maxLeadMs)} in ` +
        `the future: the platform's clock and this computer's disagree.`
      );
    case 'linesNotUnderstood':
      return `${n.count} log ${plural(n.count, 'line was', 'lines were')} not understood; kept as "other".`;
    case 'applicationHasNoLog':
      return (
        'Applications have no connection log (the Logs API serves devices and gateways): this timeline shows the ' +
        'state record and live monitor messages only.'
      );
    case 'noClientId':
      return 'An empty client id has no connection log.';
    case 'liveInterrupted': {
      const gap = `Live updates were interrupted for ${formatDuration(n.offlineMs)} (the monitor connection was down)`;
      if (!n.hasLog) {
        return (
          `${gap}. The state record was read again; what happened meanwhile may be missing: applications have no ` +
          `connection log.`
        );
      }
      if (n.read === undefined) return `${gap}. Reading what happened meanwhile from the connection log…`;
      return n.read
        ? `${gap}. What happened meanwhile was read from the connection log.`
        : `${gap}. What happened meanwhile could not be read from the connection log: Reload to try again.`;
    }
    case 'logNotFound':
      return (
        `The platform has no connection log for this client (404: the device type or device is not ` +
        `registered).${kept(n.kept)}`
      );
    case 'logRateLimited':
      return (
        `Reading the log stopped: the platform's rate limit (429) held for longer than waited.${kept(n.kept)} ` +
        `Continue when it has passed.`
      );
    case 'logFailed':
      return `Reading the connection log failed: ${n.detail}${kept(n.kept)}`;
    case 'stateNotFound':
      return (
        'The platform has no state record for this client: it has not connected (or tried to) since the state ' +
        'API was switched on.'
      );
    case 'stateApiOff':
      return (
        'The Client Connection State API is switched off for this organization: no state record, so the current ' +
        'status comes from the history alone.'
      );
    case 'stateFailed':
      return `The state record could not be read: ${n.detail}`;
    case 'noPlatform':
      return n.message;
    case 'liveDown':
      return `Live updates are not flowing: ${liveDownText(n.why)}.`;
    case 'eventsUnreadable':
      return 'The events sent to this page could not be read: use Reload.';
    default:
      return assertNever(n, 'notice');
  }
}

function kept(entries: number): string {
  return entries > 0 ? ` The ${entries} entries read before are shown.` : '';
}

function liveDownText(why: LiveDown): string {
  switch (why.kind) {
    case 'noMonitorTopic':
      return 'the client id has no monitor topic (too long for MQTT once encoded)';
    case 'noMonitor':
      return why.detail;
    case 'topicRefused':
      return `the monitor topic was refused: ${why.detail ?? 'no reason given'}`;
    case 'subscribing':
      return 'subscribing to the monitor topic…';
    case 'reconnecting':
      return `the monitor connection dropped (${why.detail}); reconnecting`;
    case 'rejected':
      return `the platform refused the monitor connection (${why.detail})`;
    case 'closed':
      return 'the monitor connection was closed (the platform changed): Reload to watch again';
    case 'connecting':
      return 'connecting to the monitor topics…';
    default:
      return assertNever(why, 'live state');
  }
}
