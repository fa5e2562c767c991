// One picture of the watcher, taken once per render (no `vscode` import; unit-tested): the
// status-bar item, the "Pinned" rows and the view's badge are all drawn from the same frame, so
// they never tell two different stories, whatever happened to the live model in between.

import type { PresenceSnapshot } from '../../core/presence/presence';
import type { WatcherConnection } from './statusModel';
import type { TallyView } from './tally';
import type { WatcherProblem } from './types';

/** What a frame is taken from: the live watcher of the active platform. */
export interface FrameSource {
  readonly platform?: { readonly name: string };
  readonly connection: WatcherConnection;
  readonly tally: TallyView;
  readonly problems: readonly WatcherProblem[];
  snapshots(): PresenceSnapshot[];
  /** Clients watched for a while only (a debug session's), not pinned by the person. */
  transientIds?(): ReadonlySet<string>;
}

export interface WatcherFrame {
  readonly platformName?: string;
  readonly connection: WatcherConnection;
  readonly tally: TallyView;
  readonly problems: readonly WatcherProblem[];
  readonly snapshots: readonly PresenceSnapshot[];
  /** Offline pinned clients while the watcher is connected (what the badge counts); else 0. */
  readonly offlineShown: number;
  /** Of the snapshots, those watched for a debug session only: shown in its group, not under "Pinned". */
  readonly transient: ReadonlySet<string>;
}

/** How many offline ids a frame keeps (the status bar names two). */
const IDS_KEPT = 8;

function frozenTally(t: TallyView): TallyView {
  const ids = t.offlineIds(IDS_KEPT);
  const { total, connected, offline, unknown } = t;
  return { total, connected, offline, unknown, offlineIds: (n) => ids.slice(0, n) };
}

export function takeFrame(source: FrameSource): WatcherFrame {
  const tally = frozenTally(source.tally);
  const connection = source.connection;
  return {
    platformName: source.platform?.name,
    connection,
    tally,
    problems: [...source.problems],
    snapshots: source.snapshots(),
    offlineShown: connection.state === 'connected' ? tally.offline : 0,
    transient: new Set(source.transientIds?.() ?? []),
  };
}

export const EMPTY_FRAME: WatcherFrame = {
  connection: { state: 'unavailable', why: { kind: 'noPlatform' } },
  tally: { total: 0, connected: 0, offline: 0, unknown: 0, offlineIds: () => [] },
  problems: [],
  snapshots: [],
  offlineShown: 0,
  transient: new Set(),
};
