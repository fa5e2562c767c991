// Bad input on the MQTT port: garbage, packets out of order, a second CONNECT. The broker closes
// that one connection (105 when the client was connected), logs it, and keeps serving the rest.

import * as assert from 'node:assert/strict';
import { connected, Inbox, subscribed } from '../../../../../support/mqtt';
import { RawMqtt } from '../../../../../support/rawMqtt';
import { startTestSandbox, type TestSandbox } from '../../../../../support/sandbox';
import { waitFor } from '../../../../../support/waitFor';

describe('sandbox broker: malformed MQTT', () => {
  let t: TestSandbox;
  let watch: Inbox;
  let port: number;
  before(async () => {
    t = await startTestSandbox();
    port = Number(new URL(t.ready.mqttUrl).port);
    const app = await connected(t.app('watcher'));
    watch = new Inbox(app);
    await subscribed(app, 'iot-2/type/+/id/+/mon');
  });
  after(() => t.close());

  /** A registered device connects afterwards: the broker is still serving. */
  async function stillServing(deviceId: string): Promise<void> {
    const d = t.registerDevice('sensor', deviceId);
    await connected(t.device(d));
    await watch.monitor(d.clientId, 'Connect');
  }

  it('closes a connection that sends HTTP instead of MQTT, logs it, and keeps serving', async () => {
    const linesBefore = t.lines.length;
    const raw = await RawMqtt.open(port);
    raw.sendBytes(Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n'));
    await raw.closed;
    await waitFor('the log line', () =>
      t.lines
        .slice(linesBefore)
        .find((l) => l.includes('from 127.0.0.1') && l.includes('closing the connection (105)')),
    );
    await stillServing('after-http');
  });

  it('closes a connection whose first packet is not CONNECT', async () => {
    const raw = await RawMqtt.open(port);
    raw.send({
      cmd: 'publish',
      topic: 'iot-2/evt/x/fmt/json',
      payload: Buffer.from('{}'),
      qos: 0,
      retain: false,
      dup: false,
    });
    await raw.closed;
    await stillServing('after-early-publish');
  });

  it('closes a connected device that sends garbage, with 105', async () => {
    const d = t.registerDevice('sensor', 'garbler');
    const raw = await RawMqtt.open(port);
    raw.connect({ clientId: d.clientId, username: 'use-token-auth', password: d.token });
    await raw.next('connack');
    raw.sendBytes(Buffer.from([0x00, 0xff, 0xff, 0xff, 0xff, 0x7f]));
    await raw.closed;
    const m = (await watch.monitor(d.clientId, 'Disconnect')).json();
    assert.equal(m.CloseCode, 105);
    assert.equal(m.Reason, 'The data from the client is not valid');
    await waitFor('the state', () => t.store.getState(d.clientId)?.closeCode === 105);
    await stillServing('after-garbage');
  });

  it('closes a connected device that sends a second CONNECT, with 105', async () => {
    const d = t.registerDevice('sensor', 'double-connect');
    const raw = await RawMqtt.open(port);
    raw.connect({ clientId: d.clientId, username: 'use-token-auth', password: d.token });
    await raw.next('connack');
    raw.connect({ clientId: d.clientId, username: 'use-token-auth', password: d.token });
    await raw.closed;
    assert.equal((await watch.monitor(d.clientId, 'Disconnect')).json().CloseCode, 105);
  });

  it('leaves nothing behind for a CONNECT cut short', async () => {
    const d = t.registerDevice('sensor', 'half-connect');
    const raw = await RawMqtt.open(port);
    // A CONNECT cut in the middle, then the socket ends.
    raw.sendBytes(Buffer.from([0x10, 0x40, 0x00, 0x04, 0x4d, 0x51]));
    raw.socket.end();
    await raw.closed;
    await stillServing('after-half-connect');
    assert.equal(t.store.getState(d.clientId), undefined);
  });

  it('survives random bytes on many connections at once', async () => {
    const raws = await Promise.all(Array.from({ length: 20 }, () => RawMqtt.open(port)));
    raws.forEach((raw, i) => raw.sendBytes(Buffer.from(Array.from({ length: 64 }, (_, j) => (i * 31 + j * 17) % 256))));
    // Bytes that happen to form the start of a valid packet wait for more: end those from our side.
    for (const raw of raws) raw.socket.end();
    await Promise.all(raws.map((raw) => raw.closed));
    await stillServing('after-noise');
  });
});
