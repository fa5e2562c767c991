// Benchmark: device disconnect → status-bar model updated (issue 5 benchmarks), side by side with
// the monitor client alone and a bare mqtt.js subscriber on the same topics in the same run. A
// child process runs the sandbox and 1,000 real mqtt.js devices that go down and up at 500
// transitions per second; this process holds only the observers, as the extension host would.
// Latency runs from the broker's stamp of the disconnect (the message's `Time`, same machine
// clock) to:
//   - watcher: the extension's PinnedWatcher (src/views/watcher) with all 1,000 pinned, once the
//     status-bar model (statusModel, what the status-bar item renders) has been recomputed for the
//     change — the path a person sees;
//   - monitor client: the platform's MonitorClient 'message' event (parsed, filtered, fed to
//     core/presence's PresenceBook);
//   - bare mqtt.js: JSON.parse of the payload in a plain subscriber.
// Run: node esbuild.js --tests && node --expose-gc out/bench/watcher/latency.bench.js [seconds=10]
// [devices=1000] [rate=500]. Prints p50/p99/max of each, the watcher's and the monitor's ratio to
// the bare subscriber, this process's heap sampled every 10 s (flat over a long churn?), and the
// figures as JSON for bench/README.md.

import { fork, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import mqtt from 'mqtt';
import { planCover } from '../../src/core/monitorCover';
import { PresenceBook } from '../../src/core/presence/book';
import { parseInstant } from '../../src/core/time';
import { MonitorClient, PlatformRestClient } from '../../src/platform';
import { statusModel, type StatusModel } from '../../src/views/watcher/statusModel';
import { PinnedWatcher } from '../../src/views/watcher/watcher';
import { runDriver, type DriverMessage, type DriverReady } from './driver';

const SECONDS = Number(process.argv[2] ?? 10);
const DEVICES = Number(process.argv[3] ?? 1000);
const RATE = Number(process.argv[4] ?? 500);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summary(values: number[]) {
  const s = [...values].sort((a, b) => a - b);
  return { count: s.length, p50: +percentile(s, 50).toFixed(2), p99: +percentile(s, 99).toFixed(2), max: +s[s.length - 1].toFixed(2) };
}

const mib = () => +(process.memoryUsage().heapUsed / 2 ** 20).toFixed(1);
const epochNow = () => performance.timeOrigin + performance.now();

function next(child: ChildProcess, type: DriverMessage['type']): Promise<DriverMessage> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: DriverMessage) => {
      if (m.type !== type) return;
      child.off('message', onMessage);
      resolve(m);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`the driver exited with ${code}`)));
  });
}

