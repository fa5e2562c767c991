// Debian's real RabbitMQ for tests: one node, or a cluster of nodes on this machine, each with
// its own name, ports (AMQP, management, MQTT, and the Erlang distribution at AMQP + 20000) and
// directories owned by the rabbitmq user. Nodes of one cluster share the rabbitmq user's Erlang
// cookie. Everything started is stopped by stop(), epmd included when this harness started it.
// Start times are kept on each node (startMs) and in the cluster (joinMs).

import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { createConnection } from 'node:net';
import { DIST_OFFSET, type RabbitAdmin } from './rabbitmqConfig';
import { rabbitNode, writeNodeFiles, type RabbitNode } from './rabbitmqNode';
import { freePort, freePorts } from './ports';
import { run } from './processes';
import { removeScratch, scratchDir } from './scratch';

export type { RabbitNode } from './rabbitmqNode';

export interface RabbitNodeOptions {
  /** Lines added to rabbit.conf. */
  extra?: readonly string[];
  /** Give up on a start after this long (default 120 s). */
  readyTimeoutMs?: number;
}

export interface StartedNode extends RabbitNode {
  /** Stops the node (and epmd if this harness started it and no node needs it) and removes its directory. */
  destroy(): Promise<void>;
}

export interface RabbitCluster {
  readonly nodes: readonly RabbitNode[];
  /** How long joining took (node 2…n: stop_app, join_cluster, start_app), ms. */
  readonly joinMs: number;
  /** Stops every node, epmd if this harness started it, and removes their directories. */
  stop(): Promise<void>;
}

const EPMD_PORT = 4369;
/** The Erlang cookie every node run by the rabbitmq user shares. */
const COOKIE = '/var/lib/rabbitmq/.erlang.cookie';
let epmdStartedHere: boolean | undefined;
let liveNodes = 0;

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function noteEpmd(): Promise<void> {
  if (liveNodes === 0 && epmdStartedHere === undefined) epmdStartedHere = !(await listening(EPMD_PORT));
}

/** `epmd -kill` when this harness started epmd and has no node left; epmd itself refuses while any
 *  node (of anyone) is registered. A node just killed may still be registered for a moment. */
async function releaseEpmd(): Promise<void> {
  if (liveNodes > 0 || !epmdStartedHere) return;
  epmdStartedHere = undefined;
  const deadline = Date.now() + 5000;
  for (;;) {
    const names = await run('epmd', ['-names']).then(
      (r) => r.stdout,
      () => '',
    );
    if (!/^name /m.test(names)) {
      await run('epmd', ['-kill']).catch(() => undefined);
      return;
    }
    if (Date.now() > deadline) return; // someone else's node: epmd stays for it
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function randomName(): string {
  return `iotc${randomBytes(3).toString('hex')}`;
}

async function newNode(nodeName: string, admin: RabbitAdmin, o: RabbitNodeOptions): Promise<StartedNode> {
  const dir = scratchDir('rabbitmq');
  const amqp = await freePort([0, DIST_OFFSET]);
  const [management, mqtt] = (await freePorts(2)) as [number, number];
  const files = { dir, nodeName, admin, extra: o.extra, ports: { amqp, management, mqtt, dist: amqp + DIST_OFFSET } };
  writeNodeFiles(files);
  const node = rabbitNode(files, o.readyTimeoutMs ?? 120_000);
  await noteEpmd();
  liveNodes++;
  let destroyed = false;
  const destroy = async () => {
    if (destroyed) return;
    destroyed = true;
    await node.kill(); // its data goes with its directory: no need to stop gracefully
    liveNodes--;
    await releaseEpmd();
    removeScratch(dir);
  };
  try {
    await node.start();
  } catch (err) {
    await destroy();
    throw err;
  }
  return Object.assign(node, { destroy });
}

function newAdmin(): RabbitAdmin {
  return { user: 'iotc-admin', password: randomBytes(12).toString('hex') };
}

/** Starts one RabbitMQ node with the management, MQTT and event-exchange plugins and the log exchange. */
export function startRabbitNode(o: RabbitNodeOptions = {}): Promise<StartedNode> {
  return newNode(`${randomName()}@localhost`, newAdmin(), o);
}

/** Starts `size` nodes (default 2) side by side and joins nodes 2…n to node 1 (join_cluster). */
export async function startRabbitCluster(size = 2, o: RabbitNodeOptions = {}): Promise<RabbitCluster> {
  const base = randomName();
  const admin = newAdmin();
  const nodes: StartedNode[] = [];
  const stop = async () => {
    for (const n of [...nodes].reverse()) await n.destroy();
  };
  try {
    const named = (i: number) =>
      newNode(`${base}-${i}@localhost`, admin, o).then((n) => {
        nodes.push(n);
        return n;
      });
    // Without the rabbitmq user's Erlang cookie, the first node to start makes it: the others wait for that.
    const first = fs.existsSync(COOKIE) ? undefined : await named(1);
    const others = Array.from({ length: size - (first ? 1 : 0) }, (_, k) => k + (first ? 2 : 1));
    const settled = await Promise.allSettled(others.map(named));
    const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    nodes.sort((a, b) => a.nodeName.localeCompare(b.nodeName, 'en', { numeric: true }));
    const t0 = Date.now();
    const [seed, ...rest] = nodes as [StartedNode, ...StartedNode[]];
    for (const n of rest) {
      await n.ctl('stop_app');
      await n.ctl('join_cluster', seed.nodeName);
      await n.ctl('start_app');
    }
    await seed.ctl('await_online_nodes', String(size), '--timeout', '120');
    return { nodes, joinMs: Date.now() - t0, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
