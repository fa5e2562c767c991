// The monitor client (platform-contract.md §4): one MQTT 3.1.1 application connection `a:{org}:{appId}` that
// subscribes to the monitor topics of a plan and reports each client's Connect, FailedConnect and
// Disconnect. Its own connection state is reported apart from client events. It reconnects by
// itself with exponential backoff and jitter (mqtt.js's fixed reconnectPeriod is switched off),
// resubscribes, and then emits `reconnected` so the caller reconciles what it missed. Wrong
// credentials stop it in 'rejected' instead of retrying forever. Nothing here throws into mqtt.js.

import mqtt, { type MqttClient } from 'mqtt';
import { appClientId, parseMonitorTopic } from '../../core/ids';
import { parseMonitorPayload } from '../../core/monitor';
import { PRESENCE_SKEW_MS } from '../../core/presence/presence';
import { parseInstant } from '../../core/time';
import { PlatformError } from '../errors';
import { mqttTransport } from '../proxy/agents';
import type { BackoffOptions } from '../backoff';
import { Emitter, type Disposable, type Listener } from '../events';
import { silentLog, type PlatformLog } from '../log';
import { redactor, type Redactor } from '../rest/redact';
import { quote } from '../rest/text';
import { describeFailure, type ConnectFailure } from './failure';
import { Reconnector } from './reconnector';
import { subscribeEach, topicMatches } from './subscriptions';
import type { MonitorConnection, MonitorEvent, MonitorEvents, MonitorOptions, MonitorPlan } from './types';
import { messageOf } from '../../core/errors';

const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 1_000, maxMs: 60_000 };

export class MonitorClient {
  private readonly log: PlatformLog;
  private readonly redact: Redactor;
  private readonly emitter: Emitter<MonitorEvents>;
  private readonly reconnector: Reconnector;
  private client?: MqttClient;
  private connection: MonitorConnection = { state: 'idle' };
  private plan: MonitorPlan = { topics: [] };
  /** Topics granted on the current connection. */
  private subscribed = new Set<string>();
  /** Topics the broker refused on the current connection: not asked again until it reconnects. */
  private refused = new Set<string>();
  private syncing: Promise<void> = Promise.resolve();
  private offlineSince?: number;
  /** Concrete topic → platform time of its last message delivered (see Reconnected.lastSeen). */
  private readonly lastSeen = new Map<string, number>();

  private readonly host: string;

  constructor(private readonly options: MonitorOptions) {
    this.host = brokerHost(options.mqttUrl);
    this.log = options.log ?? silentLog;
    this.redact = redactor([options.apiToken]);
    this.emitter = new Emitter((error) => this.log.error(`monitor: a listener failed: ${this.redact(String(error))}`));
    this.reconnector = new Reconnector(options.backoff ?? DEFAULT_BACKOFF, () => this.connect());
  }

  /** The MQTT client id this monitor connects with. */
  get clientId(): string {
    return appClientId(this.options.orgId, this.options.appId);
  }
  get state(): MonitorConnection {
    return this.connection;
  }
  get topics(): readonly string[] {
    return [...this.subscribed];
  }

  on<K extends keyof MonitorEvents>(name: K, listener: Listener<MonitorEvents[K]>): Disposable {
    return this.emitter.on(name, listener);
  }

  /** Connects (once); later calls do nothing. */
  start(): void {
    if (this.connection.state === 'idle') this.connect();
  }

  /** Starts over after 'rejected' (or at any time): a new connection, backoff reset. */
  restart(): void {
    if (this.connection.state === 'closed') return;
    this.reconnector.reset();
    this.dropClient();
    this.connect();
  }

  /** Subscribes to what the plan adds and unsubscribes from what it drops (now, or once connected). */
  setPlan(plan: MonitorPlan): Promise<void> {
    this.plan = { topics: [...new Set(plan.topics)], accepts: plan.accepts };
    for (const topic of this.refused) if (!this.plan.topics.includes(topic)) this.refused.delete(topic);
    for (const topic of this.lastSeen.keys()) if (!this.wants(topic)) this.lastSeen.delete(topic);
    return this.sync();
  }

