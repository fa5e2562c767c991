// Benchmark: how fast the sandbox accepts device connections, side by side with Mosquitto in the
// same run, with the same client code (this process, real mqtt.js clients, the same ids and
// credentials; Mosquitto lets them in anonymously). Target: at least 0.5× Mosquitto's
// rate. Rounds alternate which broker goes first; the median round of each is compared.
// Run: node esbuild.js --tests && node out/bench/sandbox/connectRate.bench.js [connections] [rounds] [inFlight]
// Needs Mosquitto: apt-get install -y mosquitto (it is started here on a free port and stopped).

import { openAll, dropAll } from './support/clients';
import { startMosquitto } from './support/mosquitto';
import { load, machine, summarise } from './support/report';
import { registerDevices, startBenchSandbox } from './support/sandbox';

const COUNT = Number(process.argv[2] ?? 2000);
const ROUNDS = Number(process.argv[3] ?? 5);
const IN_FLIGHT = Number(process.argv[4] ?? 50);

async function main(): Promise<void> {
  console.log(`${machine()}; ${load()}`);
  const sandbox = await startBenchSandbox();
  const mosquitto = await startMosquitto().catch(async (err: unknown) => {
    await sandbox.stop();
    throw err;
  });
  try {
    const devices = await registerDevices(sandbox, 'rate', COUNT);
    const brokers = [
      { name: 'sandbox', url: sandbox.ready.mqttUrl },
      { name: `mosquitto ${mosquitto.version}`, url: mosquitto.url },
    ];
    const rates = new Map<string, number[]>(brokers.map((b) => [b.name, []]));
    console.log(`${ROUNDS} rounds of ${COUNT} connections, ${IN_FLIGHT} in flight; every round drops them all again`);
    for (let round = 0; round < ROUNDS; round++) {
      for (const b of round % 2 === 0 ? brokers : [...brokers].reverse()) {
        const opened = await openAll(b.url, devices, IN_FLIGHT);
        const rate = (opened.clients.length / opened.ms) * 1000;
        rates.get(b.name)?.push(rate);
        console.log(
          `round ${round + 1} ${b.name.padEnd(18)} ${String(opened.clients.length).padStart(6)} connected ` +
            `(${opened.failed} failed) in ${opened.ms.toFixed(0).padStart(6)} ms: ${rate.toFixed(0).padStart(6)}/s; ` +
            `${load()}`,
        );
        await dropAll(opened.clients);
      }
    }
    const median = (name: string) => summarise(rates.get(name) ?? []).p50;
    const [ours, theirs] = brokers.map((b) => median(b.name));
    const ratio = ours / theirs;
    console.log(
      `median: sandbox ${ours.toFixed(0)}/s, ${brokers[1].name} ${theirs.toFixed(0)}/s: ${ratio.toFixed(2)}× (target ` +
        `≥ 0.5×): ${ratio >= 0.5 ? 'met' : 'NOT met'}`,
    );
    console.log(
      JSON.stringify({
        bench: 'connectRate',
        connections: COUNT,
        rounds: ROUNDS,
        inFlight: IN_FLIGHT,
        mosquitto: mosquitto.version,
        node: process.version,
        sandboxPerSecond: {
          median: +ours.toFixed(0),
          rounds: (rates.get(brokers[0].name) ?? []).map((r) => +r.toFixed(0)),
        },
        mosquittoPerSecond: {
          median: +theirs.toFixed(0),
          rounds: (rates.get(brokers[1].name) ?? []).map((r) => +r.toFixed(0)),
        },
        ratio: +ratio.toFixed(2),
      }),
    );
  } finally {
    await mosquitto.stop();
    await sandbox.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
