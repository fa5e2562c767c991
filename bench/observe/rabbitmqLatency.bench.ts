// Benchmark: an observed RabbitMQ's connection events → the monitor messages at a subscriber of the server
// (platform-contract.md §7), at a steady rate of transitions (a client connects, or a connected one sends DISCONNECT),
// beside a consumer of the broker's own signal (amq.rabbitmq.event) in the same run. The clients, the server's
// subscriber and the event consumer are all in this process, so every arrival is on one clock; the node and the
// server (dist/sandbox.js) run in processes of their own.
// Figures: from the client's action to each arrival (p50/p99), their ratio, and the server's own part (the monitor
// message after the event).
// Run (as root, RabbitMQ installed): node esbuild.js --tests && node out/bench/observe/rabbitmqLatency.bench.js
//   [transitions per second = 500] [seconds = 20] [clients = 200]

import { startRabbitNode } from '../../test/support/brokers/rabbitmq';
import { load, machine } from '../sandbox/support/report';
import { monitorWatcher } from './support/monitor';
import { eventWatcher, startObservingServer } from './support/rabbit';
import { Arrivals, drive, figures, print } from './support/transitions';

const d = {
  rate: Number(process.argv[2] ?? 500),
  seconds: Number(process.argv[3] ?? 20),
  clients: Number(process.argv[4] ?? 200),
};

async function main(): Promise<void> {
  console.log(`${machine()}; ${load()}`);
  const node = await startRabbitNode();
  const observer = await startObservingServer(node);
  const arrivals = new Arrivals();
  const watcher = await monitorWatcher(observer, arrivals.arrived);
  const events = await eventWatcher(node, arrivals.arrived);
  const drive_ = { ...d, mqttUrl: node.mqttUrl };
  // The server holds a close up to 2 s for its cause: let the last ones come.
  const run = await drive(drive_, 5000);
  // The broker names a connection "{client address}:{port} -> {its address}:{port}".
  const name = (port: number) => `127.0.0.1:${port} -> 127.0.0.1:${node.ports.mqtt}`;
  const result = figures('rabbitmqLatency', drive_, run, arrivals, (t) =>
    t.port === undefined ? undefined : `${t.action === 'Connect' ? 'created' : 'closed'}|${name(t.port)}`,
  );
  print(result, run.ranForS, 'event at a consumer of amq.rabbitmq.event');
  run.end();
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
