// Leases on a shared monitor for tests: everything each one is delivered, recorded, and waits on it.

import { deviceMonitorTopic } from '../../../../src/core/ids';
import type {
  MonitorConnection,
  MonitorEvent,
  Reconnected,
  SubscriptionResult,
} from '../../../../src/platform/monitor/types';
import type { PlatformRestClient } from '../../../../src/platform';
import type { SharedMonitor } from '../../../../src/features/monitor/sharedMonitor';
import type { MonitorLease } from '../../../../src/features/monitor/types';
import { waitFor } from '../../../support/waitFor';

export class RecordedLease {
  readonly lease: MonitorLease;
  readonly messages: MonitorEvent[] = [];
  readonly links: MonitorConnection['state'][] = [];
  readonly reconnects: Reconnected[] = [];
  readonly subscriptions: SubscriptionResult[] = [];

  constructor(
    monitor: SharedMonitor,
    readonly name: string,
  ) {
    this.lease = monitor.lease();
    this.lease.on('message', (e) => this.messages.push(e));
    this.lease.on('connection', (c) => this.links.push(c.state));
    this.lease.on('reconnected', (r) => this.reconnects.push(r));
    this.lease.on('subscription', (s) => this.subscriptions.push(s));
  }

  /** Actions delivered about `clientId`, in order (retained ones marked with `*`). */
  actionsOf(clientId: string): string[] {
    return this.messages
      .filter((m) => m.clientId === clientId)
      .map((m) => `${m.message.Action}${m.retained ? '*' : ''}`);
  }

  clientsSeen(): string[] {
    return [...new Set(this.messages.map((m) => m.clientId ?? '?'))].sort();
  }

  live(timeoutMs = 5000): Promise<true> {
    return waitFor(`${this.name} live`, () => this.lease.live, { timeoutMs });
  }

  message(clientId: string, action: string, timeoutMs = 5000): Promise<MonitorEvent> {
    return waitFor(
      `${this.name}: ${action} of ${clientId}`,
      () => this.messages.find((m) => m.clientId === clientId && m.message.Action === action && !m.retained),
      { timeoutMs },
    );
  }
}

export function topicOf(d: { typeId: string; deviceId: string }): string {
  return deviceMonitorTopic(d.typeId, d.deviceId);
}

/** The ids of the connected applications whose app id starts with `prefix`, per the state API. */
export async function connectedApps(rest: PlatformRestClient, org: string, prefix: string): Promise<string[]> {
  const page = await rest.listClientStates({
    query: { clientType: 'application', connectionStatus: 'connected' },
    limit: 100,
  });
  return page.records
    .map((r) => r.id)
    .filter((id) => id.startsWith(`a:${org}:${prefix}`))
    .sort();
}
