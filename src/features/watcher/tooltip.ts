// The status-bar item's tooltip as Markdown (no `vscode` import; unit-tested): the watcher's own
// state first, then each pinned client — offline first — with its state, since when and the last
// cause, then the watcher's problems. Everything from devices is escaped; the caller still makes
// an untrusted MarkdownString without HTML.

import { clientLabel, closeWords } from '../../core/clientWords';
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
      return `**Watching** the monitor topics of ${platform} since ${formatRelative(c.since, now)}.`;
    case 'idle':
      return `**Connecting** to the broker of ${platform}…`;
    case 'connecting':
      return c.attempt > 1
        ? `**The watcher's own connection is down**: connecting to the broker of ${platform} again (attempt ` +
            `${c.attempt})…`
        : `**Connecting** to the broker of ${platform}…`;
    case 'reconnecting':
      return (
        `**The watcher's own connection is down** since ${formatRelative(c.since, now)} (attempt ${c.attempt}): ` +
        `${escapeMarkdown(c.reason, 300)}. ` +
        'It reconnects by itself; the states below are as last known and missed changes are reconciled when it is back.'
      );
    case 'rejected':
      return `**The broker refused the watcher**: ${escapeMarkdown(c.reason, 300)}.`;
    case 'unavailable':
      return `**Not watching**: ${escapeMarkdown(notWatchingWords(c.why), 300)}`;
    case 'closed':
      return '**Not watching.**';
  }
}

function notWatchingWords(why: NotWatching): string {
  switch (why.kind) {
    case 'noPlatform':
      return 'no platform is connected';
    case 'platformProblem':
      return why.message;
    case 'platformChanged':
      return 'the platform changed';
    case 'nothingPinned':
      return 'nothing is pinned';
    case 'noMonitor':
      return why.detail;
  }
}

/** A problem of the watcher in words (the tooltip lists them). */
export function problemWords(p: WatcherProblem): string {
  const clients = (n: number) => `${n} pinned client${n === 1 ? '' : 's'}`;
  switch (p.kind) {
    case 'initialReadsFailed':
      return (
        `The state of ${clients(p.failed)} could not be read (tried again when the watcher reconnects): ` +
        `${p.detail}`
      );
    case 'reconcileFailed':
      return (
        `Changes missed while the watcher was offline could not be checked for ${clients(p.failed)}` +
        `${p.retrying ? ' (trying again)' : ''}: ${p.detail}`
      );
    case 'reconcileError':
      return `Changes missed while the watcher was offline could not be checked: ${p.detail}`;
    case 'unreadableMessages':
      return (
        `${p.count} unreadable monitor message${p.count === 1 ? '' : 's'} ignored; the last: ${p.lastError} ` +
        `(${p.bytes} bytes)`
      );
    case 'subscriptionRefused':
      return (
        `The broker refused the subscription to ${p.topic} (${p.reason ?? 'refused'}): the pinned clients under ` +
        `it are not watched.`
      );
    case 'noMonitorTopics':
      return `${p.count} pinned id(s) have no monitor topic (too long for MQTT once encoded) and are not watched.`;
  }
}

/** A pinned client's state in plain words: "offline, disconnected 2 min ago", and its last cause. */
export function clientWords(
  s: PresenceSnapshot,
  now: number,
): { readonly state: string; readonly cause?: string; readonly offline: boolean } {
  const since = s.since !== undefined ? ` ${formatRelative(s.since, now)}` : '';
  const offline = classify(s) === 'offline';
  let state: string;
  if (s.status === 'connected') state = `connected${since}`;
  else if (s.status === 'disconnected') state = `offline, disconnected${since}`;
  else state = offline ? 'offline, never seen connected' : 'unknown (no news yet)';
  const cause =
    s.lastFailure && (s.lastDisconnect === undefined || (s.lastFailure.time ?? 0) >= (s.lastDisconnect.time ?? 0))
      ? `last failed to connect ${formatRelative(s.lastFailure.time, now)}: ${closeWords(s.lastFailure)}`
      : s.lastDisconnect
        ? `last cause: ${closeWords(s.lastDisconnect)}`
        : undefined;
  return { state, cause, offline };
}

export function clientLine(s: PresenceSnapshot, now: number): string {
  const w = clientWords(s, now);
  const state = escapeMarkdown(w.state, 100).replace(/^offline/, '**offline**');
  return (
    `- ${escapeMarkdown(clientLabel(s.clientId), 60)} — ` +
    `${state}${w.cause ? `; ${escapeMarkdown(w.cause, 200)}` : ''}`
  );
}

export function tooltipMarkdown(input: TooltipInput): string {
  const platform = input.platformName ? `"${escapeMarkdown(input.platformName, 60)}"` : 'the platform';
  const lines = [connectionLine(input.connection, input.now, platform), ''];
  const sorted = [...input.clients].sort((a, b) => ORDER[classify(a)] - ORDER[classify(b)]);
  for (const s of sorted.slice(0, TOOLTIP_ROWS)) lines.push(clientLine(s, input.now));
  if (sorted.length > TOOLTIP_ROWS) lines.push(`- … and ${sorted.length - TOOLTIP_ROWS} more (click to list them all)`);
  if (input.problems.length > 0) {
    lines.push('', '**Watcher problems**', '');
    for (const p of input.problems.slice(0, 5)) lines.push(`- ${escapeMarkdown(problemWords(p), 300)}`);
    if (input.problems.length > 5) lines.push(`- … and ${input.problems.length - 5} more (see the log)`);
  }
  lines.push('', "Click to list the pinned clients and open one's timeline.");
  return lines.join('\n');
}
