// What the one status-bar item says, in the person's language (no `vscode` import; unit-tested):
// computed from the tally in O(1), so it can follow every change. The watcher's own link is told
// apart from the clients: while it reconnects the item says so, in neutral colours, and never
// counts anyone offline.

import * as l10n from '@vscode/l10n';
import { clientLabel } from '../../core/clientWords';
import { formatCount, plural } from '../../core/l10n';
import type { MonitorConnection } from '../../platform/monitor/types';
import { statusBarSafe } from './statusText';
import type { TallyView } from './tally';

/** Why the watcher watches nothing. `message`: the host's words for a platform's problem; `detail`: an error's. */
export type NotWatching =
  | { readonly kind: 'noPlatform' }
  | { readonly kind: 'platformProblem'; readonly message: string }
  | { readonly kind: 'platformChanged' }
  | { readonly kind: 'nothingPinned' }
  | { readonly kind: 'noMonitor'; readonly detail: string };

/** The watcher's own state: the monitor's link, or why there is none. */
export type WatcherConnection = MonitorConnection | { readonly state: 'unavailable'; readonly why: NotWatching };

export type StatusKind =
  'hidden' | 'allConnected' | 'watching' | 'offline' | 'connecting' | 'reconnecting' | 'stopped' | 'refused';

export interface StatusModel {
  readonly kind: StatusKind;
  readonly text: string;
  /** Warning colours for offline clients, error colours when the watcher itself is refused. */
  readonly background?: 'warning' | 'error';
  /** The same in words, for screen readers (never colour alone). */
  readonly accessibility: string;
}

export interface StatusInput {
  readonly connection: WatcherConnection;
  readonly tally: TallyView;
  /** Problems of the watcher (refused subscriptions, failed reconciliation, unreadable messages). */
  readonly problems: number;
}

const NAMES_SHOWN = 2;

export function statusModel({ connection, tally, problems }: StatusInput): StatusModel {
  const n = tally.total;
  if (n === 0) return { kind: 'hidden', text: '', accessibility: '' };
  const pinned = formatCount(n);
  const flag = problems > 0 ? ' $(warning)' : '';
  const problemWords =
    problems > 0
      ? plural(
          problems,
          l10n.t('; {0} watcher problem, see the tooltip', formatCount(problems)),
          l10n.t('; {0} watcher problems, see the tooltip', formatCount(problems)),
        )
      : '';
  switch (connection.state) {
    case 'unavailable':
    case 'closed':
      return {
        kind: 'stopped',
        text: l10n.t('$(circle-slash) {0} pinned: not watching', pinned),
        accessibility: plural(
          n,
          l10n.t('IoT Connectivity: {0} pinned client, not watched', pinned),
          l10n.t('IoT Connectivity: {0} pinned clients, not watched', pinned),
        ),
      };
    case 'rejected':
      return {
        kind: 'refused',
        text: l10n.t('$(error) {0} pinned: watcher refused', pinned),
        background: 'error',
        accessibility: plural(
          n,
          l10n.t('IoT Connectivity: the watcher of {0} pinned client was refused by the broker', pinned),
          l10n.t('IoT Connectivity: the watcher of {0} pinned clients was refused by the broker', pinned),
        ),
      };
    case 'idle':
    case 'connecting':
      // A retry (attempt 2 on) is still the watcher's link being down: no flicker to "connecting".
      if (connection.state === 'connecting' && connection.attempt > 1) return reconnecting(n);
      return {
        kind: 'connecting',
        text: l10n.t('$(sync~spin) {0} pinned: connecting…', pinned),
        accessibility: plural(
          n,
          l10n.t('IoT Connectivity: connecting the watcher of {0} pinned client', pinned),
          l10n.t('IoT Connectivity: connecting the watcher of {0} pinned clients', pinned),
        ),
      };
    case 'reconnecting':
      return reconnecting(n);
    case 'connected':
      break;
  }
  if (tally.offline > 0) {
    const ids = tally.offlineIds(NAMES_SHOWN);
    const names = ids.map((id) => statusBarSafe(clientLabel(id), 30)).join(', ');
    const rest = tally.offline - ids.length;
    const offline = formatCount(tally.offline);
    return {
      kind: 'offline',
      background: 'warning',
      text:
        rest > 0
          ? l10n.t('$(debug-disconnect) {0} offline: {1} +{2}', offline, names, formatCount(rest)) + flag
          : l10n.t('$(debug-disconnect) {0} offline: {1}', offline, names) + flag,
      accessibility:
        (rest > 0
          ? l10n.t(
              'IoT Connectivity: {0} of {1} pinned clients offline: {2} and {3} more',
              offline,
              pinned,
              names,
              rest,
            )
          : l10n.t('IoT Connectivity: {0} of {1} pinned clients offline: {2}', offline, pinned, names)) + problemWords,
    };
  }
  const connected = formatCount(tally.connected);
  return {
    kind: tally.connected === n ? 'allConnected' : 'watching',
    text: `$(plug) ${connected}/${pinned}${flag}`,
    accessibility:
      (tally.unknown > 0
        ? l10n.t(
            'IoT Connectivity: {0} of {1} pinned clients connected, {2} unknown',
            connected,
            pinned,
            formatCount(tally.unknown),
          )
        : l10n.t('IoT Connectivity: {0} of {1} pinned clients connected', connected, pinned)) + problemWords,
  };
}

function reconnecting(n: number): StatusModel {
  const pinned = formatCount(n);
  return {
    kind: 'reconnecting',
    text: l10n.t('$(sync~spin) Watcher reconnecting ({0} pinned)', pinned),
    accessibility: plural(
      n,
      l10n.t(
        "IoT Connectivity: the watcher's own connection is down and reconnecting; the state of the {0} pinned " +
          'client is as last known',
        pinned,
      ),
      l10n.t(
        "IoT Connectivity: the watcher's own connection is down and reconnecting; the {0} pinned clients' " +
          'states are as last known',
        pinned,
      ),
    ),
  };
}
