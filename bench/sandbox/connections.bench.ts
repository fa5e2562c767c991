// Benchmark: concurrent device connections the sandbox holds, and its memory per connection.
// Target: 10,000 on this 2-core machine. The sandbox runs as `node dist/sandbox.js` in
// its own process; this process is the load generator (real mqtt.js clients). Each process then
// holds one socket per connection, under the 20,000 open files `ulimit -n` allows here.
// Run: node esbuild.js --tests && node out/bench/sandbox/connections.bench.js [connections] [holdSeconds]

import type { ClientStateList } from '../../src/core/clientState';
import { openAll, dropAll } from './support/clients';
import { load, machine, mib, rssOf } from './support/report';
import { registerDevices, startBenchSandbox } from './support/sandbox';

const COUNT = Number(process.argv[2] ?? 10_000);
const HOLD_S = Number(process.argv[3] ?? 30);
const CONCURRENCY = 100;

async function main(): Promise<void> {
  console.log(`${machine()}; ${load()}`);
  const sandbox = await startBenchSandbox();
  try {
    let t = performance.now();
    const devices = await registerDevices(sandbox, 'held', COUNT);
    console.log(`registered ${COUNT} devices through the REST API in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const idle = rssOf(sandbox.pid);

    const opened = await openAll(sandbox.ready.mqttUrl, devices, CONCURRENCY);
    const rate = (opened.clients.length / opened.ms) * 1000;
    console.log(
      `connected ${opened.clients.length} of ${COUNT} (${opened.failed} failed) in ${(opened.ms / 1000).toFixed(1)} ` +
        `s: ${rate.toFixed(0)}/s with ${CONCURRENCY} in flight; ${load()}`,
    );

    // Held: every client keeps its session through keep-alive pings for the whole period.
    t = performance.now();
    await new Promise((resolve) => setTimeout(resolve, HOLD_S * 1000));
    const stillUp = opened.clients.filter((c) => c.connected).length;
    const connected = await sandbox.api<ClientStateList>('/clientconnectionstates?connectionStatus=connected&_limit=1');
    const held = rssOf(sandbox.pid);
    const perConnection = (held - idle) / Math.max(1, opened.clients.length);
    console.log(
      `after ${HOLD_S} s: ${stillUp} clients still connected; the state API counts ${connected.meta.total_rows} ` +
        `connected`,
    );
    console.log(
      `sandbox RSS ${mib(idle)} before, ${mib(held)} holding them: ${(perConnection / 1024).toFixed(1)} KiB per ` +
        `connection; load generator RSS ${mib(process.memoryUsage().rss)}`,
    );
    const met = stillUp >= 10_000 && connected.meta.total_rows >= 10_000;
    console.log(`${stillUp} held (target 10,000): ${met ? 'met' : 'NOT met'}; ${load()}`);
    console.log(
      JSON.stringify({
        bench: 'connections',
        count: COUNT,
        connected: opened.clients.length,
        failed: opened.failed,
        connectSeconds: +(opened.ms / 1000).toFixed(1),
        connectsPerSecond: +rate.toFixed(0),
        holdSeconds: HOLD_S,
        stillConnected: stillUp,
        stateApiConnected: connected.meta.total_rows,
        sandboxRssIdleMiB: +(idle / 2 ** 20).toFixed(1),
        sandboxRssHeldMiB: +(held / 2 ** 20).toFixed(1),
        kibPerConnection: +(perConnection / 1024).toFixed(1),
        node: process.version,
      }),
    );
    await dropAll(opened.clients);
  } finally {
    await sandbox.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
