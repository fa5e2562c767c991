// The sandbox process survives what a large fleet brings: a subscriber that cannot keep up while
// devices flood events. With aedes' default publish concurrency its queue drained recursively and
// overflowed the stack (seen with --simulate 10000, at shutdown); the broker now runs unqueued.

import * as assert from 'node:assert/strict';
import { connect, type MqttClient } from 'mqtt';
import type { ReadyInfo } from '../../../../../../src/core/readyInfo';
import { killIfRunning, restCall, spawnSandbox, type SandboxProcess } from '../../../process';

const DEVICES = 200;
const EVENTS_EACH = 300;

async function call(ready: ReadyInfo, route: string, body?: unknown): Promise<number> {
  return (await restCall(ready, route, { body })).status;
}

function connected(client: MqttClient): Promise<MqttClient> {
  return new Promise((resolve, reject) => client.once('connect', () => resolve(client)).once('error', reject));
}

describe("simulator: the sandbox under a fleet's load", function () {
  // 120 MB through the broker: a minute or more when the machine is busy.
  this.timeout(180_000);
  let running: SandboxProcess | undefined;
  const clients: MqttClient[] = [];
  after(async () => {
    await Promise.all(clients.map((c) => c.endAsync(true).catch(() => undefined)));
    killIfRunning(running);
  });

  it(
    `keeps serving, and exits 0, after ${DEVICES} devices flood events past a subscriber that does not ` + `read`,
    async () => {
      running = spawnSandbox(['--mqtt-port', '0', '--ws-port', '0', '--http-port', '0']);
      const ready = await running.ready;
      assert.equal(await call(ready, '/device/types', { id: 'flood' }), 201);
      for (let i = 0; i < DEVICES; i += 20) {
        const batch = Array.from({ length: Math.min(20, DEVICES - i) }, (_, k) =>
          call(ready, '/device/types/flood/devices', { deviceId: `f-${i + k}`, authToken: `token-f-${i + k}` }),
        );
        assert.deepEqual(new Set(await Promise.all(batch)), new Set([201]));
      }
      const app = await connected(
        connect(ready.mqttUrl, {
          clientId: `a:${ready.org}:slow`,
          username: ready.apiKey,
          password: ready.apiToken,
          reconnectPeriod: 0,
        }),
      );
      clients.push(app);
      await app.subscribeAsync('iot-2/type/flood/id/+/evt/+/fmt/+');
      app.stream.pause(); // it stops reading: the broker's writes to it back up

      const devices = await Promise.all(
        Array.from({ length: DEVICES }, (_, i) => {
          const c = connect(ready.mqttUrl, {
            clientId: `d:${ready.org}:flood:f-${i}`,
            username: 'use-token-auth',
            password: `token-f-${i}`,
            reconnectPeriod: 0,
          });
          c.on('error', () => {});
          clients.push(c);
          return connected(c);
        }),
      );
      const payload = Buffer.alloc(2000, 0x41);
      const written = devices.flatMap((d) =>
        Array.from(
          { length: EVENTS_EACH },
          () =>
            new Promise<void>((resolve) => d.publish('iot-2/evt/burst/fmt/bin', payload, { qos: 0 }, () => resolve())),
        ),
      );
      await Promise.all(written);

      assert.equal(await call(ready, '/config/clientstate'), 200, 'the REST API still answers');
      await Promise.all(clients.map((c) => c.endAsync(true)));
      running.child.kill('SIGTERM');
      assert.equal(await running.exit, 0, running.stderr.slice(-3000));
      assert.doesNotMatch(running.stderr, /Maximum call stack/);
    },
  );
});
