// Benchmark: monitor fan-out latency, from a device's disconnect to its Disconnect message at the
// application subscribers of `iot-2/type/{t}/id/+/mon` — p50/p99 over every delivery, with 1 and
// with 10 subscribers. The sandbox runs in its own process; the devices and the applications are
// mqtt.js clients in this one, so both ends are timed on one clock. Each sample: a device
// connects (its Connect reaches every subscriber first), then the clock starts and it sends
// DISCONNECT (close code 0).
// Run: node esbuild.js --tests && node out/bench/sandbox/monitorFanout.bench.js [samples]

import { connect, type MqttClient } from 'mqtt';
import { load, machine, summarise, type Summary } from './support/report';
import { registerDevices, startBenchSandbox, type BenchSandbox, type BenchDevice } from './support/sandbox';

const SAMPLES = Number(process.argv[2] ?? 500);
const DEVICES = 50;

function connected(client: MqttClient): Promise<MqttClient> {
  return new Promise((resolve, reject) => {
    client.once('connect', () => resolve(client));
    client.once('error', reject);
  });
}

/** The next monitor message of `clientId` with `action` at `app`, and when it arrived. */
function arrival(app: MqttClient, clientId: string, action: string): Promise<number> {
  return new Promise((resolve) => {
    const onMessage = (_topic: string, payload: Buffer) => {
      const m = JSON.parse(payload.toString('utf8')) as { ClientID?: string; Action?: string };
      if (m.ClientID !== clientId || m.Action !== action) return;
      app.off('message', onMessage);
      resolve(performance.now());
    };
    app.on('message', onMessage);
  });
}

async function run(sandbox: BenchSandbox, devices: BenchDevice[], subscribers: number): Promise<Summary> {
  const { ready } = sandbox;
  const apps = await Promise.all(
    Array.from({ length: subscribers }, (_, i) =>
      connected(
        connect(ready.mqttUrl, {
          clientId: `a:${ready.org}:fan-${subscribers}-${i}`,
          username: ready.apiKey,
          password: ready.apiToken,
          reconnectPeriod: 0,
        }),
      ),
    ),
  );
  await Promise.all(apps.map((a) => a.subscribeAsync('iot-2/type/fan/id/+/mon', { qos: 0 })));
  const latencies: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const d = devices[i % devices.length];
    const connects = apps.map((a) => arrival(a, d.clientId, 'Connect'));
    const device = await connected(
      connect(ready.mqttUrl, { clientId: d.clientId, username: d.username, password: d.password, reconnectPeriod: 0 }),
    );
    await Promise.all(connects);
    const disconnects = apps.map((a) => arrival(a, d.clientId, 'Disconnect'));
    const start = performance.now();
    device.end(false);
    for (const at of await Promise.all(disconnects)) latencies.push(at - start);
  }
  await Promise.all(apps.map((a) => a.endAsync(true)));
  return summarise(latencies);
}

async function main(): Promise<void> {
  console.log(`${machine()}; ${load()}`);
  const sandbox = await startBenchSandbox();
  try {
    const devices = await registerDevices(sandbox, 'fan', DEVICES);
    const figures: Record<string, Summary> = {};
    for (const subscribers of [1, 10]) {
      const s = (figures[`subscribers${subscribers}`] = await run(sandbox, devices, subscribers));
      console.log(
        `${String(subscribers).padStart(2)} subscriber(s): ${s.n} deliveries, p50 ${s.p50} ms, p99 ${s.p99} ms, max ` +
          `${s.max} ms; ${load()}`,
      );
    }
    console.log(JSON.stringify({ bench: 'monitorFanout', samples: SAMPLES, node: process.version, ...figures }));
  } finally {
    await sandbox.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
