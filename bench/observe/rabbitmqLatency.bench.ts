// Benchmark: an observed RabbitMQ's connection events → the monitor messages at a subscriber of the server
// (platform-contract.md §7), at a steady rate of transitions (a client connects, or a connected one sends DISCONNECT),
// beside a consumer of the broker's own signal (amq.rabbitmq.event) in the same run. The clients, the server's
// subscriber and the event consumer are all in this process, so every arrival is on one clock; the node and the
// server (dist/sandbox.js) run in processes of their own.
// Figures: from the client's action to each arrival (p50/p99), their ratio, and the server's own part (the monitor
// message after the event).
// Run (as root, RabbitMQ installed): node esbuild.js --tests && node out/bench/observe/rabbitmqLatency.bench.js
//   [transitions per second = 500] [seconds = 20] [clients = 200]

import { connect, type MqttClient } from 'mqtt';
import { startRabbitNode } from '../../test/support/brokers/rabbitmq';
import { load, machine, summarise } from '../sandbox/support/report';
import { eventWatcher, monitorWatcher, startObservingServer } from './support/rabbit';

const RATE = Number(process.argv[2] ?? 500);
const SECONDS = Number(process.argv[3] ?? 20);
const CLIENTS = Number(process.argv[4] ?? 200);

interface Transition {
  action: 'Connect' | 'Disconnect';
  clientId: string;
  t0: number;
  /** The broker's name of the connection, once known. */
  name?: string;
}

type Slot = { clientId: string; state: 'idle' | 'busy' | 'connected'; client?: MqttClient; name?: string };

const arrivals = new Map<string, number[]>();
const arrived = (key: string, at: number) => {
  const list = arrivals.get(key);
  if (list) list.push(at);
  else arrivals.set(key, [at]);
};

/** The first arrival under `key` at or after `t0` not matched yet. */
const used = new Map<string, number>();
function match(key: string, t0: number): number | undefined {
  const list = arrivals.get(key) ?? [];
  let i = used.get(key) ?? 0;
  while (i < list.length && list[i] < t0) i++;
  if (i >= list.length) return undefined;
  used.set(key, i + 1);
  return list[i];
}

async function main(): Promise<void> {
  console.log(`${machine()}; ${load()}`);
  const node = await startRabbitNode();
  const observer = await startObservingServer(node);
  const watcher = await monitorWatcher(observer, arrived);
  const events = await eventWatcher(node, arrived);
  const mqttPort = node.ports.mqtt;
  const slots: Slot[] = Array.from({ length: CLIENTS }, (_, i) => ({ clientId: `bench-${i}`, state: 'idle' }));
  const transitions: Transition[] = [];
  let skipped = 0;
  let failed = 0;

  const act = (s: Slot) => {
    if (s.state === 'busy') return void skipped++;
    if (s.state === 'idle') {
      const t: Transition = { action: 'Connect', clientId: s.clientId, t0: performance.now() };
      transitions.push(t);
      s.state = 'busy';
      const c = connect(node.mqttUrl, { clientId: s.clientId, reconnectPeriod: 0, keepalive: 60 });
      c.on('error', () => {});
      c.once('connect', () => {
        const port = (c.stream as unknown as { localPort: number }).localPort;
        s.name = t.name = `127.0.0.1:${port} -> 127.0.0.1:${mqttPort}`;
        s.client = c;
        s.state = 'connected';
      });
      c.once('close', () => {
        if (s.state === 'busy' && s.client === undefined) {
          failed++;
          s.state = 'idle';
        }
      });
      return;
    }
    const c = s.client as MqttClient;
    transitions.push({ action: 'Disconnect', clientId: s.clientId, t0: performance.now(), name: s.name });
    s.state = 'busy';
    c.end(false, {}, () => {
      s.client = undefined;
      s.state = 'idle';
    });
  };

  const started = performance.now();
  const every = 1000 / RATE;
  for (let k = 0; performance.now() - started < SECONDS * 1000; k++) {
    const due = started + k * every;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    act(slots[k % CLIENTS]);
  }
  const ranFor = (performance.now() - started) / 1000;
  // The server holds a close up to 2 s for its cause: let the last ones come.
  await new Promise((resolve) => setTimeout(resolve, 5000));

  const fromAction = { server: [] as number[], broker: [] as number[] };
  const serverPart = { Connect: [] as number[], Disconnect: [] as number[] };
  let missedServer = 0;
  let missedBroker = 0;
  for (const t of transitions.sort((a, b) => a.t0 - b.t0)) {
    const m = match(`${t.action}|${t.clientId}`, t.t0);
    const e = t.name === undefined ? undefined : match(`${t.action === 'Connect' ? 'created' : 'closed'}|${t.name}`, 0);
    if (m === undefined) missedServer++;
    else fromAction.server.push(m - t.t0);
    if (e === undefined) missedBroker++;
    else fromAction.broker.push(e - t.t0);
    if (m !== undefined && e !== undefined) serverPart[t.action].push(m - e);
  }
  const server = summarise(fromAction.server);
  const broker = summarise(fromAction.broker);
  const part = summarise([...serverPart.Connect, ...serverPart.Disconnect]);
  const result = {
    bench: 'rabbitmqLatency',
    ratePerSecond: RATE,
    achievedPerSecond: Math.round(transitions.length / ranFor),
    transitions: transitions.length,
    clients: CLIENTS,
    skipped,
    failed,
    missedServer,
    missedBroker,
    fromActionMs: { server, broker },
    ratioP50: +(server.p50 / broker.p50).toFixed(2),
    ratioP99: +(server.p99 / broker.p99).toFixed(2),
    serverPartMs: {
      all: part,
      connect: summarise(serverPart.Connect),
      disconnect: summarise(serverPart.Disconnect),
    },
    load: load(),
    node: process.version,
  };
  console.log(
    `${result.transitions} transitions in ${ranFor.toFixed(1)} s (${result.achievedPerSecond}/s; ${skipped} ticks ` +
      `skipped on a client still busy, ${failed} connects failed)\n` +
      `action → event at a consumer of amq.rabbitmq.event: p50 ${broker.p50} ms, p99 ${broker.p99} ms ` +
      `(missed ${missedBroker})\n` +
      `action → monitor message at a subscriber of the server: p50 ${server.p50} ms, p99 ${server.p99} ms ` +
      `(missed ${missedServer})\n` +
      `ratio p50 ${result.ratioP50}×, p99 ${result.ratioP99}×; the server's part (event → monitor message): ` +
      `p50 ${part.p50} ms, p99 ${part.p99} ms`,
  );
  console.log(JSON.stringify(result));

  for (const s of slots) s.client?.end(true);
  await watcher.endAsync(true);
  await events.close();
  await observer.stop();
  await node.destroy();
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
