// Benchmark: an observed Mosquitto's log lines → the monitor messages at a subscriber of the server
// (platform-contract.md §7), at a steady rate of transitions (a client connects, or a connected one sends DISCONNECT),
// beside a subscriber of the broker's own signal ($SYS/broker/log/N, the lines the server reads) in the same run. The
// clients and both subscribers are in this process, so every arrival is on one clock; Debian's mosquitto and the
// server (dist/sandbox.js) run in processes of their own.
// Figures: from the client's action to each arrival (p50/p99), their ratio, and the server's own part (the monitor
// message after the log line).
// Run (mosquitto installed): node esbuild.js --tests && node out/bench/observe/mosquittoLatency.bench.js
//   [transitions per second = 500] [seconds = 20] [clients = 200]

import { connect } from 'mqtt';
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

/** The notice lines of the broker's log, keyed as the server's monitor messages are. */
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
  await sub.subscribeAsync('$SYS/broker/log/N', { qos: 0 });
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
  print(result, run.ranForS, 'log line at a subscriber of $SYS/broker/log/N');
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
