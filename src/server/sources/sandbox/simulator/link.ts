// One simulated client's MQTT connection: a real mqtt.js client against the sandbox's own
// listeners, never reconnecting by itself (the client's behaviour decides when), ended either
// cleanly (DISCONNECT → 0) or abruptly (socket destroyed → 91).

import { connect, type IClientOptions, type MqttClient } from 'mqtt';
import type { Ending } from './clock';

export interface Endpoint {
  url: string;
  /** The CA to trust (TLS). */
  ca?: string;
}

export interface LinkSpec {
  clientId: string;
  username: string;
  password: string;
  endpoint: Endpoint;
  protocolLevel: 3 | 4;
  keepAliveS: number;
  /** false: never send PINGREQ (a device whose loop is stuck), so the server times it out (160). */
  pinging: boolean;
  connectTimeoutMs: number;
}

export type Attempt =
  | { readonly ok: true; readonly link: Link }
  | { readonly ok: false; readonly connack?: number; readonly error: string };

/** A keep-alive timer that never fires: mqtt.js' documented `timerVariant` hook. */
const NEVER_PING = { set: () => 0, clear: () => {} } as unknown as NonNullable<IClientOptions['timerVariant']>;

export class Link implements Ending {
  private ended = false;
  private readonly listeners = new Set<() => void>();

  constructor(readonly client: MqttClient) {
    client.once('close', () => {
      this.ended = true;
      for (const l of [...this.listeners]) l();
      this.listeners.clear();
      // No reconnect is configured; this releases the client's own state and timers.
      client.end(true);
    });
  }

  get open(): boolean {
    return !this.ended && this.client.connected;
  }

  onEnd(listener: () => void): () => void {
    if (this.ended) {
      queueMicrotask(listener);
      return () => {};
    }
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves when the connection has closed, whoever closed it. */
  closed(): Promise<void> {
    return new Promise((resolve) => this.onEnd(resolve));
  }

  publish(topic: string, payload: string | Buffer): void {
    if (this.open) this.client.publish(topic, payload, { qos: 0 }, () => {});
  }

  subscribe(filters: readonly string[]): void {
    if (this.open) this.client.subscribe([...filters], { qos: 0 }, () => {});
  }

  /** Clean: MQTT DISCONNECT (close code 0). Abrupt: the socket just goes (91). */
  async end(clean: boolean): Promise<void> {
    if (this.ended) return;
    const done = this.closed();
    if (clean && this.client.connected) this.client.end(false);
    else this.client.stream.destroy();
    await done;
  }
}

/** Opens a connection; resolves with the link, or with why it was refused or failed. Never rejects. */
export function openLink(spec: LinkSpec, track: Set<MqttClient>): Promise<Attempt> {
  const client = connect(spec.endpoint.url, {
    clientId: spec.clientId,
    username: spec.username,
    password: spec.password,
    protocolVersion: spec.protocolLevel,
    protocolId: spec.protocolLevel === 3 ? 'MQIsdp' : 'MQTT',
    keepalive: spec.keepAliveS,
    clean: true,
    reconnectPeriod: 0,
    connectTimeout: spec.connectTimeoutMs,
    resubscribe: false,
    queueQoSZero: false,
    ...(spec.endpoint.ca !== undefined ? { ca: spec.endpoint.ca } : {}),
    ...(spec.pinging ? {} : { timerVariant: NEVER_PING }),
  });
  track.add(client);
  client.on('error', () => {}); // refusals are answered below; a dropped link shows as 'close'
  client.once('end', () => track.delete(client));
  return new Promise((resolve) => {
    const settle = (attempt: Attempt) => {
      client.off('connect', onConnect).off('error', onError).off('close', onClose).off('end', onClose);
      if (!attempt.ok) client.end(true);
      resolve(attempt);
    };
    const onConnect = () => settle({ ok: true, link: new Link(client) });
    const onError = (err: Error & { code?: unknown }) =>
      settle({ ok: false, error: err.message, ...(typeof err.code === 'number' ? { connack: err.code } : {}) });
    const onClose = () => settle({ ok: false, error: 'the connection closed before CONNACK' });
    client.on('connect', onConnect).on('error', onError).on('close', onClose).on('end', onClose);
  });
}
