// Live monitor messages (platform-contract.md §4) for the clients whose timelines are open, through a lease on
// the window's monitor connection (views/monitor), the one the pinned-client watcher uses too:
// each panel's lease names its client, so its topic is subscribed while the panel is open (and
// stays while a pin needs it). The link's state is told to the panel (live, or why not), never
// mistaken for the client's; after the link was down the panel is told, to catch up.

import * as vscode from 'vscode';
import { watchTopicOf } from '../../core/ids';
import type { MonitorMessage } from '../../core/monitor';
import type { LiveDown } from '../../shared/notices';
import type { ComponentLog } from '../../platform/log';
import type { ActivePlatform } from '../../features/platforms/active';
import type { MonitorLease } from '../../features/monitor/types';
import type { WindowMonitor } from '../../features/monitor/windowMonitor';
import { DisposableStore } from '../../platform/events';

export type LiveStatus = { readonly live: true } | { readonly live: false; readonly why: LiveDown };

export interface LiveWatcher {
  readonly clientId: string;
  message(message: MonitorMessage, receivedAt: number): void;
  status(status: LiveStatus): void;
  /** The link was down for `offlineMs` and is back: messages of that time were missed. */
  interrupted(offlineMs: number): void;
}

export interface LiveFeed {
  /** Messages about `watcher.clientId` from now until disposed. */
  watch(platform: ActivePlatform, watcher: LiveWatcher): vscode.Disposable;
}

export class TimelineLiveFeed implements LiveFeed {
  constructor(
    private readonly monitors: WindowMonitor,
    private readonly log: ComponentLog,
  ) {}

  watch(platform: ActivePlatform, watcher: LiveWatcher): vscode.Disposable {
    if (watchTopicOf(watcher.clientId) === undefined) {
      watcher.status({ live: false, why: { kind: 'noMonitorTopic' } });
      return new vscode.Disposable(() => undefined);
    }
    const leased = this.monitors.lease(platform);
    if (!leased.ok) {
      watcher.status({ live: false, why: { kind: 'noMonitor', detail: leased.reason } });
      return new vscode.Disposable(() => undefined);
    }
    const { lease } = leased;
    let refused: LiveDown | undefined;
    const safely = (what: string, fn: () => void) => {
      try {
        fn();
      } catch (error) {
        this.log.error(`a timeline failed on ${what}: ${String(error)}`);
      }
    };
    const report = () => safely('its live status', () => watcher.status(statusOf(lease, refused)));
    const subscriptions = new DisposableStore();
    subscriptions.push(
      lease,
      // The payload names the client: a message about another org's client of the same name is not this one's.
      lease.on(
        'message',
        (e) =>
          e.clientId === watcher.clientId &&
          safely('a monitor message', () => watcher.message(e.message, e.receivedAt)),
      ),
      lease.on('subscription', (s) => {
        refused = s.granted
          ? undefined
          : { kind: 'topicRefused', ...(s.reason === undefined ? {} : { detail: s.reason }) };
        report();
      }),
      lease.on('connection', report),
      lease.on('live', report),
      lease.on('reconnected', (r) => safely('a reconnect', () => watcher.interrupted(r.offlineMs))),
    );
    report();
    void lease.setClients([watcher.clientId]);
    // Disposed last first: the listeners go before the lease.
    return new vscode.Disposable(() => subscriptions.dispose());
  }
}

function statusOf(lease: MonitorLease, refused: LiveDown | undefined): LiveStatus {
  const down = (why: LiveDown): LiveStatus => ({ live: false, why });
  if (lease.live) return { live: true };
  if (refused !== undefined) return down(refused);
  const c = lease.connection;
  switch (c.state) {
    case 'connected':
      return down({ kind: 'subscribing' });
    case 'reconnecting':
      return down({ kind: 'reconnecting', detail: c.reason });
    case 'rejected':
      return down({ kind: 'rejected', detail: c.reason });
    case 'closed':
      return down({ kind: 'closed' });
    case 'connecting':
    case 'idle':
      return down({ kind: 'connecting' });
  }
}
