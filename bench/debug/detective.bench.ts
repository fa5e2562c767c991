// The duplicate client id detective: for each episode, two real device programs
// (mqtt.js, one process each, reconnecting after 1 s as mqtt.js does by default) share one client
// id on the sandbox and take the session from each other (288); the detective hears the monitor
// topics (a real shared monitor connection) and reads the real /proc. Recorded per episode: the
// takeovers it had seen when it told the finding (target ≤ 3) and the time from the third
// takeover (the broker's Disconnect time) to the finding (target p99 < 500 ms), processes named.
// Run: node esbuild.js --tests && node out/bench/debug/detective.bench.js [episodes]
import { ConnectLedger } from '../../src/features/debug/connects';
import { DuplicateDetective, type Finding } from '../../src/features/debug/detective';
import { DEBUG_MONITOR_FILTERS } from '../../src/features/debug/loop';
import { procReader } from '../../src/features/debug/processes';
import { SharedMonitor } from '../../src/features/monitor/sharedMonitor';
import { startMqttProcess } from '../../test/support/mqttProcess';
import { waitFor } from '../../test/support/waitFor';
import { load, machine, summarise } from '../sandbox/support/report';
import { registerDevices, startBenchSandbox } from '../sandbox/support/sandbox';

async function main(episodes: number): Promise<void> {
  const sandbox = await startBenchSandbox();
  const { mqttUrl, org, apiKey, apiToken } = sandbox.ready;
  const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };
  const monitor = new SharedMonitor({ mqttUrl, orgId: org, appId: 'bench-dup', apiKey, apiToken, log: quiet });
  const ledger = new ConnectLedger();
  const lease = monitor.lease();
  lease.on('message', (e) => ledger.handle(e));
  await lease.setFilters(DEBUG_MONITOR_FILTERS);
  await waitFor('the monitor to be live', () => lease.live);
  const detective = new DuplicateDetective(ledger, {
    reader: procReader(),
    localAddresses: () => new Set(['127.0.0.1', '::1']),
    debuggedPids: () => [],
  });
  const found = new Map<string, { finding: Finding; at: number }>();
  detective.on('finding', (finding) => found.set(finding.clientId, { finding, at: Date.now() }));
  const devices = await registerDevices(sandbox, 'dup', episodes);
  const takeovers: number[] = [];
  const latency: number[] = [];
  let named = 0;
  for (const d of devices) {
    const o = { mqttUrl, clientId: d.clientId, username: d.username, password: d.password, reconnectMs: 1000 };
    const a = await startMqttProcess(o);
    const b = await startMqttProcess(o);
    try {
      const got = await waitFor('the finding', () => found.get(d.clientId), { timeoutMs: 30_000 });
      takeovers.push(got.finding.takeovers);
      if (got.finding.lastTime !== undefined) latency.push(got.at - got.finding.lastTime);
      const pids = new Set(got.finding.sides.map((s) => s.process?.pid));
      if (pids.has(a.pid) && pids.has(b.pid)) named++;
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  }
  console.log(
    JSON.stringify({
      episodes,
      takeoversBeforeFinding: { max: Math.max(...takeovers), all3: takeovers.every((t) => t === 3) },
      thirdTakeoverToFindingMs: summarise(latency),
      bothProcessesNamed: named,
      machine: machine(),
      loadAverage: load(),
    }),
  );
  detective.dispose();
  await monitor.dispose();
  await sandbox.stop();
}

main(Number(process.argv[2] ?? 20)).catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
