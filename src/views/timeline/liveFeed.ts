// Live monitor messages (spec §4) for the clients whose timelines are open: one application
// connection of its own, made when the first panel starts watching and closed when the last one
// stops, subscribed to exactly the monitor topics of the open panels. Its link's state is told
// to the panels (live, or why not), never mistaken for a client's.

import * as vscode from 'vscode';
import { monitorTopicFor, orgFromApiKey, parseClientId } from '../../core/ids';
import type { MonitorMessage } from '../../core/monitor';
import { MonitorClient } from '../../platform/monitor/monitorClient';
import type { MonitorConnection, MonitorEvent } from '../../platform/monitor/types';
import type { ComponentLog } from '../../vscode/log';
import type { ActivePlatform } from '../../vscode/platforms/service';

export type LiveStatus = { readonly live: true } | { readonly live: false; readonly reason: string };

export interface LiveWatcher {
  readonly clientId: string;
  message(message: MonitorMessage, receivedAt: number): void;
  status(status: LiveStatus): void;
}

export interface LiveFeed {
  /** Messages about `watcher.clientId` from now until disposed. */
  watch(platform: ActivePlatform, watcher: LiveWatcher): vscode.Disposable;
}

export class TimelineLiveFeed implements LiveFeed, vscode.Disposable {
  private readonly watchers = new Set<LiveWatcher>();
  private monitor?: { client: MonitorClient; platform: ActivePlatform; subscriptions: vscode.Disposable[] };
  private state: LiveStatus = { live: false, reason: 'connecting to the monitor topics…' };

  constructor(private readonly log: ComponentLog, private readonly appId = `iotc-timeline-${Math.random().toString(36).slice(2, 10)}`) {}

  watch(platform: ActivePlatform, watcher: LiveWatcher): vscode.Disposable {
    const topic = topicOf(watcher.clientId);
    if (!topic) {
      watcher.status({ live: false, reason: 'the client id is not of the platform\'s form, so it has no monitor topic' });
      return new vscode.Disposable(() => undefined);
    }
    if (this.monitor && this.monitor.platform !== platform) this.close();
    if (!this.monitor) {
      const problem = this.open(platform);
      if (problem) {
        watcher.status({ live: false, reason: problem });
        return new vscode.Disposable(() => undefined);
      }
    }
    this.watchers.add(watcher);
    watcher.status(this.state);
    void this.plan();
    return new vscode.Disposable(() => {
      this.watchers.delete(watcher);
      if (this.watchers.size === 0) this.close();
      else void this.plan();
    });
  }

  dispose(): void {
    this.watchers.clear();
    this.close();
  }

  private open(platform: ActivePlatform): string | undefined {
    const { mqttUrl, orgId = orgFromApiKey(platform.resolved.apiKey) } = platform.resolved;
    if (!mqttUrl) return 'the platform has no MQTT URL configured';
    if (!orgId) return 'the platform\'s organization id is not known';
    const client = new MonitorClient({
      mqttUrl, orgId, appId: this.appId, apiKey: platform.credentials.apiKey, apiToken: platform.credentials.apiToken,
      ca: platform.credentials.ca, rejectUnauthorized: platform.resolved.rejectUnauthorized, log: this.log,
    });
    const subscriptions = [
      client.on('message', (e) => this.deliver(e)),
      client.on('connection', (c) => this.setState(stateOf(c))),
      client.on('subscription', (s) => !s.granted && this.setState({ live: false, reason: `the monitor topic was refused: ${s.reason ?? 'no reason given'}` })),
    ].map((d) => new vscode.Disposable(() => d.dispose()));
    this.monitor = { client, platform, subscriptions };
    this.state = { live: false, reason: 'connecting to the monitor topics…' };
    client.start();
    return undefined;
  }

  private close(): void {
    const m = this.monitor;
    this.monitor = undefined;
    if (!m) return;
    for (const s of m.subscriptions) s.dispose();
    void m.client.dispose().catch((error: unknown) => this.log.warn(`monitor did not close cleanly: ${String(error)}`));
  }

  private async plan(): Promise<void> {
    const topics = [...new Set([...this.watchers].map((w) => topicOf(w.clientId)).filter((t): t is string => t !== undefined))];
    try {
      await this.monitor?.client.setPlan({ topics });
    } catch (error) {
      this.log.warn(`monitor plan failed: ${String(error)}`);
    }
  }

  private deliver(e: MonitorEvent): void {
    const clientId = e.clientId ?? e.message.ClientID;
    for (const w of this.watchers) {
      if (w.clientId !== clientId) continue;
      try {
        w.message(e.message, e.receivedAt);
      } catch (error) {
        this.log.error(`a timeline failed on a monitor message: ${String(error)}`);
      }
    }
  }

  private setState(state: LiveStatus | undefined): void {
    if (!state) return;
    this.state = state;
    for (const w of this.watchers) w.status(state);
  }
}

function topicOf(clientId: string): string | undefined {
  const id = parseClientId(clientId);
  return id ? monitorTopicFor(id) : undefined;
}

function stateOf(c: MonitorConnection): LiveStatus | undefined {
  switch (c.state) {
    case 'connected': return { live: true };
    case 'reconnecting': return { live: false, reason: `the monitor connection dropped (${c.reason}); reconnecting` };
    case 'rejected': return { live: false, reason: `the platform refused the monitor connection (${c.reason})` };
    case 'connecting': case 'idle': case 'closed': return undefined;
  }
}
