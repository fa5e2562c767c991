// A bare MQTT broker (aedes) on a free loopback port for what the sandbox never does: refuse a
// subscription with SUBACK 0x80 while keeping the connection, and deliver any payload on a
// monitor topic (not JSON, a megabyte, the wrong shape).

import { Aedes } from 'aedes';
import type { EventEmitter } from 'node:events';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface FaultBroker {
  readonly url: string;
  /** Publishes as the platform would (retained or not). */
  publish(topic: string, payload: string | Buffer, retain?: boolean): Promise<void>;
  /** Resolves once some client subscribes to `topic`. */
  subscribed(topic: string): Promise<void>;
  close(): Promise<void>;
}

export interface FaultBrokerOptions {
  /** Subscriptions to refuse with 0x80. */
  readonly refuse?: (topic: string) => boolean;
  readonly username?: string;
  readonly password?: string;
}

export async function startFaultBroker(options: FaultBrokerOptions = {}): Promise<FaultBroker> {
  const broker = await Aedes.createBroker({
    authenticate: (_client, username, password, done) => {
      if (
        options.password === undefined ||
        (username === options.username && password?.toString() === options.password)
      ) {
        return done(null, true);
      }
      done(Object.assign(new Error('not authorized'), { returnCode: 5 as const }), null);
    },
    authorizeSubscribe: (_client, sub, done) => done(null, options.refuse?.(sub.topic) ? null : sub),
  });
  (broker as EventEmitter).on('error', () => {});
  const seen = new Set<string>();
  const waiters: { topic: string; resolve: () => void }[] = [];
  broker.on('subscribe', (subs) => {
    for (const s of subs) seen.add(s.topic);
    for (const w of waiters.filter((w) => seen.has(w.topic))) w.resolve();
  });
  const sockets = new Set<net.Socket>();
  let closed = false;
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    broker.handle(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `mqtt://127.0.0.1:${(server.address() as AddressInfo).port}`,
    publish: (topic, payload, retain = false) =>
      new Promise((resolve, reject) =>
        broker.publish({ cmd: 'publish', topic, payload: Buffer.from(payload), qos: 0, retain, dup: false }, (error) =>
          error ? reject(error) : resolve(),
        ),
      ),
    subscribed: (topic) =>
      seen.has(topic) ? Promise.resolve() : new Promise((resolve) => waiters.push({ topic, resolve })),
    async close() {
      if (closed) return;
      closed = true;
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
