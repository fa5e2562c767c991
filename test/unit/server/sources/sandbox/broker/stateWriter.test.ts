// The Client Connection State records the broker writes (platform-contract.md §2.3): every activity event, both
// connect and disconnect times kept, and the optional lag before a change shows.

import * as assert from 'node:assert/strict';
import type { ClientStateWire } from '../../../../../../src/core/clientState';
import { parseInstant } from '../../../../../../src/core/time';
import { closed, connected, subscribed } from '../../../../../support/mqtt';
import { startTestSandbox, type TestSandbox } from '../../../../../support/sandbox';
import { waitFor } from '../../../../../support/waitFor';

describe('sandbox broker: client state (platform-contract.md §2.3)', () => {
  let t: TestSandbox;
  before(async () => (t = await startTestSandbox()));
  after(() => t.close());

  const until = (what: string, clientId: string, ok: (s: ClientStateWire) => boolean) =>
    waitFor(what, () => {
      const s = t.store.getState(clientId);
      return s !== undefined && ok(s) && s;
    });

  it('follows connect, publish, subscribe, unsubscribe and disconnect', async () => {
    const d = t.registerDevice('probe', 'p-1');
    const client = await connected(t.device(d));
    const first = await until('mqttConnect', d.clientId, (s) => s.lastActivityEvent === 'mqttConnect');
    assert.equal(first.connectionStatus, 'connected');
    assert.equal(first.clientType, 'device');
    assert.equal(first.lastConnectTime, first.lastActivityTime);
    assert.equal(first.lastDisconnectTime, undefined);

    await client.publishAsync('iot-2/evt/e/fmt/json', '{}', { qos: 1 });
    await until('mqttPublish', d.clientId, (s) => s.lastActivityEvent === 'mqttPublish');
    await subscribed(client, 'iot-2/cmd/+/fmt/+');
    await until('mqttSubscribe', d.clientId, (s) => s.lastActivityEvent === 'mqttSubscribe');
    await client.unsubscribeAsync('iot-2/cmd/+/fmt/+');
    const unsubscribed = await until('mqttUnsubscribe', d.clientId, (s) => s.lastActivityEvent === 'mqttUnsubscribe');
    assert.equal(unsubscribed.connectionStatus, 'connected');

    await client.endAsync();
    const gone = await until('mqttDisconnect', d.clientId, (s) => s.connectionStatus === 'disconnected');
    assert.equal(gone.lastActivityEvent, 'mqttDisconnect');
    assert.equal(gone.lastConnectTime, first.lastConnectTime);
    assert.ok(parseInstant(gone.lastDisconnectTime as string)! >= parseInstant(gone.lastConnectTime as string)!);
    for (const time of [gone.lastConnectTime, gone.lastDisconnectTime, gone.lastActivityTime]) {
      assert.match(time as string, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }
  });

  it('keeps the last disconnect (time and cause) after the client connects again', async () => {
    const d = t.registerDevice('probe', 'p-2');
    const client = await connected(t.device(d));
    client.stream.destroy();
    await closed(client);
    const dropped = await until('the drop', d.clientId, (s) => s.connectionStatus === 'disconnected');
    await connected(t.device(d));
    const back = await until('the reconnect', d.clientId, (s) => s.connectionStatus === 'connected');
    assert.equal(back.lastDisconnectTime, dropped.lastDisconnectTime);
    assert.equal(back.closeCode, 91);
    assert.ok(back.lastConnectTime! > dropped.lastConnectTime!);
  });

  it("unsubscribing a device's command filter really stops its commands", async () => {
    const d = t.registerDevice('probe', 'p-3');
    const device = await connected(t.device(d));
    const got: string[] = [];
    device.on('message', (topic) => got.push(topic));
    await subscribed(device, 'iot-2/cmd/+/fmt/+');
    const app = await connected(t.app('commander'));
    app.publish('iot-2/type/probe/id/p-3/cmd/one/fmt/txt', '1');
    await waitFor('the first command', () => got.includes('iot-2/cmd/one/fmt/txt'));
    await device.unsubscribeAsync('iot-2/cmd/+/fmt/+');
    // Subscribed again to another filter: a command for it proves the one before was not delivered.
    await subscribed(device, 'iot-2/cmd/two/fmt/+');
    app.publish('iot-2/type/probe/id/p-3/cmd/one/fmt/txt', '1 again');
    app.publish('iot-2/type/probe/id/p-3/cmd/two/fmt/txt', '2');
    await waitFor('the second command', () => got.includes('iot-2/cmd/two/fmt/txt'));
    assert.deepEqual(got, ['iot-2/cmd/one/fmt/txt', 'iot-2/cmd/two/fmt/txt']);
  });

  it('records nothing while the state API is switched off', async () => {
    t.store.setClientStateEnabled(false);
    try {
      const d = t.registerDevice('probe', 'p-off');
      const client = await connected(t.device(d));
      await client.endAsync();
      await waitFor('the disconnect in the log', () => t.store.listLog('probe', 'p-off').length === 2);
      assert.equal(t.store.getState(d.clientId), undefined);
    } finally {
      t.store.setClientStateEnabled(true);
    }
  });
});

describe('sandbox broker: state lag (--state-lag-ms)', () => {
  it('shows a change only after the lag, with the time it happened', async () => {
    const lag = 400;
    const t = await startTestSandbox({ stateLagMs: lag });
    try {
      const d = t.registerDevice('probe', 'lagging');
      const before = Date.now();
      await connected(t.device(d));
      assert.ok(
        t.store.getState(d.clientId) === undefined || Date.now() - before >= lag,
        'the state showed before the lag',
      );
      const s = await waitFor('the lagging state', () => t.store.getState(d.clientId));
      const shownAfter = Date.now() - before;
      assert.ok(shownAfter >= lag, `shown after ${shownAfter} ms`);
      assert.ok(
        parseInstant(s.lastConnectTime as string)! < before + lag,
        'the time is when it happened, not when it showed',
      );
    } finally {
      await t.close();
    }
  });

  it('writes what is pending when the sandbox closes', async () => {
    const t = await startTestSandbox({ stateLagMs: 60_000 });
    const d = t.registerDevice('probe', 'pending');
    await connected(t.device(d));
    assert.equal(t.store.getState(d.clientId), undefined);
    await t.close();
    assert.equal(t.store.getState(d.clientId)?.closeCode, 93);
  });
});
