// Free TCP ports for brokers that tests start. Ports are drawn at random from 10000–19999, below
// Linux's ephemeral range (32768–60999), so that a port chosen now is not taken a moment later
// by some program's outgoing connection; each is checked by binding it on every interface.
// RabbitMQ needs more than one port free per node: its Erlang distribution listens on the node
// port + 20000, and its command-line tools take one of 35672–35682 for theirs, so no port handed
// out here falls there. Ports handed out in this process are not handed out again.

import { createServer } from 'node:net';

const LOW = 10_000;
const HIGH = 19_999;
const handedOut = new Set<number>();
/** Default ports of brokers a developer may run (RabbitMQ management, MQTT over TLS/WebSocket, EMQX). */
const AVOID = new Set([15672, 15675, 18083, 18883]);
/** Where RabbitMQ's command-line tools listen for their own Erlang distribution. */
const CLI_DIST = { min: 35_672, max: 35_682 };

function unusable(q: number): boolean {
  return handedOut.has(q) || AVOID.has(q) || q > 65_535 || (q >= CLI_DIST.min && q <= CLI_DIST.max);
}

/** Whether `port` can be bound on all interfaces right now. */
export function canBind(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '0.0.0.0', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

function randomPort(): number {
  return LOW + Math.floor(Math.random() * (HIGH - LOW + 1));
}

/**
 * A free port `p` such that every `p + offset` (offsets default [0]) is free too and none was
 * handed out before in this process. Gives up after 200 draws.
 */
export async function freePort(offsets: readonly number[] = [0]): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const p = randomPort();
    const wanted = offsets.map((o) => p + o);
    if (wanted.some(unusable)) continue;
    let free = true;
    for (const q of wanted) {
      if (!(await canBind(q))) {
        free = false;
        break;
      }
    }
    if (!free) continue;
    for (const q of wanted) handedOut.add(q);
    return p;
  }
  throw new Error('no free port found in 10000–19999 after 200 draws');
}

/** `count` distinct free ports. */
export async function freePorts(count: number): Promise<number[]> {
  const ports: number[] = [];
  for (let i = 0; i < count; i++) ports.push(await freePort());
  return ports;
}
