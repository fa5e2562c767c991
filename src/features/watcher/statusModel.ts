// What the one status-bar item says (no `vscode` import; unit-tested): computed from the tally in
// O(1), so it can follow every change. The watcher's own link is told apart from the clients:
// while it reconnects the item says so, in neutral colours, and never counts anyone offline.

import { clientLabel } from '../../core/clientWords';
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
  const flag = problems > 0 ? ' $(warning)' : '';
  const problemWords = problems > 0 ? `; ${problems} watcher problem${problems === 1 ? '' : 's'}, see the tooltip` : '';
  switch (connection.state) {
    case 'unavailable':
    case 'closed':
      return {
        kind: 'stopped',
        text: `$(circle-slash) ${n} pinned: not watching`,
        accessibility: `IoT Connectivity: ${n} pinned clients, not watched`,
      };
    case 'rejected':
      return {
        kind: 'refused',
        text: `$(error) ${n} pinned: watcher refused`,
        background: 'error',
        accessibility: `IoT Connectivity: the watcher of ${n} pinned clients was refused by the broker`,
      };
    case 'idle':
    case 'connecting':
      // A retry (attempt 2 on) is still the watcher's link being down: no flicker to "connecting".
      if (connection.state === 'connecting' && connection.attempt > 1) return reconnecting(n);
      return {
        kind: 'connecting',
        text: `$(sync~spin) ${n} pinned: connecting…`,
        accessibility: `IoT Connectivity: connecting the watcher of ${n} pinned clients`,
      };
    case 'reconnecting':
      return reconnecting(n);
    case 'connected':
      break;
  }
  if (tally.offline > 0) {
    const ids = tally.offlineIds(NAMES_SHOWN);
    const names = ids.map((id) => statusBarSafe(clientLabel(id), 30)).join(', ');
    const more = tally.offline > ids.length ? ` +${tally.offline - ids.length}` : '';
    return {
      kind: 'offline',
      background: 'warning',
      text: `$(debug-disconnect) ${tally.offline} offline: ${names}${more}${flag}`,
      accessibility:
        `IoT Connectivity: ${tally.offline} of ${n} pinned clients offline: ` +
        `${names}${more ? ` and ${tally.offline - ids.length} more` : ''}${problemWords}`,
    };
  }
  const unknown = tally.unknown > 0 ? `, ${tally.unknown} unknown` : '';
  return {
    kind: tally.connected === n ? 'allConnected' : 'watching',
    text: `$(plug) ${tally.connected}/${n}${flag}`,
    accessibility: `IoT Connectivity: ${tally.connected} of ${n} pinned clients connected${unknown}${problemWords}`,
  };
}

function reconnecting(n: number): StatusModel {
  return {
    kind: 'reconnecting',
    text: `$(sync~spin) Watcher reconnecting (${n} pinned)`,
    accessibility:
      `IoT Connectivity: the watcher's own connection is down and reconnecting; the ${n} pinned ` +
      `clients' states are as last known`,
  };
}
