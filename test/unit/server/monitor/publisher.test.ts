// Monitor topics (platform-contract.md §4): what a late subscriber finds retained, what only live subscribers
// see, the 288 rule, and server recovery of clients a previous run left connected.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { toIso } from '../../../../src/core/time';
import { openStore } from '../../../../src/server/persistence';
import { memoryLogger } from '../../../../src/server/log';
import { closed, connected, Inbox, subscribed } from '../../../support/mqtt';
import { startTestSandbox, watchAllMonitors, TEST_ORG, type TestSandbox } from '../../../support/sandbox';

describe('sandbox broker: monitor topics (platform-contract.md §4)', () => {
  let t: TestSandbox;
  let live: Inbox;
  before(async () => {
    t = await startTestSandbox();
    live = await watchAllMonitors(t, 'live-watcher');
  });
  after(() => t.close());

  /** A new application that subscribes now and collects what it is given. */
  async function lateSubscriber(appId: string, filters: string[]): Promise<Inbox> {
    const app = await connected(t.app(appId));
    const inbox = new Inbox(app);
    await subscribed(app, filters);
    return inbox;
  }

  it('gives a late subscriber the retained Connect of a connected device, flagged retained', async () => {
    const d = t.registerDevice('meter', 'm-1');
    await connected(t.device(d));
    await live.monitor(d.clientId, 'Connect');
    const late = await lateSubscriber('late-1', ['iot-2/type/meter/id/m-1/mon']);
    const m = await late.monitor(d.clientId, 'Connect');
    assert.equal(m.retain, true);
    assert.equal(m.topic, 'iot-2/type/meter/id/m-1/mon');
  });

  it("keeps a device's Disconnect retained, and no FailedConnect", async () => {
    const d = t.registerDevice('meter', 'm-2');
    const client = await connected(t.device(d));
    await client.endAsync();
    await live.monitor(d.clientId, 'Disconnect');
    t.client(d.clientId, { username: 'use-token-auth', password: 'wrong' });
    await live.monitor(d.clientId, 'FailedConnect');
    const late = await lateSubscriber('late-2', ['iot-2/type/meter/id/+/mon']);
    const m = await late.monitor(d.clientId, 'Disconnect');
    assert.equal(m.retain, true);
    // Subscribed after the FailedConnect, so everything it got was retained: one per device.
    await late.monitor('d:testor:meter:m-1', 'Connect');
    assert.deepEqual(late.messages.map((x) => x.json().Action).sort(), ['Connect', 'Disconnect']);
  });

  it("retains an application's Connect; its Disconnect is live only and clears the retained Connect", async () => {
    const id = `a:${TEST_ORG}:short-lived`;
    const app = await connected(t.app('short-lived'));
    await live.monitor(id, 'Connect');
    const whileUp = await lateSubscriber('late-3', ['iot-2/app/short-lived/mon']);
    assert.equal((await whileUp.monitor(id, 'Connect')).retain, true);
    await app.endAsync();
    const disconnect = await live.monitor(id, 'Disconnect');
    assert.equal(disconnect.retain, false);
    // A marker after the Disconnect: once the late subscriber has it, anything retained on the
    // application's topic would have arrived before it.
    const marker = t.registerDevice('marker', 'after-app');
    await connected(t.device(marker));
    await live.monitor(marker.clientId, 'Connect');
    const after = await lateSubscriber('late-4', ['iot-2/app/short-lived/mon', 'iot-2/type/marker/id/+/mon']);
    await after.monitor(marker.clientId, 'Connect');
    assert.deepEqual(
      after.messages.filter((m) => m.topic === 'iot-2/app/short-lived/mon'),
      [],
    );
  });

  it("288: the old session's Disconnect and the new Connect both go out; the retained one is the Connect", async () => {
    const d = t.registerDevice('meter', 'twin');
    const first = await connected(t.device(d));
    await live.monitor(d.clientId, 'Connect');
    const before = live.messages.length;
    await connected(t.device(d));
    await closed(first);
    await live.next(
      'the 288 pair',
      () => live.messages.slice(before).filter((m) => m.text.includes(d.clientId)).length >= 2,
    );
    const pair = live.messages
      .slice(before)
      .filter((m) => m.text.includes(d.clientId))
      .map((m) => [m.json().Action, m.json().CloseCode]);
    assert.deepEqual(
      pair,
      [
        ['Disconnect', 288],
        ['Connect', undefined],
      ],
      'as it happens: the old session closes, then the new one is acknowledged',
    );
    const late = await lateSubscriber('late-5', ['iot-2/type/meter/id/twin/mon']);
    const retained = await late.monitor(d.clientId, 'Connect');
    assert.equal(retained.retain, true);
    assert.equal(late.messages.length, 1);
  });

  it('routes device events and application commands between the short and long topics', async () => {
    const d = t.registerDevice('meter', 'm-3');
    const device = await connected(t.device(d));
    const deviceInbox = new Inbox(device);
    await subscribed(device, 'iot-2/cmd/+/fmt/+');
    const app = await connected(t.app('controller'));
    const appInbox = new Inbox(app);
    await subscribed(app, 'iot-2/type/meter/id/+/evt/+/fmt/+');
    device.publish('iot-2/evt/reading/fmt/json', '{"kWh":3}', { retain: true });
    const event = await appInbox.next('the event', (m) => m.topic === 'iot-2/type/meter/id/m-3/evt/reading/fmt/json');
    assert.equal(event.text, '{"kWh":3}');
    app.publish('iot-2/type/meter/id/m-3/cmd/reboot/fmt/json', '{"delay":0}');
    const command = await deviceInbox.next('the command', (m) => m.topic === 'iot-2/cmd/reboot/fmt/json');
    assert.equal(command.text, '{"delay":0}');
    // The device asked for retain; the platform clears the flag, so a late subscriber gets nothing.
    const late = await lateSubscriber('late-6', ['iot-2/type/meter/id/m-3/evt/+/fmt/+', 'iot-2/type/meter/id/m-3/mon']);
    await late.monitor(d.clientId, 'Connect');
    assert.deepEqual(
      late.messages.filter((m) => m.topic.includes('/evt/')),
      [],
    );
  });
});

