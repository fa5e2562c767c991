// The status-bar item's tooltip as Markdown, in the person's language (no `vscode` import;
// unit-tested): the watcher's own state first, then each pinned client — offline first — with its
// state, since when and the last cause, then the watcher's problems. Everything from devices is
// escaped; the caller still makes an untrusted MarkdownString without HTML.

import * as l10n from '@vscode/l10n';
import { clientLabel, closeWords } from '../../core/clientWords';
import { formatCount, plural } from '../../core/l10n';
import type { PresenceSnapshot } from '../../core/presence/presence';
import { formatRelative } from '../../core/timeWords';
import { escapeMarkdown } from '../../core/markdown';
import type { NotWatching, WatcherConnection } from './statusModel';
import { classify, type PinClass } from './tally';
import type { WatcherProblem } from './types';

export const TOOLTIP_ROWS = 20;

export interface TooltipInput {
  readonly platformName?: string;
  readonly connection: WatcherConnection;
  readonly clients: readonly PresenceSnapshot[];
  readonly problems: readonly WatcherProblem[];
  readonly now: number;
}

const ORDER: Record<PinClass, number> = { offline: 0, unknown: 1, connected: 2 };

function connectionLine(c: WatcherConnection, now: number, platform: string): string {
  switch (c.state) {
    case 'connected':
      return l10n.t('**Watching** the monitor topics of {0} since {1}.', platform, formatRelative(c.since, now));
    case 'idle':
      return l10n.t('**Connecting** to the broker of {0}…', platform);
    case 'connecting':
      return c.attempt > 1
        ? l10n.t(
            "**The watcher's own connection is down**: connecting to the broker of {0} again (attempt {1})…",
            platform,
            formatCount(c.attempt),
          )
        : l10n.t('**Connecting** to the broker of {0}…', platform);
    case 'reconnecting':
      return l10n.t(
        "**The watcher's own connection is down** since {0} (attempt {1}): {2}. It reconnects by itself; the " +
          'states below are as last known and missed changes are reconciled when it is back.',
        formatRelative(c.since, now),
        formatCount(c.attempt),
        escapeMarkdown(c.reason, 300),
      );
    case 'rejected':
      return l10n.t('**The broker refused the watcher**: {0}.', escapeMarkdown(c.reason, 300));
    case 'unavailable':
      return l10n.t('**Not watching**: {0}', escapeMarkdown(notWatchingWords(c.why), 300));
    case 'closed':
      return l10n.t('**Not watching.**');
  }
}

function notWatchingWords(why: NotWatching): string {
  switch (why.kind) {
    case 'noPlatform':
      return l10n.t('no platform is connected');
    case 'platformProblem':
      return why.message;
    case 'platformChanged':
      return l10n.t('the platform changed');
    case 'nothingPinned':
      return l10n.t('nothing is pinned');
    case 'noMonitor':
      return why.detail;
  }
}

/** "3 pinned clients", by the language's plural rules. */
function pinnedClients(n: number): string {
  const c = formatCount(n);
  return plural(n, l10n.t('{0} pinned client', c), l10n.t('{0} pinned clients', c));
}

