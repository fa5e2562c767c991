// Debian's Mosquitto 2.0.11, observed: the ids brokers accept today (platform-contract.md §7.2), what config/source
// says, and the server's own MQTT listener serving monitor topics to applications only.

import * as assert from 'node:assert/strict';
import { connect } from 'mqtt';
import { startMosquitto, type Mosquitto } from '../../../../support/brokers/mosquitto';
import { LONGEST_CLIENT_ID, ODD_CLIENT_IDS } from '../../../../support/clientIds';
import { connected, Inbox, refusedWith, subscribed } from '../../../../support/mqtt';
import { startObserver, type TestObserver } from '../../../../support/observer';
import { waitFor } from '../../../../support/waitFor';
import { BrokerClients } from './brokerClients';

describe('observed Mosquitto: any client id, config/source, and the monitor listener', function () {
  this.timeout(60_000);
  let broker: Mosquitto;
  let srv: TestObserver;
  let clients: BrokerClients;
  before(async () => {
    broker = await startMosquitto({ users: { watcher: 'w-secret-9', bob: 'bob-pw' } });
    srv = await startObserver({ mosquitto: `mqtt://watcher:w-secret-9@127.0.0.1:${broker.port}` });
    clients = new BrokerClients(broker.url, { username: 'bob', password: 'bob-pw' });
  });
  afterEach(() => clients.endAll());
  after(async () => {
    await srv?.close();
    await broker?.stop();
  });

  it('keeps ids with / + # % spaces, emoji and 23 to 800 bytes exactly, each on its own monitor topic', async () => {
    const inbox = await srv.watch('ids');
    for (const id of ODD_CLIENT_IDS) await connected(clients.client(id));
    for (const id of ODD_CLIENT_IDS) {
      const s = await srv.stateWhere(id, 'connected', (r) => r.connectionStatus === 'connected');
      assert.equal(s.id, id);
      assert.equal(s.clientType, 'other');
      const m = await inbox.monitor(id, 'Connect');
      assert.equal(m.topic, `iot-2/client/${encodeURIComponent(id)}/mon`);
      assert.equal(m.json().ClientID, id);
    }
    const other = await fetch(`${srv.ready.apiUrl}/clientconnectionstates?clientType=other&_limit=100`, {
      headers: { authorization: auth(srv) },
    });
    const ids = ((await other.json()) as { results: { id: string }[] }).results.map((r) => r.id);
    for (const id of ODD_CLIENT_IDS) assert.ok(ids.includes(id), id);
  });

  it("says, and does not record, an id longer than Mosquitto's log lines (65,535 bytes)", async () => {
    await connected(clients.client(LONGEST_CLIENT_ID));
    await waitFor('the cut line to be said', () => srv.lines.some((l) => /too long to be told whole/.test(l)));
    assert.equal(await srv.state(LONGEST_CLIENT_ID), undefined);
  });

  it("tells the kind, the URL without credentials, and the broker's own count of connected clients", async () => {
    const sys = await connected(clients.client('sys-reader', { username: 'watcher', password: 'w-secret-9' }));
    const counts = new Inbox(sys);
    await subscribed(sys, '$SYS/broker/clients/connected');
    await connected(clients.client('one-more'));
    const latest = () => counts.messages.at(-1)?.text;
    const s = await waitFor('the same count', async () => {
      const info = await srv.source();
      return info.connectedCount !== null && String(info.connectedCount) === latest() ? info : undefined;
    });
    assert.equal(s.kind, 'mosquitto');
    assert.equal(s.broker, `mqtt://127.0.0.1:${broker.port}`);
    assert.deepEqual(s.nodes, []);
    assert.deepEqual(s.capabilities, { listsConnected: false, history: 'observed', holdKeepAlive: false });
    assert.equal(s.sourceStatus, 'connected');
    assert.deepEqual(s.diagnostics, []);
    assert.ok(!JSON.stringify(s).includes('w-secret-9'));
    assert.ok(!srv.lines.some((l) => l.includes('w-secret-9')), 'the password is never logged');
  });

  it('serves monitor topics to applications only: devices and strangers are refused, topics limited', async () => {
    const device = connect(srv.ready.mqttUrl, {
      clientId: `d:${srv.ready.org}:sensor:s1`,
      username: 'use-token-auth',
      password: 'anything',
      reconnectPeriod: 0,
    });
    device.on('error', () => {});
    assert.equal(await refusedWith(device), 5);
    const stranger = connect(srv.ready.mqttUrl, { clientId: 'plain-id', reconnectPeriod: 0 });
    stranger.on('error', () => {});
    assert.equal(await refusedWith(stranger), 5);
    const app = await connected(srv.app('topics'));
    assert.equal((await app.subscribeAsync('iot-2/client/+/mon'))[0].qos, 0);
    for (const refused of ['iot-2/type/+/id/+/evt/+/fmt/+', '#', '$SYS/#']) {
      await assert.rejects(app.subscribeAsync(refused), /Subscribe error/, refused);
    }
  });
});

function auth(t: TestObserver): string {
  return `Basic ${Buffer.from(`${t.ready.apiKey}:${t.ready.apiToken}`).toString('base64')}`;
}
