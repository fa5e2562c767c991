// The load generator's client code, the same for every broker it is pointed at: real mqtt.js
// clients (MQTT 3.1.1, no reconnect), opened `concurrency` at a time.

import { connect, type MqttClient } from 'mqtt';
import type { BenchDevice } from './sandbox';

export interface Opened {
  clients: MqttClient[];
  /** From the first CONNECT to the last CONNACK. */
  ms: number;
  failed: number;
}

function open(url: string, d: BenchDevice): Promise<MqttClient | undefined> {
  const client = connect(url, {
    clientId: d.clientId,
    username: d.username,
    password: d.password,
    reconnectPeriod: 0,
    keepalive: 60,
    connectTimeout: 60_000,
  });
  return new Promise((resolve) => {
    client.once('connect', () => resolve(client));
    client.once('error', () => resolve(undefined));
    client.once('close', () => resolve(undefined));
  }).then((c) => {
    client.removeAllListeners('error').on('error', () => {});
    if (!c) client.end(true);
    return c as MqttClient | undefined;
  });
}

export async function openAll(url: string, devices: readonly BenchDevice[], concurrency: number): Promise<Opened> {
  const clients: MqttClient[] = [];
  let next = 0,
    failed = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, devices.length) }, async () => {
      while (next < devices.length) {
        const c = await open(url, devices[next++]);
        if (c) clients.push(c);
        else failed++;
      }
    }),
  );
  return { clients, ms: performance.now() - start, failed };
}

/** Drops every connection (no DISCONNECT) and waits until each has closed. */
export async function dropAll(clients: readonly MqttClient[]): Promise<void> {
  await Promise.all(clients.map((c) => new Promise<void>((resolve) => c.end(true, () => resolve()))));
}
