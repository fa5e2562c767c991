// Benchmark: the server's memory per known client, at 10,000 real mqtt.js clients of an observed Mosquitto
// (Debian's, of the test harness). The server (dist/sandbox.js --observe-mosquitto) runs in its own process: its
// RSS when it knows no client, once it counts every client connected, and once every one of them has disconnected
// (a state record and a connect and a disconnect in each log) gives the memory per known client.
// Run (mosquitto installed): node esbuild.js --tests && node out/bench/observe/mosquittoMemory.bench.js
//   [clients = 10000] [opened at a time = 100]

import { startMosquitto } from '../../test/support/brokers/mosquitto';
import { load, machine, mib, rssOf } from '../sandbox/support/report';
import { startBenchSandbox } from '../sandbox/support/sandbox';
import { countOf, openMany, until } from './support/fleet';

const CLIENTS = Number(process.argv[2] ?? 10_000);
const IN_FLIGHT = Number(process.argv[3] ?? 100);

async function main(): Promise<void> {
  console.log(`${machine()}; ${load()}`);
  const broker = await startMosquitto({ extra: ['max_connections -1'] });
  const server = await startBenchSandbox(['--observe-mosquitto', broker.url]);
  const rssIdle = rssOf(server.pid);
  const opened = await openMany([broker.url], CLIENTS, IN_FLIGHT, 'memory');
  console.log(`${CLIENTS} clients connected in ${(opened.ms / 1000).toFixed(1)} s`);
  await until(
    'the server to know them all',
    async () => ((await countOf(server, 'connected')) === CLIENTS ? true : undefined),
    300_000,
  );
  const rssConnected = rssOf(server.pid);
  await Promise.all(opened.clients.map((c) => c.endAsync()));
  await until(
    'the server to know them all gone',
    async () => ((await countOf(server, 'disconnected')) === CLIENTS ? true : undefined),
    300_000,
  );
  const rssGone = rssOf(server.pid);
  const perClient = (rss: number) => +((rss - rssIdle) / 1024 / CLIENTS).toFixed(2);
  const result = {
    bench: 'mosquittoMemory',
    clients: CLIENTS,
    serverRssIdleMiB: +(rssIdle / 2 ** 20).toFixed(1),
    serverRssConnectedMiB: +(rssConnected / 2 ** 20).toFixed(1),
    serverRssDisconnectedMiB: +(rssGone / 2 ** 20).toFixed(1),
    kibPerClientConnected: perClient(rssConnected),
    kibPerClientAfterDisconnect: perClient(rssGone),
    load: load(),
    node: process.version,
  };
  console.log(
    `server RSS ${mib(rssIdle)} idle → ${mib(rssConnected)} with ${CLIENTS} connected ` +
      `(${result.kibPerClientConnected} KiB each) → ${mib(rssGone)} once all disconnected ` +
      `(${result.kibPerClientAfterDisconnect} KiB each)`,
  );
  console.log(JSON.stringify(result));
  await server.stop();
  await broker.stop();
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
