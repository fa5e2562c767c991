// Monitor clients for tests: every event recorded, and waits on what a test expects.

import { PresenceBook } from '../../../../src/core/presence/book';
import { MonitorClient, type MonitorEvent, type MonitorEvents, type MonitorOptions } from '../../../../src/platform';
import { DEFAULT_WAIT_MS } from '../../../support/waitFor';
import { nextEvent } from './wait';

export class WatchedMonitor {
  readonly monitor: MonitorClient;
  readonly messages: MonitorEvent[] = [];
  readonly states: MonitorEvents['connection'][] = [];
  readonly invalid: MonitorEvents['invalid'][] = [];
  readonly subscriptions: MonitorEvents['subscription'][] = [];
  /** What the extension would know of the pinned clients, fed as the watcher feeds it. */
  readonly book = new PresenceBook();

  constructor(options: MonitorOptions) {
    this.monitor = new MonitorClient(options);
    this.monitor.on('message', (e) => {
      this.messages.push(e);
      this.book.applyMonitor(e.message, e.retained, e.receivedAt);
    });
    this.monitor.on('connection', (c) => this.states.push(c));
    this.monitor.on('invalid', (p) => this.invalid.push(p));
    this.monitor.on('subscription', (s) => this.subscriptions.push(s));
  }

  /** The next (or an already received) message about `clientId` with `action`. */
  message(clientId: string, action: string, timeoutMs = DEFAULT_WAIT_MS): Promise<MonitorEvent> {
    const match = (e: MonitorEvent) => e.clientId === clientId && e.message.Action === action;
    const found = this.messages.find(match);
    if (found) return Promise.resolve(found);
    return nextEvent((l) => this.monitor.on('message', l), match, timeoutMs, `${action} of ${clientId}`);
  }

  /** Resolves once the broker has answered the subscription of `topic` (granted or not). */
  subscribed(topic: string, timeoutMs = DEFAULT_WAIT_MS): Promise<MonitorEvents['subscription']> {
    const found = this.subscriptions.find((s) => s.topic === topic);
    if (found) return Promise.resolve(found);
    return nextEvent(
      (l) => this.monitor.on('subscription', l),
      (s) => s.topic === topic,
      timeoutMs,
      `the subscription of ${topic}`,
    );
  }

  state(name: MonitorEvents['connection']['state'], timeoutMs = DEFAULT_WAIT_MS): Promise<MonitorEvents['connection']> {
    if (this.monitor.state.state === name) return Promise.resolve(this.monitor.state);
    return nextEvent(
      (l) => this.monitor.on('connection', l),
      (c) => c.state === name,
      timeoutMs,
      `the monitor to be ${name}`,
    );
  }
}
