// Small promises over mqtt.js clients for tests: connected, refused, closed, and an inbox that
// waits for the message a test expects.

import type { MqttClient } from 'mqtt';
import { DEFAULT_WAIT_MS, nextEvent } from './waitFor';

/** Resolves when the client is connected; rejects with the refusal (its `code` is the CONNACK code). */
export function connected(client: MqttClient, timeoutMs = DEFAULT_WAIT_MS): Promise<MqttClient> {
  if (client.connected) return Promise.resolve(client);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error('timed out waiting for CONNACK')), timeoutMs);
    const done = (err?: Error) => {
      clearTimeout(timer);
      client.off('connect', onConnect).off('error', done).off('close', onClose);
      if (err) reject(err);
      else resolve(client);
    };
    const onConnect = () => done();
    const onClose = () => done(new Error('closed before CONNACK'));
    client.on('connect', onConnect).on('error', done).on('close', onClose);
  });
}

/** The CONNACK return code of a refused connection. */
export async function refusedWith(client: MqttClient): Promise<number> {
  try {
    await connected(client);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'number') return code;
    throw err;
  }
  throw new Error('the connection was accepted');
}

/** Resolves when the client's connection has closed (at once if it already has). */
export async function closed(client: MqttClient, timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
  if (!client.connected && !client.reconnecting && client.stream?.destroyed !== false) return;
  await nextEvent(client, 'close', timeoutMs);
}

export interface Received {
  topic: string;
  text: string;
  retain: boolean;
  json(): Record<string, unknown>;
}

/** Every message a client receives, from the moment the inbox is made. */
export class Inbox {
  readonly messages: Received[] = [];
  private readonly waiters = new Set<() => void>();

  constructor(client: MqttClient) {
    client.on('message', (topic, payload, packet) => {
      const text = payload.toString('utf8');
      this.messages.push({
        topic,
        text,
        retain: packet.retain,
        json: () => JSON.parse(text) as Record<string, unknown>,
      });
      for (const wake of this.waiters) wake();
    });
  }

  /** The first message (already received or still to come) that `match` accepts. */
  next(what: string, match: (m: Received) => boolean, timeoutMs = DEFAULT_WAIT_MS): Promise<Received> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.messages.find(match);
        if (!found) return;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(
          new Error(
            `timed out waiting for ${what}; received: ` +
              `${this.messages.map((m) => `${m.topic} ${m.text.slice(0, 120)}`).join(' | ') || 'nothing'}`,
          ),
        );
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  /** Monitor messages about one client id with one Action. */
  monitor(clientId: string, action: string, timeoutMs?: number): Promise<Received> {
    return this.next(
      `${action} of ${clientId}`,
      (m) =>
        m.topic.endsWith('/mon') &&
        m.text.includes(`"ClientID":${JSON.stringify(clientId)}`) &&
        m.json().Action === action,
      timeoutMs,
    );
  }
}

export function subscribed(client: MqttClient, topics: string | string[]): Promise<void> {
  return new Promise((resolve, reject) =>
    client.subscribe(topics, { qos: 0 }, (err) => (err ? reject(err) : resolve())),
  );
}