  async dispose(): Promise<void> {
    if (this.connection.state === 'closed') return;
    this.reconnector.dispose();
    const client = this.client;
    this.client = undefined;
    this.setConnection({ state: 'closed' });
    this.emitter.clear();
    if (client) await endWithin(client, 2_000);
  }

  private connect(): void {
    const attempt = this.reconnector.attempt + 1;
    this.setConnection({ state: 'connecting', attempt });
    const { options } = this;
    let client: MqttClient;
    try {
      client = mqtt.connect(options.mqttUrl, {
        clientId: this.clientId,
        username: options.apiKey,
        password: options.apiToken,
        // 3.1.1, no `log`, no publishing: what dist/extension.js keeps of mqtt.js relies on it
        // (scripts/bundle-trim-extension.js; test/unit/scripts/bundleTrimExtension.test.ts).
        protocolVersion: 4,
        clean: true,
        keepalive: options.keepaliveSeconds ?? 30,
        connectTimeout: options.connectTimeoutMs ?? 10_000,
        reconnectPeriod: 0,
        resubscribe: false,
        ...mqttTransport(options.mqttUrl, options.proxy, {
          ca: options.ca,
          rejectUnauthorized: options.rejectUnauthorized ?? true,
        }),
      });
    } catch (error) {
      // mqtt.js refuses some options synchronously; it must not escape a reconnect timer.
      const reason = `the connection to ${this.host} could not be made: ` + `${this.redact(messageOf(error))}`;
      this.log.error(`monitor: ${reason}`);
      this.setConnection({ state: 'rejected', reason });
      return;
    }
    this.client = client;
    let failure: ConnectFailure | undefined;
    client.on('connect', () => this.onConnect(client));
    client.on('message', (topic, payload, packet) => this.onMessage(topic, payload, packet.retain));
    client.on('error', (error: Error & { code?: string | number }) => {
      failure = { message: error.message, code: error.code };
    });
    client.on('close', () => this.onClose(client, failure));
  }

  private onConnect(client: MqttClient): void {
    if (client !== this.client) return;
    this.reconnector.succeeded();
    this.subscribed = new Set();
    this.refused = new Set();
    const since = Date.now();
    this.setConnection({ state: 'connected', since });
    this.log.info(`monitor: connected as ${this.clientId}`);
    const offlineSince = this.offlineSince;
    this.offlineSince = undefined;
    // Taken now, before the retained messages of the new subscriptions update it.
    const lastSeen: ReadonlyMap<string, number> = new Map(this.lastSeen);
    void this.sync().then(() => {
      if (offlineSince !== undefined && client === this.client && client.connected) {
        this.emitter.emit('reconnected', { offlineSince, offlineMs: since - offlineSince, lastSeen });
      }
    });
  }

  private onClose(client: MqttClient, failure: ConnectFailure | undefined): void {
    if (client !== this.client) return;
    const wasConnected = this.connection.state === 'connected';
    // Offline from the first drop until the next connection; failed attempts in between extend it.
    if (wasConnected) this.offlineSince = Date.now();
    client.removeAllListeners('message');
    const described = describeFailure(failure, this.host, this.clientId, wasConnected, this.redact);
    if (described.final) {
      this.log.error(`monitor: ${described.reason}`);
      this.setConnection({ state: 'rejected', reason: described.reason, connackCode: described.connackCode });
      return;
    }
    const retryInMs = this.reconnector.schedule();
    this.log.warn(`monitor: ${described.reason}; reconnecting in ${retryInMs} ms`);
    this.setConnection({
      state: 'reconnecting',
      since: this.offlineSince ?? Date.now(),
      attempt: this.reconnector.attempt,
      retryInMs,
      reason: described.reason,
    });
  }