/** A problem of the watcher in words (the tooltip lists them). */
export function problemWords(p: WatcherProblem): string {
  switch (p.kind) {
    case 'initialReadsFailed':
      return l10n.t(
        'The state of {0} could not be read (tried again when the watcher reconnects): {1}',
        pinnedClients(p.failed),
        p.detail,
      );
    case 'reconcileFailed':
      return p.retrying
        ? l10n.t(
            'Changes missed while the watcher was offline could not be checked for {0} (trying again): {1}',
            pinnedClients(p.failed),
            p.detail,
          )
        : l10n.t(
            'Changes missed while the watcher was offline could not be checked for {0}: {1}',
            pinnedClients(p.failed),
            p.detail,
          );
    case 'reconcileError':
      return l10n.t('Changes missed while the watcher was offline could not be checked: {0}', p.detail);
    case 'unreadableMessages': {
      const [n, bytes] = [formatCount(p.count), formatCount(p.bytes)];
      return plural(
        p.count,
        l10n.t('{0} unreadable monitor message ignored; the last: {1} ({2} bytes)', n, p.lastError, bytes),
        l10n.t('{0} unreadable monitor messages ignored; the last: {1} ({2} bytes)', n, p.lastError, bytes),
      );
    }
    case 'subscriptionRefused':
      return p.reason !== undefined
        ? l10n.t(
            'The broker refused the subscription to {0} ({1}): the pinned clients under it are not watched.',
            p.topic,
            p.reason,
          )
        : l10n.t('The broker refused the subscription to {0}: the pinned clients under it are not watched.', p.topic);
    case 'noMonitorTopics':
      return plural(
        p.count,
        l10n.t(
          '{0} pinned id has no monitor topic (too long for MQTT once encoded) and is not watched.',
          formatCount(p.count),
        ),
        l10n.t(
          '{0} pinned ids have no monitor topic (too long for MQTT once encoded) and are not watched.',
          formatCount(p.count),
        ),
      );
  }
}

/** A pinned client's state in plain words: "offline, disconnected 2 min. ago", and its last cause. */
export function clientWords(
  s: PresenceSnapshot,
  now: number,
): { readonly state: string; readonly cause?: string; readonly offline: boolean } {
  const since = s.since !== undefined ? formatRelative(s.since, now) : undefined;
  const offline = classify(s) === 'offline';
  let state: string;
  if (s.status === 'connected') state = since ? l10n.t('connected {0}', since) : l10n.t('connected');
  else if (s.status === 'disconnected') {
    state = since ? l10n.t('offline, disconnected {0}', since) : l10n.t('offline, disconnected');
  } else state = offline ? l10n.t('offline, never seen connected') : l10n.t('unknown (no news yet)');
  const cause =
    s.lastFailure && (s.lastDisconnect === undefined || (s.lastFailure.time ?? 0) >= (s.lastDisconnect.time ?? 0))
      ? l10n.t('last failed to connect {0}: {1}', formatRelative(s.lastFailure.time, now), closeWords(s.lastFailure))
      : s.lastDisconnect
        ? l10n.t('last cause: {0}', closeWords(s.lastDisconnect))
        : undefined;
  return { state, cause, offline };
}

/** "- sensor-7 — **offline, disconnected 2 min. ago**; last cause: …": an offline client's state in bold. */
export function clientLine(s: PresenceSnapshot, now: number): string {
  const w = clientWords(s, now);
  const state = escapeMarkdown(w.state, 100);
  return (
    `- ${escapeMarkdown(clientLabel(s.clientId), 60)} — ` +
    `${w.offline ? `**${state}**` : state}${w.cause ? `; ${escapeMarkdown(w.cause, 200)}` : ''}`
  );
}

export function tooltipMarkdown(input: TooltipInput): string {
  const platform = input.platformName ? `"${escapeMarkdown(input.platformName, 60)}"` : l10n.t('the platform');
  const lines = [connectionLine(input.connection, input.now, platform), ''];
  const sorted = [...input.clients].sort((a, b) => ORDER[classify(a)] - ORDER[classify(b)]);
  for (const s of sorted.slice(0, TOOLTIP_ROWS)) lines.push(clientLine(s, input.now));
  if (sorted.length > TOOLTIP_ROWS) {
    lines.push(`- ${l10n.t('… and {0} more (click to list them all)', formatCount(sorted.length - TOOLTIP_ROWS))}`);
  }
  if (input.problems.length > 0) {
    lines.push('', l10n.t('**Watcher problems**'), '');
    for (const p of input.problems.slice(0, 5)) lines.push(`- ${escapeMarkdown(problemWords(p), 300)}`);
    if (input.problems.length > 5) {
      lines.push(`- ${l10n.t('… and {0} more (see the log)', formatCount(input.problems.length - 5))}`);
    }
  }
  lines.push('', l10n.t("Click to list the pinned clients and open one's timeline."));
  return lines.join('\n');
}
