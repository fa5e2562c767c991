// What the observe benchmarks with many clients share: real mqtt.js clients opened a few at a time against one or
// more broker URLs, a poll with a deadline, and the count of connected clients the server's state API gives.

import { connect, type MqttClient } from 'mqtt';
import type { BenchSandbox } from '../../sandbox/support/sandbox';

function open(url: string, clientId: string): Promise<MqttClient | undefined> {
  const c = connect(url, { clientId, reconnectPeriod: 0, keepalive: 300, connectTimeout: 120_000 });
  return new Promise<MqttClient | undefined>((resolve) => {
    c.once('connect', () => resolve(c));
    c.once('error', () => resolve(undefined));
    c.once('close', () => resolve(undefined));
  }).then((ok) => {
    c.removeAllListeners('error').on('error', () => {});
    return ok;
  });
}

/** Opens `perUrl` clients on each URL (ids `{prefix}-{k}-{i}`), `inFlight` at a time; throws if any fails. */
export async function openMany(
  urls: readonly string[],
  perUrl: number,
  inFlight: number,
  prefix = 'fleet',
): Promise<{ clients: MqttClient[]; ms: number }> {
  const ids = urls.flatMap((url, k) =>
    Array.from({ length: perUrl }, (_, i) => ({ url, id: `${prefix}-${k + 1}-${i}` })),
  );
  const clients: MqttClient[] = [];
  let next = 0;
  let failed = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < ids.length) {
        const { url, id } = ids[next++];
        const c = await open(url, id);
        if (c) clients.push(c);
        else failed++;
      }
    }),
  );
  if (failed > 0) throw new Error(`${failed} of ${ids.length} clients could not connect`);
  return { clients, ms: performance.now() - t0 };
}

/** Polls `f` every 100 ms until it gives a value; throws after `ms`. */
export async function until<T>(what: string, f: () => Promise<T | undefined>, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await f().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** How many clients the server's state API counts as `status`. */
export const countOf = (s: BenchSandbox, status: 'connected' | 'disconnected') =>
  s
    .api<{ meta: { total_rows: number } }>(`/clientconnectionstates?connectionStatus=${status}&_limit=1`)
    .then((r) => r.meta.total_rows);