  private onMessage(topic: string, payload: Buffer, retained: boolean): void {
    try {
      // In flight from a dropped topic, or an unwanted client under a wildcard: not even parsed.
      if (!this.wants(topic)) return;
      const receivedAt = Date.now();
      const parsed = parseMonitorPayload(payload);
      if (!parsed.ok) {
        this.log.warn(`monitor: unreadable message on ${quote(topic)}: ${parsed.error}`);
        this.emitter.emit('invalid', { topic, error: parsed.error, bytes: payload.byteLength, receivedAt });
        return;
      }
      const event: MonitorEvent = {
        topic,
        subject: parseMonitorTopic(topic),
        clientId: parsed.message.ClientID,
        message: parsed.message,
        retained,
        receivedAt,
      };
      // Platform time, but never far past the arrival: a wild stamp must not hide later events.
      const time = Math.min(parseInstant(parsed.message.Time ?? '') ?? receivedAt, receivedAt + PRESENCE_SKEW_MS);
      this.lastSeen.set(topic, Math.max(time, this.lastSeen.get(topic) ?? -Infinity));
      this.emitter.emit('message', event);
    } catch (error) {
      this.log.error(`monitor: a message on ${quote(topic)} could not be handled: ${this.redact(String(error))}`);
    }
  }

  private wants(topic: string): boolean {
    return this.plan.topics.some((filter) => topicMatches(filter, topic)) && (this.plan.accepts?.(topic) ?? true);
  }

  /** Brings the broker's subscriptions in line with the plan; one sync at a time. */
  private sync(): Promise<void> {
    const run = this.syncing.then(() => this.syncOnce());
    this.syncing = run.catch((error) => this.log.error(`monitor: subscribing failed: ${this.redact(String(error))}`));
    return this.syncing;
  }

  private async syncOnce(): Promise<void> {
    const client = this.client;
    if (!client?.connected) return;
    const wanted = new Set(this.plan.topics);
    // New topics first, then drop old ones: a cover that changes shape leaves no gap.
    const add = [...wanted].filter((t) => !this.subscribed.has(t) && !this.refused.has(t));
    if (add.length > 0) {
      const outcome = await subscribeEach(client, add);
      if (client !== this.client) return;
      for (const result of outcome.results) {
        if (result.granted) this.subscribed.add(result.topic);
        else if (outcome.answered) this.refused.add(result.topic);
        if (!result.granted) {
          this.log.warn(`monitor: subscription to ${quote(result.topic)} failed: ${result.reason ?? 'refused'}`);
        }
        this.emitter.emit('subscription', result);
      }
    }
    const drop = [...this.subscribed].filter((t) => !wanted.has(t));
    if (drop.length > 0) {
      drop.forEach((t) => this.subscribed.delete(t));
      await client
        .unsubscribeAsync(drop)
        .catch((error: Error) => this.log.warn(`monitor: unsubscribe failed: ${this.redact(error.message)}`));
    }
  }

  private dropClient(): void {
    const client = this.client;
    this.client = undefined;
    client?.removeAllListeners();
    client?.on('error', () => {});
    client?.end(true);
  }

  private setConnection(connection: MonitorConnection): void {
    this.connection = connection;
    this.emitter.emit('connection', connection);
  }
}

const PROTOCOLS = ['mqtt:', 'mqtts:', 'ws:', 'wss:'];

/** `host:port` of a broker URL; a URL the monitor cannot use is a configuration error, at once. */
function brokerHost(mqttUrl: string): string {
  let url: URL | undefined;
  try {
    url = new URL(mqttUrl);
  } catch {
    url = undefined;
  }
  if (!url || !PROTOCOLS.includes(url.protocol) || url.username || url.password) {
    // Shown without any user name or password it may hold.
    const shown = url ? `${url.protocol}//${url.host}${url.pathname}` : mqttUrl;
    throw new PlatformError({
      kind: 'badRequest',
      message: `The MQTT URL ${quote(shown)} is not usable: give mqtts://host:8883 (or mqtt://, wss://host/mqtt), without credentials.`,
    });
  }
  return url.host;
}

/** A clean DISCONNECT when the broker answers in time; the socket closed regardless. */
async function endWithin(client: MqttClient, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  await Promise.race([client.endAsync(false).catch(() => undefined), late]);
  clearTimeout(timer);
  if (!client.disconnected) client.end(true);
}
