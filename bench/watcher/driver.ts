// The load side of latency.bench.ts, in its own process: the sandbox and N real mqtt.js devices.
// On 'go' it churns for the given seconds at the given rate — a connected device goes down
// (socket closed: close code 91), a device that went down comes back — then reports 'done' and,
// on 'stop', closes everything.

import mqtt, { type MqttClient } from 'mqtt';
import { startSandbox } from '../../src/server';
import type { ReadyInfo } from '../../src/core/readyInfo';
import { memoryLogger } from '../../src/server/log';
import { hashToken } from '../../src/server/store/store';

export interface DriverReady {
  type: 'ready';
  ready: ReadyInfo;
  ids: string[];
}
export type DriverMessage = DriverReady | { type: 'done'; transitions: number; disconnects: number };

const TYPES = ['sensor', 'valve', 'meter', 'camera', 'lock'];

function message(): Promise<string> {
  return new Promise((resolve) => process.once('message', (m: { type: string }) => resolve(m.type)));
}

export async function runDriver(seconds: number, count: number, rate: number): Promise<void> {
  const sandbox = await startSandbox({
    org: 'benchw',
    host: '127.0.0.1',
    ports: { mqtt: 0, mqtts: 0, ws: 0, wss: 0, http: 0, https: 0 },
    log: memoryLogger(),
  });
  const { ready, store } = sandbox;
  const now = new Date().toISOString();
  for (const type of TYPES) store.addType({ id: type, createdDateTime: now });
  const ids = Array.from({ length: count }, (_, i) => `d:${ready.org}:${TYPES[i % TYPES.length]}:dev-${i}`);
  ids.forEach((_, i) =>
    store.addDevice({
      typeId: TYPES[i % TYPES.length],
      deviceId: `dev-${i}`,
      gateway: false,
      tokenHash: hashToken(`token-${i}`),
      createdDateTime: now,
    }),
  );
  const connect = (i: number) =>
    new Promise<MqttClient>((resolve, reject) => {
      const c = mqtt.connect(ready.mqttUrl, {
        clientId: ids[i],
        username: 'use-token-auth',
        password: `token-${i}`,
        reconnectPeriod: 0,
        keepalive: 60,
      });
      c.once('connect', () => resolve(c));
      c.once('error', reject);
    });
  const devices: (MqttClient | undefined)[] = new Array(count);
  for (let i = 0; i < count; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, count - i) }, (_, k) => connect(i + k).then((c) => (devices[i + k] = c))),
    );
  }
  process.send?.({ type: 'ready', ready, ids } satisfies DriverReady);
  await message();

  const up = Array.from({ length: count }, (_, i) => i);
  const down: number[] = [];
  let transitions = 0;
  let disconnects = 0;
  const pending: Promise<unknown>[] = [];
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    const due = Math.floor(((performance.now() - started) / 1000) * rate);
    for (; transitions < due; transitions++) {
      if (transitions % 2 === 1 && down.length > 0) {
        const i = down.shift() as number;
        pending.push(
          connect(i).then(
            (c) => {
              devices[i] = c;
              up.push(i);
            },
            () => down.push(i),
          ),
        );
      } else if (up.length > 0) {
        const i = up.splice(Math.floor(Math.random() * up.length), 1)[0];
        devices[i]?.end(true);
        devices[i] = undefined;
        down.push(i);
        disconnects++;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.allSettled(pending);
  process.send?.({ type: 'done', transitions, disconnects } satisfies DriverMessage);
  await message();
  await Promise.all(devices.map((c) => c?.endAsync(true)));
  await sandbox.close();
  process.exit(0);
}
