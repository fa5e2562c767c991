// Benchmark: an observed Mosquitto's log lines → the monitor messages at a subscriber of the server
// (platform-contract.md §7), at a steady rate of transitions (a client connects, or a connected one sends DISCONNECT),
// beside a subscriber of the broker's own signal (the server's own $SYS subscription: the log lines it reads, and the
// counts) in the same run. The
// clients and both subscribers are in this process, so every arrival is on one clock; Debian's mosquitto and the
// server (dist/sandbox.js) run in processes of their own.
// Figures: from the client's action to each arrival (p50/p99), their ratio, and the server's own part (the monitor
// message after the log line).
// Run (mosquitto installed): node esbuild.js --tests && node out/bench/observe/mosquittoLatency.bench.js
//   [transitions per second = 500] [seconds = 20] [clients = 200]

import { connect } from 'mqtt';
import { MOSQUITTO_TOPICS } from '../../src/server/sources/mosquitto';
import { startMosquitto } from '../../test/support/brokers/mosquitto';
import { load, machine } from '../sandbox/support/report';
import { startBenchSandbox } from '../sandbox/support/sandbox';
import { monitorWatcher, type Arrival } from './support/monitor';
import { Arrivals, drive, figures, print } from './support/transitions';

const d = {
  rate: Number(process.argv[2] ?? 500),
  seconds: Number(process.argv[3] ?? 20),
  clients: Number(process.argv[4] ?? 200),
};

/**
 * The notice lines of the broker's log, keyed as the server's monitor messages are. It subscribes to exactly what the
 * server's source does: Mosquitto does not set TCP_NODELAY by default, so a subscriber of a thinner stream (only
 * `$SYS/broker/log/N`) waits on Nagle's algorithm and delayed ACKs (up to ~40 ms) where the server, with more traffic
 * on its connection, does not: such a reference lags the server it is meant to bound.
 */
async function logWatcher(url: string, arrived: Arrival) {
  const sub = connect(url, { clientId: 'bench-log-watcher', reconnectPeriod: 0 });
  await new Promise((resolve, reject) => {
    sub.once('connect', resolve);
    sub.once('error', reject);
  });
  sub.on('message', (_topic, payload) => {
    const at = performance.now();
    const line = payload.toString('utf8');
    const connected = / as (bench-\d+) \(/.exec(line);
    const closed = /Client (bench-\d+) (?:disconnected|closed its connection)/.exec(line);
    if (connected) arrived(`log-Connect|${connected[1]}`, at);
    else if (closed) arrived(`log-Disconnect|${closed[1]}`, at);
  });
  await sub.subscribeAsync(MOSQUITTO_TOPICS, { qos: 0 });
  return sub;
}

async function main(): Promise<void> {
  console.log(`${machine()}; ${load()}`);
  const broker = await startMosquitto();
  const observer = await startBenchSandbox(['--observe-mosquitto', broker.url]);
  const arrivals = new Arrivals();
  const watcher = await monitorWatcher(observer, arrivals.arrived);
  const log = await logWatcher(broker.url, arrivals.arrived);
  const drive_ = { ...d, mqttUrl: broker.url };
  const run = await drive(drive_, 3000);
  const result = figures('mosquittoLatency', drive_, run, arrivals, (t) => `log-${t.action}|${t.clientId}`);
  print(result, run.ranForS, 'log line at a subscriber of the same $SYS topics');
  run.end();
  await watcher.endAsync(true);
  await log.endAsync(true);
  await observer.stop();
  await broker.stop();
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
