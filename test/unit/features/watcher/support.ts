// A PinnedWatcher for tests against the sandbox: every transition, reconciliation and link state
// recorded, the status model and notices computed as the extension does, and waits on them.

import type { ConnectivityEvent } from '../../../../src/core/events/types';
import type { PresenceTransition } from '../../../../src/core/presence/presence';
import { PlatformRestClient } from '../../../../src/platform';
import type { MonitorConnection } from '../../../../src/platform/monitor/types';
import type { ReadyInfo } from '../../../../src/core/readyInfo';
import { NotificationPolicy, type WatcherNotice } from '../../../../src/features/watcher/notifyPolicy';
import { statusModel, type StatusModel } from '../../../../src/features/watcher/statusModel';
import type { ReconcileOutcome, WatcherOptions, WatcherRest } from '../../../../src/features/watcher/types';
import { PinnedWatcher } from '../../../../src/features/watcher/watcher';
import { waitFor } from '../../../support/waitFor';
import { captureLog, type LogLines } from '../../platform/support/clients';

let apps = 0;

export class ObservedWatcher {
  readonly watcher: PinnedWatcher;
  readonly transitions: PresenceTransition[] = [];
  readonly reconciled: ReconcileOutcome[] = [];
  readonly links: MonitorConnection['state'][] = [];
  readonly notices: WatcherNotice[] = [];
  readonly models: StatusModel[] = [];
  readonly log: LogLines = captureLog();
  readonly rest: WatcherRest;
  private readonly policy = new NotificationPolicy();

  constructor(
    ready: Pick<ReadyInfo, 'mqttUrl' | 'org' | 'apiKey' | 'apiToken' | 'apiUrl'>,
    o: Partial<WatcherOptions> & { rest?: WatcherRest; ca?: string; mqttUrl?: string } = {},
  ) {
    this.rest =
      o.rest ?? new PlatformRestClient({ apiUrl: ready.apiUrl, apiKey: ready.apiKey, apiToken: ready.apiToken });
    this.watcher = new PinnedWatcher(
      {
        platformName: 'test',
        mqttUrl: o.mqttUrl ?? ready.mqttUrl,
        orgId: ready.org,
        apiKey: ready.apiKey,
        apiToken: ready.apiToken,
        ca: o.ca,
        rest: this.rest,
      },
      {
        appId: `watcher-test-${++apps}`,
        backoff: { initialMs: 50, maxMs: 400 },
        initialGraceMs: 100,
        log: this.log,
        ...o,
      },
    );
    this.watcher.on('transition', (t) => {
      this.transitions.push(t);
      const notice = this.policy.offer(t, true, Date.now());
      if (notice) this.notices.push(notice);
    });
    this.watcher.on('reconciled', (r) => this.reconciled.push(r));
    this.watcher.on('connection', (c) => this.links.push(c.state));
    this.watcher.on('changed', () => this.models.push(this.status()));
  }

  status(): StatusModel {
    return statusModel({
      connection: this.watcher.connection,
      tally: this.watcher.tally,
      problems: this.watcher.problems.length,
    });
  }

  /** Once connected and subscribed to the current pins (a plan set after connecting resolves after the SUBACK). */
  async subscribed(timeoutMs = 5000): Promise<void> {
    await waitFor('the watcher connected', () => this.watcher.connection.state === 'connected', { timeoutMs });
    await this.watcher.setPins(this.watcher.snapshots().map((s) => s.clientId));
  }

  transition(what: string, match: (t: PresenceTransition) => boolean, timeoutMs = 5000): Promise<PresenceTransition> {
    return waitFor(what, () => this.transitions.find(match), { timeoutMs });
  }

  notice(what: string, match: (n: WatcherNotice) => boolean, timeoutMs = 5000): Promise<WatcherNotice> {
    return waitFor(what, () => this.notices.find(match), { timeoutMs });
  }

  /** Every event the watcher reported about `clientId`: live transitions and what reconciliation found. */
  eventsOf(clientId: string): ConnectivityEvent[] {
    const live = this.transitions.filter((t) => t.clientId === clientId).map((t) => t.event);
    const missed = this.reconciled.flatMap((r) => [...(r.missed.get(clientId) ?? [])]);
    return [...live, ...missed];
  }

  async dispose(): Promise<void> {
    await this.watcher.dispose();
    if (this.rest instanceof PlatformRestClient) this.rest.dispose();
  }
}
