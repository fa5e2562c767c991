// Benchmark: the server observing a two-node RabbitMQ cluster that holds many MQTT connections (platform-contract.md
// §7). A first server observes the cluster from the start, so it learns every client live from the event exchange:
// its memory before and after is the memory per known client. Then a second server starts against the full cluster:
// its snapshot (the management API's list, 500 a page) is timed, with the list read alone, and then the first page the
// Clients tree asks for after a refresh (config/source, then a page of 100 records), over real HTTP.
// Run (as root, RabbitMQ installed): node esbuild.js --tests && node out/bench/observe/rabbitmqCluster.bench.js
//   [clients per node = 2500] [connects in flight = 50] [page runs = 50]

import { listMqttConnections } from '../../src/server/sources/rabbitmq/listing';
import { management } from '../../src/server/sources/rabbitmq/management';
import { startRabbitCluster, type RabbitNode } from '../../test/support/brokers/rabbitmq';
import { load, machine, mib, rssOf, summarise } from '../sandbox/support/report';
import type { BenchSandbox } from '../sandbox/support/sandbox';
import { countOf, openMany, until } from './support/fleet';
import { startObservingServer } from './support/rabbit';

const PER_NODE = Number(process.argv[2] ?? 2500);
const IN_FLIGHT = Number(process.argv[3] ?? 50);
const PAGE_RUNS = Number(process.argv[4] ?? 50);

const connectedCount = (s: BenchSandbox) => countOf(s, 'connected');

async function main(): Promise<void> {
  console.log(`${machine()}; ${load()}`);
  const total = PER_NODE * 2;
  const t = performance.now();
  const cluster = await startRabbitCluster(2);
  console.log(`two nodes up and joined in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const [one] = cluster.nodes as [RabbitNode, RabbitNode];
  const live = await startObservingServer(one);
  const rssIdle = rssOf(live.pid);
  const opened = await openMany(
    cluster.nodes.map((n) => n.mqttUrl),
    PER_NODE,
    IN_FLIGHT,
  );
  const openedAt = performance.now();
  console.log(`${total} clients connected over two nodes in ${(opened.ms / 1000).toFixed(1)} s`);
  const heard = await until(
    'the live server to know them all',
    async () => ((await connectedCount(live)) === total ? performance.now() : undefined),
    300_000,
  );
  const rssHeld = rssOf(live.pid);
  console.log(
    `the server observing from the start knows all ${total} ${((heard - openedAt) / 1000).toFixed(1)} s later`,
  );

  const user = `${encodeURIComponent(one.admin.user)}:${encodeURIComponent(one.admin.password)}`;
  const api = management({ url: `http://${user}@127.0.0.1:${one.ports.management}` });
  await until(
    'the management API to list them all',
    async () => ((await listMqttConnections(api)).size === total ? true : undefined),
    300_000,
  );
  const listMs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    await listMqttConnections(api);
    listMs.push(performance.now() - t0);
  }

  const t0 = performance.now();
  const fresh = await startObservingServer(one);
  const readyMs = performance.now() - t0;
  await until(
    'the new server to list them all',
    async () => ((await connectedCount(fresh)) === total ? true : undefined),
    300_000,
  );
  const snapshotMs = performance.now() - t0;

  const page = '/clientconnectionstates?_limit=100&_sort=-lastActivityTime';
  const refresh: number[] = [];
  for (let i = 0; i < PAGE_RUNS; i++) {
    const s = performance.now();
    await fresh.api('/config/source');
    await fresh.api(page);
    refresh.push(performance.now() - s);
  }
  const refreshMs = summarise(refresh);
  const result = {
    bench: 'rabbitmqCluster',
    nodes: 2,
    clients: total,
    connectSeconds: +(opened.ms / 1000).toFixed(1),
    listAloneMs: summarise(listMs),
    newServerReadyMs: Math.round(readyMs),
    snapshotMs: Math.round(snapshotMs),
    firstPageAfterRefreshMs: refreshMs,
    serverRssIdleMiB: +(rssIdle / 2 ** 20).toFixed(1),
    serverRssKnowingAllMiB: +(rssHeld / 2 ** 20).toFixed(1),
    kibPerKnownClient: +((rssHeld - rssIdle) / 1024 / total).toFixed(1),
    load: load(),
    node: process.version,
  };
  console.log(
    `the management API's list alone: p50 ${result.listAloneMs.p50} ms (3 reads of ${total})\n` +
      `a new server: ready line after ${result.newServerReadyMs} ms, all ${total} in its state API after ` +
      `${result.snapshotMs} ms\n` +
      `refresh (config/source + first page of 100): p50 ${refreshMs.p50} ms, p99 ${refreshMs.p99} ms\n` +
      `server RSS ${mib(rssIdle)} idle → ${mib(rssHeld)} knowing ${total}: ${result.kibPerKnownClient} KiB per client`,
  );
  console.log(JSON.stringify(result));

  await fresh.stop();
  await live.stop();
  await Promise.all(opened.clients.map((c) => c.endAsync(true).catch(() => undefined)));
  await cluster.stop();
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
