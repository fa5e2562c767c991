// Debian's Mosquitto 2.0.11, observed: every line and cause of platform-contract.md §7.1 produced by real clients
// (mqtt.js and Debian's Python paho), as the state API, the connection log and the monitor topics tell them.

import * as assert from 'node:assert/strict';
import type { ClientStateWire } from '../../../../../src/core/clientState';
import { startMosquitto, type Mosquitto } from '../../../../support/brokers/mosquitto';
import { connected, Inbox, refusedWith } from '../../../../support/mqtt';
import { startObserver, type TestObserver } from '../../../../support/observer';
import { Paho } from '../../../../support/paho';
import { waitFor } from '../../../../support/waitFor';
import { BrokerClients, localPort } from './brokerClients';

const ALICE = { username: 'alice', password: 'alice-pw-7' };

describe('observed Mosquitto: each line and cause of §7.1 from real clients', function () {
  this.timeout(60_000);
  let broker: Mosquitto;
  let srv: TestObserver;
  let inbox: Inbox;
  let clients: BrokerClients;
  const pahos: Paho[] = [];
  before(async () => {
    broker = await startMosquitto({
      users: { observer: 'obs-secret-1', alice: ALICE.password },
      extra: ['max_packet_size 100000'],
    });
    srv = await startObserver({ mosquitto: `mqtt://observer:obs-secret-1@127.0.0.1:${broker.port}` });
    inbox = await srv.watch('watcher');
    clients = new BrokerClients(broker.url, ALICE);
  });
  afterEach(async () => {
    await clients.endAll();
    await Promise.all(pahos.splice(0).map((p) => p.stop()));
  });
  after(async () => {
    await srv?.close();
    await broker?.stop();
  });

  const paho = (clientId: string, keepalive = 60, protocol?: '3.1' | '3.1.1') => {
    const p = Paho.start({ port: broker.port, clientId, keepalive, protocol, ...ALICE });
    pahos.push(p);
    return p;
  };
  const disconnectedWith = (id: string, code: number) =>
    srv.stateWhere(
      id,
      `disconnected with ${code}`,
      (s) => s.connectionStatus === 'disconnected' && s.closeCode === code,
    );

  it('records a connect with address, source port and keep-alive; its monitor message is retained', async () => {
    const id = 'kitchen/sensor 1';
    const c = await connected(clients.client(id, { keepalive: 45 }));
    const s = await srv.stateWhere(id, 'connected', (r) => r.connectionStatus === 'connected');
    assert.deepEqual({ ...s, lastConnectTime: undefined, lastActivityTime: undefined }, {
      id,
      clientType: 'other',
      connectionStatus: 'connected',
      lastConnectTime: undefined,
      lastActivityEvent: 'mqttConnect',
      lastActivityTime: undefined,
      mqttConnectProtocol: '3.1.1',
      keepAliveSeconds: 45,
      clientAddr: '127.0.0.1',
      clientPort: localPort(c),
      observed: 'live',
    } satisfies Partial<ClientStateWire>);
    assert.equal(
      (await srv.log(id))[0].message,
      `Connected: ClientID='${id}', ClientIP=127.0.0.1, ClientPort=${localPort(c)}, KeepAlive=45`,
    );
    const m = await inbox.monitor(id, 'Connect');
    assert.equal(m.topic, `iot-2/client/${encodeURIComponent(id)}/mon`);
    assert.deepEqual(
      { ...m.json(), Time: undefined },
      {
        Action: 'Connect',
        Time: undefined,
        ClientAddr: '127.0.0.1',
        ClientID: id,
        Port: broker.port,
        Protocol: 'mqtt4',
        Durable: false,
        User: 'alice',
        KeepAlive: 45,
        ClientPort: localPort(c),
      },
    );
    const late = await srv.watch('late');
    assert.equal((await late.monitor(id, 'Connect')).retain, true);
  });

  it('records a clean disconnect (mqtt.js end) as 0, by the client', async () => {
    const c = await connected(clients.client('clean-one'));
    await srv.stateWhere('clean-one', 'connected', (s) => s.connectionStatus === 'connected');
    await c.endAsync();
    const s = await disconnectedWith('clean-one', 0);
    assert.equal(s.disconnectInitiator, 'client');
    assert.equal(s.mqttReasonCode, 0);
    const m = (await inbox.monitor('clean-one', 'Disconnect')).json();
    assert.equal(m.CloseCode, undefined, '§4.2: CloseCode omitted when 0');
    assert.equal(
      (await srv.log('clean-one'))[0].message,
      'Closed connection from 127.0.0.1. The connection has completed normally.',
    );
  });

  it('records a killed process (paho, SIGKILL) as 91, by the client', async () => {
    const p = paho('killed-paho');
    await p.next('connect');
    await srv.stateWhere('killed-paho', 'connected', (s) => s.connectionStatus === 'connected');
    p.signal('SIGKILL');
    assert.equal((await disconnectedWith('killed-paho', 91)).disconnectInitiator, 'client');
    assert.equal((await inbox.monitor('killed-paho', 'Disconnect')).json().CloseCode, 91);
  });

  it('records a keep-alive timeout (paho stopped, k = 2) as 160, by the network', async () => {
    const p = paho('hung-paho', 2);
    await p.next('connect');
    await srv.stateWhere('hung-paho', 'connected with k=2', (s) => s.keepAliveSeconds === 2);
    p.signal('SIGSTOP');
    // Mosquitto closes after 1.5 × k, checked about every 6 s (docs/brokers-observed.md).
    const s = await waitFor('160', () => srv.state('hung-paho').then((r) => r?.closeCode === 160 && r), {
      timeoutMs: 30_000,
    });
    assert.equal(s.disconnectInitiator, 'network');
  });

  it('records a takeover as 288 for the older session, and the client as still connected', async () => {
    const first = await connected(clients.client('twin'));
    await srv.stateWhere('twin', 'connected', (s) => s.connectionStatus === 'connected');
    const second = await connected(clients.client('twin'));
    const s = await srv.stateWhere('twin', 'taken over', (r) => r.closeCode === 288);
    assert.equal(s.connectionStatus, 'connected');
    assert.equal(s.clientPort, localPort(second));
    assert.notEqual(localPort(first), localPort(second));
    assert.equal((await inbox.monitor('twin', 'Disconnect')).json().CloseCode, 288);
  });

  it('records nothing for a refused password: Mosquitto does not name the client, and the server says so', async () => {
    assert.equal(await refusedWith(clients.client('wrong-password', { password: 'nope' })), 5);
    await waitFor('the refusal in the log', () => srv.lines.some((l) => /refused \(not authorised\)/.test(l)));
    assert.equal(await srv.state('wrong-password'), undefined);
  });

  it('records an oversize packet (max_packet_size) as 287, by the server', async () => {
    const c = await connected(clients.client('big-sender'));
    await srv.stateWhere('big-sender', 'connected', (s) => s.connectionStatus === 'connected');
    c.publish('data/big', Buffer.alloc(150_000));
    assert.equal((await disconnectedWith('big-sender', 287)).disconnectInitiator, 'server');
  });

  it('tells MQTT 3.1 (paho) and MQTT 5 (mqtt.js) apart', async () => {
    const p = paho('old-paho', 60, '3.1');
    await p.next('connect');
    await connected(clients.client('new-mqttjs', { protocolVersion: 5 }));
    assert.equal((await srv.stateWhere('old-paho', 'connected', (s) => !!s)).mqttConnectProtocol, '3.1');
    assert.equal((await srv.stateWhere('new-mqttjs', 'connected', (s) => !!s)).mqttConnectProtocol, '5');
    assert.equal((await inbox.monitor('new-mqttjs', 'Connect')).json().Protocol, 'mqtt5');
  });

  it('answers the admin call with 501: Mosquitto 2.0 has no call that closes a client', async () => {
    await connected(clients.client('stays'));
    await srv.stateWhere('stays', 'connected', (s) => s.connectionStatus === 'connected');
    const r = await fetch(`${srv.ready.apiUrl}/sandbox/clients/stays/disconnect`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${srv.ready.apiKey}:${srv.ready.apiToken}`).toString('base64')}`,
      },
    });
    assert.equal(r.status, 501);
  });
});
