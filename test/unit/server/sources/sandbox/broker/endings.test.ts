// Connections that end at awkward moments, and what the platform makes of them: a clean DISCONNECT
// while messages to the client are under way, no CONNECT before the deadline (164), and a client
// gone between its authentication and its CONNACK (a failed attempt, not a failed token).

import * as assert from 'node:assert/strict';
import { generate } from 'mqtt-packet';
import WebSocket from 'ws';
import { closed, connected, Inbox, subscribed } from '../../../../../support/mqtt';
import { RawMqtt } from '../../../../../support/rawMqtt';
import { startTestSandbox, watchAllMonitors, type TestSandbox } from '../../../../../support/sandbox';
import { nextEvent, waitFor } from '../../../../../support/waitFor';

describe('sandbox broker: connections that end at awkward moments', function () {
  let t: TestSandbox;
  let watch: Inbox;
  before(async () => {
    t = await startTestSandbox();
    watch = await watchAllMonitors(t, 'watcher');
  });
  after(() => t.close());

  it(
    'records a clean DISCONNECT amid deliveries as 0, without a false warning about the deliveries cut ' + 'short',
    async () => {
      const d = t.registerDevice('flood', 'f-1');
      const port = Number(new URL(t.ready.mqttUrl).port);
      const device = await RawMqtt.open(port);
      device.connect({ clientId: d.clientId, username: 'use-token-auth', password: d.token });
      await device.next('connack');
      const app = await RawMqtt.open(port);
      app.connect({ clientId: 'a:testor:leaver', username: t.ready.apiKey, password: t.ready.apiToken });
      await app.next('connack');
      app.send({
        cmd: 'subscribe',
        messageId: 1,
        subscriptions: [{ topic: 'iot-2/type/flood/id/+/evt/+/fmt/+', qos: 0 }],
      });
      await app.next('suback');
      const counter = await connected(t.app('counter'));
      await subscribed(counter, 'iot-2/type/flood/id/+/evt/+/fmt/+');
      let delivered = 0;
      counter.on('message', () => delivered++);
      // The device publishes without pause, so deliveries to the app are always under way.
      const batch = Buffer.concat(
        Array.from({ length: 20 }, () =>
          generate({
            cmd: 'publish',
            topic: 'iot-2/evt/e/fmt/json',
            payload: Buffer.from('{}'),
            qos: 0,
            retain: false,
            dup: false,
          }),
        ),
      );
      let flooding = true;
      const flood = () => {
        if (!flooding || device.socket.destroyed) return;
        device.sendBytes(batch);
        setImmediate(flood);
      };
      flood();
      try {
        await waitFor('the flood going on', () => app.packets.length > 0 && delivered > 2000);
        app.send({ cmd: 'disconnect' });
        await app.closed;
        const disconnect = (await watch.monitor('a:testor:leaver', 'Disconnect')).json();
        assert.equal(disconnect.CloseCode, undefined, 'a clean DISCONNECT is 0');
        // Deliveries queued for the app before it left fail after it is gone: let many more go by.
        const left = delivered;
        await waitFor('more deliveries after the app left', () => delivered > left + 100, { timeoutMs: 15_000 });
      } finally {
        flooding = false;
        device.destroy();
      }
      const leaver = t.lines.filter((l) => l.includes('a:testor:leaver'));
      assert.deepEqual(
        leaver.filter((l) => !l.startsWith('info')),
        [],
        'no warning about the app after its clean DISCONNECT',
      );
      assert.equal(t.store.getState('a:testor:leaver')?.closeCode, 0);
    },
  );

  it(
    'records a client gone between its authentication and its CONNACK as a failed attempt (91), not a failed ' +
      'token',
    async () => {
      const d = t.registerDevice('sensor', 'twin');
      const older = await connected(t.device(d));
      // With a subscription to end, the older session's close takes aedes a few turns.
      await subscribed(older, 'iot-2/cmd/+/fmt/+');
      const newer = t.device(d);
      // The newer session takes over the older one; aedes writes the newer one's CONNACK but counts it
      // connected only once the older one is closed. The newer client leaves while its token is being
      // checked: its connection closes after authentication and before it is connected.
      const verify = t.store.verifyDeviceToken.bind(t.store);
      t.store.verifyDeviceToken = (...args) => {
        t.store.verifyDeviceToken = verify;
        newer.stream.destroy();
        return verify(...args);
      };
      await closed(newer);
      const failed = (await watch.monitor(d.clientId, 'FailedConnect')).json();
      assert.equal(failed.CloseCode, 91);
      assert.equal(failed.ClientAddr, '127.0.0.1');
      assert.equal((await watch.monitor(d.clientId, 'Disconnect')).json().CloseCode, 288);
      await closed(older);
      const log = t.store.listLog('sensor', 'twin').map((e) => e.message);
      assert.ok(
        log.includes('Closed connection from 127.0.0.1. The connection was closed by the client.'),
        log.join('\n'),
      );
      assert.ok(!log.some((m) => m.startsWith('Token auth failed')), log.join('\n'));
      assert.ok(
        t.lines.some(
          (l) =>
            l ===
            `info [sandbox/broker] ${d.clientId} from 127.0.0.1: the connection closed before its CONNACK: The ` +
              `connection was closed by the client (91)`,
        ),
        t.lines.join('\n'),
      );
      assert.deepEqual(
        t.lines.filter((l) => /auth failed/i.test(l)),
        [],
      );
    },
  );
});

describe('sandbox broker: the CONNECT deadline', function () {
  let t: TestSandbox;
  // Only sockets that never complete a CONNECT connect to this sandbox: a short deadline cannot
  // catch a real client on a slow machine.
  before(async () => (t = await startTestSandbox({ connectTimeoutMs: 500 })));
  after(() => t.close());

  const timedOut = () =>
    t.lines.filter(
      (l) =>
        l ===
        'warn [sandbox/broker] a client from 127.0.0.1: "connect did not arrive in time"; closing the connection (164)',
    );

  it('closes a connection that sends nothing with 164, naming its address, claiming no auth failure', async () => {
    const raw = await RawMqtt.open(Number(new URL(t.ready.mqttUrl).port));
    await raw.closed;
    await waitFor('the 164 line', () => timedOut().length === 1);
    assert.deepEqual(
      t.lines.filter((l) => /auth|\(91\)/i.test(l)),
      [],
    );
  });

  it('does the same for a CONNECT cut short, and over WebSocket', async () => {
    const raw = await RawMqtt.open(Number(new URL(t.ready.mqttUrl).port));
    raw.sendBytes(Buffer.from([0x10, 0x40, 0x00, 0x04, 0x4d, 0x51])); // a CONNECT's first bytes
    const ws = new WebSocket(t.ready.wsUrl, 'mqtt');
    ws.on('error', () => {});
    await nextEvent(ws, 'open');
    await Promise.all([raw.closed, nextEvent(ws, 'close', 10_000)]);
    await waitFor('two more 164 lines', () => timedOut().length === 3);
    assert.deepEqual(
      t.lines.filter((l) => /auth|\(91\)/i.test(l)),
      [],
    );
  });
});
