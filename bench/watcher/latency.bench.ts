// Benchmark: device disconnect → status-bar model updated, side by side with
// the monitor client alone and a bare mqtt.js subscriber on the same topics in the same run. A
// child process (driver.ts) runs the sandbox and 1,000 real mqtt.js devices that go down and up at
// 500 transitions per second; each observer runs in a child process of its own (observer.ts), so
// that none waits for another's parsing in a shared event loop. Latency runs from the broker's
// stamp of the disconnect (the message's `Time`, same machine clock) to:
//   - watcher: the extension's PinnedWatcher (src/views/watcher) with all 1,000 pinned, once the
//     status-bar model (statusModel, what the status-bar item renders) has been recomputed;
//   - monitor client: the platform's MonitorClient 'message' event (parsed, filtered, fed to
//     core/presence's PresenceBook);
//   - bare mqtt.js: JSON.parse of the payload in a plain subscriber.
// The observers subscribe one after the other, the bare subscriber first: if the broker favours
// earlier subscribers when it fans a message out, it favours the bare one.
// Run: node esbuild.js --tests && node --expose-gc out/bench/watcher/latency.bench.js [seconds=10]
// [devices=1000] [rate=500]. Prints p50/p99/max of each, the watcher's and the monitor's ratio to
// the bare subscriber, the watcher process's heap sampled every 10 s (flat over a long churn?),
// and the figures as JSON for bench/README.md.

import { fork, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { planCover } from '../../src/core/monitorCover';
import { runDriver, type DriverMessage } from './driver';
import { next, type FromObserver, type ObserverResult, type ObserverRole, type ToObserver } from './ipc';

const SECONDS = Number(process.argv[2] ?? 10);
const DEVICES = Number(process.argv[3] ?? 1000);
const RATE = Number(process.argv[4] ?? 500);
/** Subscription order: the reference first. */
const ROLES: ObserverRole[] = ['bareMqttJs', 'monitorClient', 'watcher'];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summary(values: number[]) {
  const s = [...values].sort((a, b) => a - b);
  return {
    count: s.length,
    p50: +percentile(s, 50).toFixed(2),
    p99: +percentile(s, 99).toFixed(2),
    max: +s[s.length - 1].toFixed(2),
  };
}

const ratio = (a: number, b: number) => +(a / b).toFixed(2);
const load = () => loadavg().map((l) => +l.toFixed(2));
const children: ChildProcess[] = [];

function start(file: string, args: string[]): ChildProcess {
  const child = fork(file, args, { stdio: 'inherit' });
  children.push(child);
  return child;
}

async function main(): Promise<void> {
  const driver = start(__filename, ['--driver', String(SECONDS), String(DEVICES), String(RATE)]);
  const { ready, ids } = await next<DriverMessage, 'ready'>(driver, 'ready', 'the driver');
  const plan = planCover(ids);

  const observers = new Map<ObserverRole, ChildProcess>();
  for (const role of ROLES) {
    const child = start(join(__dirname, 'observer.js'), [role]);
    observers.set(role, child);
    const subscribed = next<FromObserver, 'ready'>(child, 'ready', `the ${role} observer`);
    child.send({ type: 'start', ready, ids } satisfies ToObserver);
    await subscribed;
  }
  const send = (m: ToObserver) => observers.forEach((child) => child.send(m));

  const loadBefore = load();
  console.log(
    `${DEVICES} devices, cover ${plan.strategy} (${plan.topics.length} topics), ${ROLES.length} observers in ` +
      `processes of their own; churning at ${RATE}/s for ${SECONDS} s; load average ${loadBefore.join(' ')}`,
  );
  const results = [...observers].map(([role, child]) =>
    next<FromObserver, 'result'>(child, 'result', `the ${role} observer`),
  );
  send({ type: 'go' });
  driver.send({ type: 'go' });
  const { transitions, disconnects } = await next<DriverMessage, 'done'>(driver, 'done', 'the driver');
  send({ type: 'finish', disconnects });
  const by = new Map<ObserverRole, ObserverResult>((await Promise.all(results)).map((r) => [r.role, r]));
  const of = (role: ObserverRole) => by.get(role) as ObserverResult;
  const watcher = summary(of('watcher').latencyMs);
  const monitorClient = summary(of('monitorClient').latencyMs);
  const bareMqttJs = summary(of('bareMqttJs').latencyMs);
  const heap = of('watcher').heap;

  const result = {
    devices: DEVICES,
    ratePerSecond: RATE,
    seconds: SECONDS,
    transitions,
    disconnects,
    cover: plan.strategy,
    topics: plan.topics.length,
    observers: 'process each',
    watcher,
    monitorClient,
    bareMqttJs,
    p50Ratio: ratio(monitorClient.p50, bareMqttJs.p50),
    p99Ratio: ratio(monitorClient.p99, bareMqttJs.p99),
    watcherP50Ratio: ratio(watcher.p50, bareMqttJs.p50),
    watcherP99Ratio: ratio(watcher.p99, bareMqttJs.p99),
    heapBeforeMiB: heap.beforeMiB,
    heapAfterMiB: heap.afterMiB,
    heapSamplesMiB: heap.samplesMiB,
    otherHeapsMiB: {
      monitorClient: [of('monitorClient').heap.beforeMiB, of('monitorClient').heap.afterMiB],
      bareMqttJs: [of('bareMqttJs').heap.beforeMiB, of('bareMqttJs').heap.afterMiB],
    },
    ...of('monitorClient').end,
    ...of('watcher').end,
    loadAverageBefore: loadBefore,
    loadAverage: load(),
  };
  const line = (name: string, s: typeof watcher) =>
    `${name} p50 ${s.p50} ms, p99 ${s.p99} ms, max ${s.max} ms (${s.count} of ${disconnects} disconnects)`;
  console.log(
    `${line('watcher (status model):', watcher)}; ratio to bare p50 ${result.watcherP50Ratio}, p99 ` +
      `${result.watcherP99Ratio}`,
  );
  console.log(line('monitor client:', monitorClient));
  console.log(line('bare mqtt.js:  ', bareMqttJs));
  console.log(
    `monitor ratio p50 ${result.p50Ratio}, p99 ${result.p99Ratio}; watcher process heap ${heap.beforeMiB} → ` +
      `${heap.afterMiB} MiB (every 10 s: ${heap.samplesMiB.join(', ')})`,
  );
  console.log(JSON.stringify(result));

  // The observers let go and exit after their result; the driver on 'stop'.
  driver.send({ type: 'stop' });
  await Promise.all(
    children.map((c) =>
      c.exitCode !== null || c.signalCode !== null ? undefined : new Promise((resolve) => c.once('exit', resolve)),
    ),
  );
}

if (process.argv[2] === '--driver') {
  runDriver(Number(process.argv[3]), Number(process.argv[4]), Number(process.argv[5])).catch((err) => {
    console.error(err);
    process.exit(1);
  });
} else {
  main().catch((err) => {
    console.error(err);
    for (const child of children) if (child.exitCode === null) child.kill();
    process.exit(1);
  });
}