async function main(): Promise<void> {
  const child = fork(__filename, ['--driver', String(SECONDS), String(DEVICES), String(RATE)], { stdio: 'inherit' });
  const { ready, ids } = (await next(child, 'ready')) as DriverReady;

  // Both observers subscribe to the cover the extension would use for these pins.
  const plan = planCover(ids);
  const monitorMs: number[] = [];
  const bareMs: number[] = [];
  const latency = (time: string | undefined) => epochNow() - (parseInstant(time ?? '') ?? NaN);
  const latencyMs = (time: number | undefined) => epochNow() - (time ?? NaN);

  const book = new PresenceBook();
  for (const id of ids) book.pin(id);
  const monitor = new MonitorClient({ mqttUrl: ready.mqttUrl, orgId: ready.org, appId: 'bench-monitor', apiKey: ready.apiKey, apiToken: ready.apiToken });
  monitor.on('message', (e) => {
    book.applyMonitor(e.message, e.retained, e.receivedAt);
    if (e.message.Action === 'Disconnect' && !e.retained) monitorMs.push(latency(e.message.Time));
  });
  const subscribed = new Promise<void>((resolve) => {
    let left = plan.topics.length;
    monitor.on('subscription', () => --left === 0 && resolve());
  });
  monitor.start();
  await monitor.setPlan(plan);
  await subscribed;

  // The extension's watcher: every device pinned; its status model recomputed on every change.
  const rest = new PlatformRestClient({ apiUrl: ready.apiUrl, apiKey: ready.apiKey, apiToken: ready.apiToken });
  const watcher = new PinnedWatcher({ platformName: 'bench', mqttUrl: ready.mqttUrl, orgId: ready.org, apiKey: ready.apiKey, apiToken: ready.apiToken, rest }, { appId: 'bench-watcher' });
  const watcherMs: number[] = [];
  let model: StatusModel | undefined;
  watcher.on('changed', () => (model = statusModel({ connection: watcher.connection, tally: watcher.tally, problems: watcher.problems.length })));
  watcher.on('transition', (t) => {
    if (t.change === 'disconnected' && !t.initial && t.event.source === 'monitor' && model?.kind === 'offline') watcherMs.push(latencyMs(t.event.time));
  });
  await watcher.setPins(ids);
  const deadlineUp = Date.now() + 30_000;
  while (watcher.tally.connected < ids.length && Date.now() < deadlineUp) await new Promise((r) => setTimeout(r, 20));

  const bare = mqtt.connect(ready.mqttUrl, { clientId: `a:${ready.org}:bench-bare`, username: ready.apiKey, password: ready.apiToken, reconnectPeriod: 0 });
  await new Promise<void>((resolve) => bare.once('connect', () => resolve()));
  bare.on('message', (topic, payload, packet) => {
    if (packet.retain || !plan.accepts(topic)) return;
    const m = JSON.parse(payload.toString('utf8')) as { Action?: string; Time?: string };
    if (m.Action === 'Disconnect') bareMs.push(latency(m.Time));
  });
  await bare.subscribeAsync([...plan.topics], { qos: 0 });

  console.log(`${DEVICES} devices, cover ${plan.strategy} (${plan.topics.length} topics); churning at ${RATE}/s for ${SECONDS} s; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  global.gc?.();
  const heapBefore = mib();
  const heapSamples: number[] = [];
  const sampler = setInterval(() => {
    global.gc?.();
    heapSamples.push(mib());
  }, 10_000);
  child.send({ type: 'go' });
  const { transitions, disconnects } = (await next(child, 'done')) as Extract<DriverMessage, { type: 'done' }>;
  const deadline = Date.now() + 5000;
  while ((monitorMs.length < disconnects || bareMs.length < disconnects || watcherMs.length < disconnects) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  clearInterval(sampler);
  global.gc?.();
  // Read before the summaries below sort copies of the samples.
  const heapAfter = mib();

  const result = {
    devices: DEVICES, ratePerSecond: RATE, seconds: SECONDS, transitions, disconnects, cover: plan.strategy, topics: plan.topics.length,
    watcher: summary(watcherMs), monitorClient: summary(monitorMs), bareMqttJs: summary(bareMs), p50Ratio: 0, p99Ratio: 0, watcherP50Ratio: 0, watcherP99Ratio: 0,
    heapBeforeMiB: heapBefore, heapAfterMiB: heapAfter, heapSamplesMiB: heapSamples, presence: book.counts(),
    watcherTally: { connected: watcher.tally.connected, offline: watcher.tally.offline, unknown: watcher.tally.unknown }, statusText: model?.text, loadAverage: loadavg().map((l) => +l.toFixed(2)),
  };
  result.watcherP50Ratio = +(result.watcher.p50 / result.bareMqttJs.p50).toFixed(2);
  result.watcherP99Ratio = +(result.watcher.p99 / result.bareMqttJs.p99).toFixed(2);
  result.p50Ratio = +(result.monitorClient.p50 / result.bareMqttJs.p50).toFixed(2);
  result.p99Ratio = +(result.monitorClient.p99 / result.bareMqttJs.p99).toFixed(2);
  console.log(`watcher (status model): p50 ${result.watcher.p50} ms, p99 ${result.watcher.p99} ms, max ${result.watcher.max} ms (${result.watcher.count} of ${disconnects} disconnects); ratio to bare p50 ${result.watcherP50Ratio}, p99 ${result.watcherP99Ratio}`);
  console.log(`monitor client: p50 ${result.monitorClient.p50} ms, p99 ${result.monitorClient.p99} ms, max ${result.monitorClient.max} ms (${result.monitorClient.count} of ${disconnects} disconnects)`);
  console.log(`bare mqtt.js:   p50 ${result.bareMqttJs.p50} ms, p99 ${result.bareMqttJs.p99} ms, max ${result.bareMqttJs.max} ms (${result.bareMqttJs.count} of ${disconnects} disconnects)`);
  console.log(`monitor ratio p50 ${result.p50Ratio}, p99 ${result.p99Ratio}; heap ${result.heapBeforeMiB} → ${result.heapAfterMiB} MiB (every 10 s: ${heapSamples.join(', ')})`);
  console.log(JSON.stringify(result));

  await watcher.dispose();
  rest.dispose();
  await monitor.dispose();
  await bare.endAsync(true);
  child.send({ type: 'stop' });
  await new Promise((resolve) => child.once('exit', resolve));
}

if (process.argv[2] === '--driver') {
  runDriver(Number(process.argv[3]), Number(process.argv[4]), Number(process.argv[5])).catch((err) => {
    console.error(err);
    process.exit(1);
  });
} else {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
