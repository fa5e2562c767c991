// A TCP proxy on a free loopback port in front of a broker, which a test can cut: while blocked,
// open connections are destroyed and new ones closed at once — a network outage the test controls,
// so "the monitor stays offline while devices change" holds without racing a timer.

import * as net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface TcpProxy {
  readonly port: number;
  /** Connections accepted so far (blocked ones included). */
  readonly accepted: number;
  block(): void;
  unblock(): void;
  /** Points the proxy at another port (a restarted broker). */
  retarget(port: number): void;
  close(): Promise<void>;
}

export async function startProxy(targetPort: number): Promise<TcpProxy> {
  let target = targetPort;
  let blocked = false;
  let accepted = 0;
  const open = new Set<net.Socket>();
  const server = net.createServer((inbound) => {
    accepted++;
    if (blocked) return void inbound.destroy();
    const outbound = net.connect(target, '127.0.0.1');
    for (const s of [inbound, outbound]) {
      open.add(s);
      s.on('error', () => {});
      s.on('close', () => {
        open.delete(s);
        inbound.destroy();
        outbound.destroy();
      });
    }
    inbound.pipe(outbound).pipe(inbound);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    get accepted() {
      return accepted;
    },
    block() {
      blocked = true;
      for (const s of open) s.destroy();
    },
    unblock() {
      blocked = false;
    },
    retarget(port) {
      target = port;
    },
    close() {
      for (const s of open) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
