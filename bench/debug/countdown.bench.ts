// Countdown accuracy: how close the extension's predicted drop time for a paused
// program's client comes to the sandbox's actual 160, over N pauses.
//   node esbuild.js --tests && node out/bench/debug/countdown.bench.js [pauses=20] [keepAliveSeconds=2]
// Each pause: a device program of its own (test/support/mqttProcess.child: mqtt.js, the given
// keep-alive) connects to dist/sandbox.js; after a random part of a keep-alive it is stopped with
// SIGSTOP — from the broker's side what a breakpoint is: no JavaScript runs, no PINGREQ goes out
// (docs/debug-adapters.md) — without js-debug, so the bench measures the prediction, not the
// debugger. At the stop the prediction is made as the extension makes it (features/debug/countdown):
// exact from the sandbox's `keepalive` call (platform-contract.md §8), and the bound from the stop
// (keep-alive × 1.5). The actual drop is the Disconnect (CloseCode 160) on the monitor topic: its
// Time, stamped by the sandbox on this machine's clock. Error = actual − predicted.

import { connect } from 'mqtt';
import { ALL_DEVICES_MONITOR_TOPIC } from '../../src/core/monitorCover';
import { countdown } from '../../src/features/debug/countdown';
import { PlatformRestClient } from '../../src/platform/rest/client';
import { startMqttProcess } from '../../test/support/mqttProcess';
import { load, machine, percentile } from '../sandbox/support/report';
import { registerDevices, startBenchSandbox } from '../sandbox/support/sandbox';

const pauses = Number(process.argv[2] ?? 20);
const keepAliveSeconds = Number(process.argv[3] ?? 2);
const TARGET_MS = 1000;

interface Sample {
  exactMs: number;
  boundMs: number;
}

async function main(): Promise<void> {
  console.log(`countdown accuracy: ${pauses} pauses, keep-alive ${keepAliveSeconds} s; ${machine()}; ${load()}`);
  const s = await startBenchSandbox();
  const rest = new PlatformRestClient({ apiUrl: s.ready.apiUrl, apiKey: s.ready.apiKey, apiToken: s.ready.apiToken });
  const devices = await registerDevices(s, 'paused', pauses);
  const drops = new Map<string, number>();
  const monitor = connect(s.ready.mqttUrl, {
    clientId: `a:${s.ready.org}:bench-monitor`,
    username: s.ready.apiKey,
    password: s.ready.apiToken,
    reconnectPeriod: 0,
  });
  monitor.on('message', (_topic, payload) => {
    const m = JSON.parse(payload.toString()) as Record<string, unknown>;
    if (m.Action === 'Disconnect' && m.CloseCode === 160) drops.set(String(m.ClientID), Date.parse(String(m.Time)));
  });
  await new Promise((resolve) => monitor.once('connect', resolve));
  await monitor.subscribeAsync(ALL_DEVICES_MONITOR_TOPIC);
  const samples: Sample[] = [];
  try {
    for (const d of devices) {
      const program = await startMqttProcess({
        mqttUrl: s.ready.mqttUrl,
        clientId: d.clientId,
        username: d.username,
        password: d.password,
        keepAliveSeconds,
      });
      try {
        await sleep(Math.random() * keepAliveSeconds * 1000);
        process.kill(program.pid, 'SIGSTOP');
        const pausedSince = Date.now();
        const info = await rest.getKeepAlive(d.clientId);
        const at = { now: pausedSince, pausedSince, keepAliveSeconds: info.keepAliveSeconds, factor: 1.5 };
        const exact = countdown({ ...at, exactDeadline: info.deadline });
        const bound = countdown(at);
        if (exact.kind !== 'exact' || bound.kind !== 'bound') throw new Error('no prediction');
        const actual = await until(() => drops.get(d.clientId), keepAliveSeconds * 3000 + 10_000);
        samples.push({ exactMs: actual - exact.deadline, boundMs: actual - bound.deadline });
        console.log(
          `  pause ${samples.length}: exact ${actual - exact.deadline} ms, bound ${actual - bound.deadline} ms`,
        );
      } finally {
        process.kill(program.pid, 'SIGCONT');
        await program.stop();
      }
    }
  } finally {
    await monitor.endAsync(true);
    rest.dispose();
    await s.stop();
  }
  const abs = (f: (x: Sample) => number) => samples.map((x) => Math.abs(f(x))).sort((a, b) => a - b);
  const exactP95 = percentile(
    abs((x) => x.exactMs),
    95,
  );
  const boundP95 = percentile(
    abs((x) => x.boundMs),
    95,
  );
  const early = samples.filter((x) => x.boundMs > 0).length;
  const exactP50 = percentile(
    abs((x) => x.exactMs),
    50,
  );
  const verdict = exactP95 <= TARGET_MS ? 'met' : 'missed';
  console.log(`exact: |error| p50 ${exactP50} ms, p95 ${exactP95} ms (target ±${TARGET_MS} ms: ${verdict})`);
  console.log(`bound: |error| p95 ${boundP95} ms; drops after the bound: ${early}`);
  console.log(
    JSON.stringify({
      bench: 'countdown',
      pauses: samples.length,
      keepAliveSeconds,
      exactErrorMs: samples.map((x) => x.exactMs),
      exactAbsP95Ms: exactP95,
      boundAbsP95Ms: boundP95,
      dropsAfterBound: early,
      load: load(),
      node: process.version,
    }),
  );
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function until<T>(get: () => T | undefined, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = get();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('no 160 came');
    await sleep(20);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