describe('sandbox broker: server recovery (platform-contract.md §4.1)', () => {
  it(
    'disconnects with 93 the clients a crashed run left connected, with a retained Disconnect for ' + 'devices',
    async () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-recovery-'));
      try {
        // What a crash leaves behind: states that still say connected.
        const store = openStore(dataDir, memoryLogger());
        const connectTime = toIso(Date.now() - 60_000);
        store.putState({
          id: `d:${TEST_ORG}:meter:crashed`,
          clientType: 'device',
          connectionStatus: 'connected',
          lastConnectTime: connectTime,
          mqttConnectProtocol: '3.1.1',
        });
        store.putState({
          id: `a:${TEST_ORG}:crashed-app`,
          clientType: 'application',
          connectionStatus: 'connected',
          lastConnectTime: connectTime,
        });
        store.close();

        const t = await startTestSandbox({ dataDir });
        try {
          const device = t.store.getState(`d:${TEST_ORG}:meter:crashed`);
          assert.equal(device?.connectionStatus, 'disconnected');
          assert.equal(device?.closeCode, 93);
          assert.equal(device?.lastConnectTime, connectTime);
          assert.equal(t.store.getState(`a:${TEST_ORG}:crashed-app`)?.closeCode, 93);
          const app = await connected(t.app('after-restart'));
          const inbox = new Inbox(app);
          await subscribed(app, 'iot-2/type/+/id/+/mon');
          const m = await inbox.monitor(`d:${TEST_ORG}:meter:crashed`, 'Disconnect');
          assert.equal(m.retain, true);
          assert.equal(m.json().CloseCode, 93);
          assert.equal(m.json().ConnectTime, connectTime);
        } finally {
          await t.close();
        }
      } finally {
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );
});
