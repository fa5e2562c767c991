// An observed Mosquitto that stops or crashes and comes back, and an observing server that stops and starts again
// with --data-dir: nothing recorded is lost, and what the server cannot know is `carried` (platform-contract.md
// §7.2).

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startMosquitto, type Mosquitto } from '../../../../support/brokers/mosquitto';
import { connected, Inbox, subscribed } from '../../../../support/mqtt';
import { startObserver, type TestObserver } from '../../../../support/observer';
import { waitFor } from '../../../../support/waitFor';
import { BrokerClients } from './brokerClients';

describe('observed Mosquitto: restarts of the broker and of the server', function () {
  this.timeout(90_000);
  let broker: Mosquitto;
  let clients: BrokerClients;
  const servers: TestObserver[] = [];
  let dataDir: string;
  before(async () => {
    broker = await startMosquitto();
    clients = new BrokerClients(broker.url);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'observe-restarts-'));
  });
  afterEach(async () => {
    await clients.endAll();
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  after(async () => {
    await broker?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  const observer = async (dir?: string) => {
    const s = await startObserver({ mosquitto: broker.url }, dir === undefined ? {} : { dataDir: dir });
    servers.push(s);
    return s;
  };
  const heard = (s: TestObserver) =>
    waitFor('the broker to be heard', async () => (await s.source()).sourceStatus === 'connected');

  it('records 93 for every connected client when the broker stops, then carries them until seen again', async () => {
    const srv = await observer();
    await heard(srv);
    const inbox = await srv.watch('restart-watch');
    await connected(clients.client('steady-1'));
    await srv.stateWhere('steady-1', 'connected', (s) => s.connectionStatus === 'connected');
    await broker.restart();
    const s = await srv.stateWhere('steady-1', 'closed with 93', (r) => r.closeCode === 93);
    assert.equal(s.connectionStatus, 'disconnected');
    assert.equal((await inbox.monitor('steady-1', 'Disconnect')).json().CloseCode, 93);
    await srv.stateWhere('steady-1', 'carried', (r) => r.observed === 'carried');
    await connected(clients.client('steady-1'));
    await srv.stateWhere('steady-1', 'live again', (r) => r.connectionStatus === 'connected' && r.observed === 'live');
  });

  it('disconnects, as not observed, the clients of a broker that crashed and came back', async () => {
    const srv = await observer();
    await heard(srv);
    const sys = await connected(clients.client('uptime-reader'));
    const uptime = new Inbox(sys);
    await subscribed(sys, '$SYS/broker/uptime');
    // The broker's uptime going back tells the restart: let it count a few seconds first.
    await waitFor('an uptime of 3 s', () => uptime.messages.some((m) => parseInt(m.text, 10) >= 3));
    await connected(clients.client('crash-victim'));
    await srv.stateWhere('crash-victim', 'connected', (s) => s.connectionStatus === 'connected');
    broker.signal('SIGKILL');
    await broker.restart();
    const s = await srv.stateWhere('crash-victim', 'disconnected', (r) => r.connectionStatus === 'disconnected');
    assert.equal(s.closeCode, undefined);
    assert.equal(s.closeReason, 'disconnected while the broker was not observed');
    assert.equal(s.observed, 'carried');
  });

  it('keeps every record, log line and retained message across a restart of the server (--data-dir)', async () => {
    const first = await observer(dataDir);
    await heard(first);
    const stays = await connected(clients.client('kept-1'));
    const leaves = await connected(clients.client('kept-2'));
    await first.stateWhere('kept-1', 'connected', (s) => s.connectionStatus === 'connected');
    await leaves.endAsync();
    await first.stateWhere('kept-2', 'disconnected', (s) => s.connectionStatus === 'disconnected');
    const before = { one: await first.state('kept-1'), two: await first.state('kept-2') };
    const logs = { one: await first.log('kept-1'), two: await first.log('kept-2') };
    await first.close();
    servers.splice(servers.indexOf(first), 1);

    const second = await observer(dataDir);
    assert.deepEqual(await second.state('kept-1'), { ...before.one, observed: 'carried' });
    assert.deepEqual(await second.state('kept-2'), { ...before.two, observed: 'carried' });
    assert.deepEqual(await second.log('kept-1'), logs.one);
    assert.deepEqual(await second.log('kept-2'), logs.two);
    const late = await second.watch('after-restart');
    assert.equal((await late.monitor('kept-1', 'Connect')).retain, true);
    assert.equal((await late.monitor('kept-2', 'Disconnect')).retain, true);
    await heard(second);
    await stays.endAsync();
    const s = await second.stateWhere('kept-1', 'disconnected', (r) => r.connectionStatus === 'disconnected');
    assert.equal(s.observed, 'live');
    assert.equal(s.closeCode, 0);
  });
});
