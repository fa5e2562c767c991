// Debian's RabbitMQ 3.10.8 (one node), observed: every cause of platform-contract.md §7.1 produced by real clients
// (mqtt.js and Debian's Python paho), a client listed before the server started, ids of any form, the admin call
// through the management API, and config/source.

import * as assert from 'node:assert/strict';
import { startRabbitNode, type StartedNode } from '../../../../support/brokers/rabbitmq';
import { LONGEST_CLIENT_ID, ODD_CLIENT_IDS } from '../../../../support/clientIds';
import { connected, type Inbox, refusedWith } from '../../../../support/mqtt';
import { startObserver, type TestObserver } from '../../../../support/observer';
import { Paho } from '../../../../support/paho';
import { waitFor } from '../../../../support/waitFor';
import { BrokerClients, localPort } from '../mosquitto/brokerClients';
import { observeRabbit } from './observe';

describe('observed RabbitMQ: each cause of §7.1 from real clients', function () {
  this.timeout(180_000);
  let node: StartedNode;
  let srv: TestObserver;
  let inbox: Inbox;
  let clients: BrokerClients;
  const pahos: Paho[] = [];
  let early: Awaited<ReturnType<BrokerClients['client']>>;
  before(async () => {
    node = await startRabbitNode({ extra: ['max_message_size = 65536'] });
    clients = new BrokerClients(node.mqttUrl);
    early = await connected(clients.client('before-the-server'));
    // Listed by the management API 2–5 s after it connects (docs/brokers-observed.md).
    await waitFor(
      'the early client to be listed',
      async () => {
        const r = await fetch(`${node.managementUrl}/api/connections`, {
          headers: {
            authorization: `Basic ${Buffer.from(`${node.admin.user}:${node.admin.password}`).toString('base64')}`,
          },
        });
        return ((await r.json()) as unknown[]).length > 0;
      },
      { timeoutMs: 30_000 },
    );
    srv = await startObserver(observeRabbit(node));
    inbox = await srv.watch('watcher');
  });
  afterEach(async () => {
    await Promise.all(pahos.splice(0).map((p) => p.stop()));
  });
  after(async () => {
    await clients?.endAll();
    await srv?.close();
    await node?.destroy();
  });

  const paho = (clientId: string, keepalive = 60) => {
    const p = Paho.start({ port: node.ports.mqtt, clientId, keepalive });
    pahos.push(p);
    return p;
  };
  const isConnected = (id: string) => srv.stateWhere(id, 'connected', (s) => s.connectionStatus === 'connected');
  const closedWith = (id: string, code: number) =>
    srv.stateWhere(id, `closed with ${code}`, (s) => s.connectionStatus === 'disconnected' && s.closeCode === code);

  it('lists a client connected before the server started, with the time the broker says it connected', async () => {
    const s = await isConnected('before-the-server');
    assert.equal(s.clientPort, localPort(early));
    assert.equal(s.node, node.nodeName);
    assert.equal(s.observed, 'live');
    assert.ok(Date.parse(s.lastConnectTime as string) < Date.parse((await srv.source()).observingSince));
  });

  it('records a connect with address, source port and node; no keep-alive, which RabbitMQ does not tell', async () => {
    const c = await connected(clients.client('rabbit/kitchen 1', { keepalive: 45 }));
    const s = await isConnected('rabbit/kitchen 1');
    assert.equal(s.clientAddr, '127.0.0.1');
    assert.equal(s.clientPort, localPort(c));
    assert.equal(s.node, node.nodeName);
    assert.equal(s.keepAliveSeconds, undefined);
    assert.equal(s.mqttConnectProtocol, '3.1.1');
    const m = (await inbox.monitor('rabbit/kitchen 1', 'Connect')).json();
    assert.equal(m.Node, node.nodeName);
    assert.equal(m.ClientPort, localPort(c));
    assert.equal(
      (await srv.log('rabbit/kitchen 1'))[0].message,
      `Connected: ClientID='rabbit/kitchen 1', ClientIP=127.0.0.1, ClientPort=${localPort(c)}`,
    );
  });

  it('records a clean disconnect as 0, a killed process as 91, both by the client', async () => {
    const c = await connected(clients.client('clean-rabbit'));
    await isConnected('clean-rabbit');
    await c.endAsync();
    assert.equal((await closedWith('clean-rabbit', 0)).disconnectInitiator, 'client');
    const p = paho('killed-rabbit');
    await p.next('connect');
    await isConnected('killed-rabbit');
    p.signal('SIGKILL');
    assert.equal((await closedWith('killed-rabbit', 91)).disconnectInitiator, 'client');
  });

  it('records a keep-alive timeout (paho stopped, k = 2) as 160, by the network', async () => {
    const p = paho('hung-rabbit', 2);
    await p.next('connect');
    await isConnected('hung-rabbit');
    p.signal('SIGSTOP');
    const s = await waitFor('160', () => srv.state('hung-rabbit').then((r) => r?.closeCode === 160 && r), {
      timeoutMs: 30_000,
    });
    assert.equal(s.disconnectInitiator, 'network');
  });

  it('records a takeover as 288 for the older connection, and the client as still connected', async () => {
    await connected(clients.client('twin-rabbit'));
    await isConnected('twin-rabbit');
    const second = await connected(clients.client('twin-rabbit'));
    const s = await srv.stateWhere('twin-rabbit', 'taken over', (r) => r.closeCode === 288);
    assert.equal(s.connectionStatus, 'connected');
    assert.equal(s.clientPort, localPort(second));
    assert.equal((await inbox.monitor('twin-rabbit', 'Disconnect')).json().CloseCode, 288);
  });

  it('closes a client through the management API with the admin call: 94, by the server', async () => {
    await connected(clients.client('closed-by-admin'));
    await isConnected('closed-by-admin');
    const call = (id: string) =>
      fetch(`${srv.ready.apiUrl}/sandbox/clients/${encodeURIComponent(id)}/disconnect`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${srv.ready.apiKey}:${srv.ready.apiToken}`).toString('base64')}`,
        },
      });
    assert.equal((await call('closed-by-admin')).status, 200);
    assert.equal((await closedWith('closed-by-admin', 94)).disconnectInitiator, 'server');
    assert.equal((await call('never-connected')).status, 404);
  });

  it('records nothing for a refused login: RabbitMQ does not name the client, and the server says so', async () => {
    const c = clients.client('wrong-login', { username: 'mallory', password: 'nope' });
    assert.ok([4, 5].includes(await refusedWith(c)));
    await waitFor('the refusal in the log', () => srv.lines.some((l) => /login failed for user "mallory"/.test(l)));
    assert.equal(await srv.state('wrong-login'), undefined);
  });

  it("keeps in the client's log the line about a payload over the broker's size (the client is not told)", async () => {
    const c = await connected(clients.client('big-rabbit'));
    await isConnected('big-rabbit');
    c.publish('data/big', Buffer.alloc(100_000), { qos: 1 });
    await waitFor('the line in its log', async () =>
      (await srv.log('big-rabbit')).some((e) => /larger than configured max size/.test(e.message)),
    );
    assert.equal((await srv.state('big-rabbit'))?.connectionStatus, 'connected');
  });

  it('keeps ids with / + # % spaces and emoji exactly, up to the 65,535 bytes MQTT allows', async () => {
    for (const id of [...ODD_CLIENT_IDS, LONGEST_CLIENT_ID]) await connected(clients.client(id));
    for (const id of [...ODD_CLIENT_IDS, LONGEST_CLIENT_ID]) assert.equal((await isConnected(id)).id, id);
  });

  it('tells the kind, the URL without credentials, its node, and the count of MQTT connections', async () => {
    const s = await waitFor(
      'the count',
      async () => {
        const info = await srv.source();
        const listed = await fetch(`${node.managementUrl}/api/connections`, {
          headers: {
            authorization: `Basic ${Buffer.from(`${node.admin.user}:${node.admin.password}`).toString('base64')}`,
          },
        });
        const mqtt = ((await listed.json()) as { protocol: string }[]).filter((c) => c.protocol.startsWith('MQTT'));
        return info.connectedCount === mqtt.length ? info : undefined;
      },
      { timeoutMs: 20_000 },
    );
    assert.equal(s.kind, 'rabbitmq');
    assert.equal(s.broker, `http://127.0.0.1:${node.ports.management}`);
    assert.deepEqual(s.nodes, [node.nodeName]);
    assert.deepEqual(s.capabilities, { listsConnected: true, history: 'observed', holdKeepAlive: false });
    assert.deepEqual(s.diagnostics, []);
    assert.ok(!JSON.stringify(s).includes(node.admin.password));
    assert.ok(!srv.lines.some((l) => l.includes(node.admin.password)), 'the password is never logged');
  });
});
