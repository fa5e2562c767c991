// One observer of latency.bench.ts, in a process of its own (argv[2] names which), so that no
// observer's parsing delays another's socket read: each has its own event loop and MQTT connection,
// subscribed to core/monitorCover's plan for the pinned devices, skipping retained messages.
//   watcher:       the extension's PinnedWatcher (src/views/watcher), every device pinned, timed
//                  once statusModel (what the status-bar item renders) is recomputed for the change;
//   monitorClient: the platform's MonitorClient alone, its parsed event fed to core/presence;
//   bareMqttJs:    a plain mqtt.js subscriber, timed at JSON.parse of the payload.
// Latency: from the broker's `Time` stamp of the Disconnect to the handler, both read from this
// machine's wall clock (timeOrigin + now for sub-millisecond resolution). Every observer samples its
// heap after a forced GC every 10 s during the churn, so that each pays the same pauses.

import mqtt from 'mqtt';
import { planCover } from '../../src/core/monitorCover';
import { PresenceBook } from '../../src/core/presence/book';
import { parseInstant } from '../../src/core/time';
import { MonitorClient, PlatformRestClient } from '../../src/platform';
import type { ReadyInfo } from '../../src/core/readyInfo';
import { statusModel, type StatusModel } from '../../src/features/watcher/statusModel';
import { PinnedWatcher } from '../../src/features/watcher/watcher';
import { fromParent, toParent, type HeapFigures, type ObserverRole, type ToObserver } from './ipc';

/** A subscribed observer: it pushes into `latencyMs`; `end` reads its model; `close` lets go of it. */
interface Observer {
  end(): Record<string, unknown>;
  close(): Promise<void>;
}

const epochNow = () => performance.timeOrigin + performance.now();
const sinceTime = (time: string | undefined) => epochNow() - (parseInstant(time ?? '') ?? NaN);
const mib = () => +(process.memoryUsage().heapUsed / 2 ** 20).toFixed(1);
const until = async (done: () => boolean, ms: number) => {
  const deadline = Date.now() + ms;
  while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
};

async function monitorClient(ready: ReadyInfo, ids: string[], latencyMs: number[]): Promise<Observer> {
  const book = new PresenceBook();
  for (const id of ids) book.pin(id);
  const monitor = new MonitorClient({
    mqttUrl: ready.mqttUrl,
    orgId: ready.org,
    appId: 'bench-monitor',
    apiKey: ready.apiKey,
    apiToken: ready.apiToken,
  });
  monitor.on('message', (e) => {
    book.applyMonitor(e.message, e.retained, e.receivedAt);
    if (e.message.Action === 'Disconnect' && !e.retained) latencyMs.push(sinceTime(e.message.Time));
  });
  const plan = planCover(ids);
  const subscribed = new Promise<void>((resolve) => {
    let left = plan.topics.length;
    monitor.on('subscription', () => --left === 0 && resolve());
  });
  monitor.start();
  await monitor.setPlan(plan);
  await subscribed;
  return { end: () => ({ presence: book.counts() }), close: () => monitor.dispose() };
}

async function watcher(ready: ReadyInfo, ids: string[], latencyMs: number[]): Promise<Observer> {
  const rest = new PlatformRestClient({ apiUrl: ready.apiUrl, apiKey: ready.apiKey, apiToken: ready.apiToken });
  const w = new PinnedWatcher(
    {
      platformName: 'bench',
      mqttUrl: ready.mqttUrl,
      orgId: ready.org,
      apiKey: ready.apiKey,
      apiToken: ready.apiToken,
      rest,
    },
    { appId: 'bench-watcher' },
  );
  let model: StatusModel | undefined;
  w.on(
    'changed',
    () => (model = statusModel({ connection: w.connection, tally: w.tally, problems: w.problems.length })),
  );
  // The watcher emits 'changed' (model recomputed) before each 'transition'.
  w.on('transition', (t) => {
    if (t.change === 'disconnected' && !t.initial && t.event.source === 'monitor' && model?.kind === 'offline') {
      latencyMs.push(epochNow() - (t.event.time ?? NaN));
    }
  });
  await w.setPins(ids);
  await until(() => w.tally.connected === ids.length, 30_000);
  if (w.tally.connected !== ids.length) {
    throw new Error(`the watcher saw ${w.tally.connected} of ${ids.length} devices connected`);
  }
  return {
    end: () => ({
      watcherTally: { connected: w.tally.connected, offline: w.tally.offline, unknown: w.tally.unknown },
      statusText: model?.text,
    }),
    close: async () => {
      await w.dispose();
      rest.dispose();
    },
  };
}

async function bareMqttJs(ready: ReadyInfo, ids: string[], latencyMs: number[]): Promise<Observer> {
  const plan = planCover(ids);
  const bare = mqtt.connect(ready.mqttUrl, {
    clientId: `a:${ready.org}:bench-bare`,
    username: ready.apiKey,
    password: ready.apiToken,
    reconnectPeriod: 0,
  });
  await new Promise<void>((resolve, reject) => {
    bare.once('connect', () => resolve());
    bare.once('error', reject);
  });
  bare.on('message', (topic, payload, packet) => {
    if (packet.retain || !plan.accepts(topic)) return;
    const m = JSON.parse(payload.toString('utf8')) as { Action?: string; Time?: string };
    if (m.Action === 'Disconnect') latencyMs.push(sinceTime(m.Time));
  });
  await bare.subscribeAsync([...plan.topics], { qos: 0 });
  return { end: () => ({}), close: () => bare.endAsync(true) };
}

const OBSERVERS: Record<ObserverRole, typeof watcher> = { watcher, monitorClient, bareMqttJs };

async function run(role: ObserverRole): Promise<void> {
  // Listening for every message at once: none can arrive before its listener.
  const start = fromParent<ToObserver, 'start'>('start');
  const go = fromParent<ToObserver, 'go'>('go');
  const finish = fromParent<ToObserver, 'finish'>('finish');
  const { ready, ids } = await start;
  const latencyMs: number[] = [];
  const observer = await OBSERVERS[role](ready, ids, latencyMs);
  await toParent({ type: 'ready' });

  await go;
  // Only the churn's disconnects count (none happen before 'go').
  latencyMs.length = 0;
  global.gc?.();
  const heap: HeapFigures = { beforeMiB: mib(), afterMiB: 0, samplesMiB: [] };
  const sampler = setInterval(() => {
    global.gc?.();
    heap.samplesMiB.push(mib());
  }, 10_000);
  const { disconnects } = await finish;
  await until(() => latencyMs.length >= disconnects, 5000);
  clearInterval(sampler);
  global.gc?.();
  heap.afterMiB = mib();
  await toParent({ type: 'result', role, latencyMs, heap, end: observer.end() });
  await observer.close();
  process.exit(0);
}

const role = process.argv[2] as ObserverRole;
if (!Object.hasOwn(OBSERVERS, role)) {
  console.error(`observer: unknown role '${role}' (one of ${Object.keys(OBSERVERS).join(', ')})`);
  process.exit(2);
}
run(role).catch((err) => {
  console.error(err);
  process.exit(1);
});
