// A two-node RabbitMQ 3.10.8 cluster on this machine, observed through node 1 (platform-contract.md §7): clients of
// both nodes in one list, a drop on node 2 seen by a subscriber of the server's monitor topics, a client of node 2
// closed through the server (94), node 2 stopped and started again (its clients closed with 93, the node gone from
// config/source and back), and node 2 killed (its clients, of which the broker sends no event, disconnected as
// their node went down), whether a log line about the node is heard or not.

import * as assert from 'node:assert/strict';
import { startRabbitCluster, type RabbitCluster, type RabbitNode } from '../../../../support/brokers/rabbitmq';
import { connected, type Inbox } from '../../../../support/mqtt';
import { startObserver, type TestObserver } from '../../../../support/observer';
import { Paho } from '../../../../support/paho';
import { waitFor } from '../../../../support/waitFor';
import { BrokerClients } from '../mosquitto/brokerClients';
import { observeRabbit } from './observe';

describe('observed RabbitMQ: a two-node cluster', function () {
  this.timeout(300_000);
  let cluster: RabbitCluster;
  let one: RabbitNode;
  let two: RabbitNode;
  let srv: TestObserver;
  let inbox: Inbox;
  let onOne: BrokerClients;
  let onTwo: BrokerClients;
  const pahos: Paho[] = [];
  before(async () => {
    cluster = await startRabbitCluster(2);
    [one, two] = cluster.nodes as [RabbitNode, RabbitNode];
    onOne = new BrokerClients(one.mqttUrl);
    onTwo = new BrokerClients(two.mqttUrl);
    srv = await startObserver(observeRabbit(one));
    inbox = await srv.watch('cluster-watcher');
  });
  after(async () => {
    await Promise.all(pahos.map((p) => p.stop()));
    await onOne?.endAll();
    await onTwo?.endAll();
    await srv?.close();
    await cluster?.stop();
  });
  const nodesAre = (want: string[]) =>
    waitFor(
      `nodes ${want.join(', ')}`,
      async () => JSON.stringify((await srv.source()).nodes) === JSON.stringify(want),
      {
        timeoutMs: 60_000,
      },
    );

  it('lists the clients of both nodes as one, each with its node; config/source names both nodes', async () => {
    await connected(onOne.client('on-node-1'));
    await connected(onTwo.client('on-node-2'));
    assert.equal((await srv.stateWhere('on-node-1', 'connected', (s) => !!s.node)).node, one.nodeName);
    assert.equal((await srv.stateWhere('on-node-2', 'connected', (s) => !!s.node)).node, two.nodeName);
    await nodesAre([one.nodeName, two.nodeName].sort());
    const list = await fetch(`${srv.ready.apiUrl}/clientconnectionstates?connectionStatus=connected&_limit=100`, {
      headers: {
        authorization: `Basic ${Buffer.from(`${srv.ready.apiKey}:${srv.ready.apiToken}`).toString('base64')}`,
      },
    });
    const ids = ((await list.json()) as { results: { id: string }[] }).results.map((r) => r.id);
    assert.ok(ids.includes('on-node-1') && ids.includes('on-node-2'), ids.join(', '));
  });

  it('shows a drop on node 2 to a subscriber of the monitor topics, with its node and cause', async () => {
    const p = Paho.start({ port: two.ports.mqtt, clientId: 'dropped-on-2' });
    pahos.push(p);
    await p.next('connect');
    await inbox.monitor('dropped-on-2', 'Connect');
    p.signal('SIGKILL');
    const m = (await inbox.monitor('dropped-on-2', 'Disconnect')).json();
    assert.equal(m.CloseCode, 91);
    assert.equal(m.Node, two.nodeName);
  });

  it('closes a client of node 2 through the server with the admin call: 94, by the server', async () => {
    await connected(onTwo.client('closed-on-2'));
    await srv.stateWhere('closed-on-2', 'connected', (s) => s.connectionStatus === 'connected');
    const r = await fetch(`${srv.ready.apiUrl}/sandbox/clients/closed-on-2/disconnect`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${srv.ready.apiKey}:${srv.ready.apiToken}`).toString('base64')}`,
      },
    });
    assert.equal(r.status, 200);
    const s = await srv.stateWhere('closed-on-2', 'closed with 94', (x) => x.closeCode === 94);
    assert.equal(s.disconnectInitiator, 'server');
    assert.equal(s.node, two.nodeName);
  });

  it('closes the clients of node 2 with 93 when it stops, drops it from the nodes, and takes it back', async () => {
    await connected(onTwo.client('on-2-at-stop'));
    await srv.stateWhere('on-2-at-stop', 'connected', (s) => s.connectionStatus === 'connected');
    await two.stop();
    const s = await srv.stateWhere('on-2-at-stop', 'closed with 93', (r) => r.closeCode === 93);
    assert.equal(s.disconnectInitiator, 'server');
    await nodesAre([one.nodeName]);
    await two.start();
    await nodesAre([one.nodeName, two.nodeName].sort());
    await connected(onTwo.client('on-2-after-start'));
    await srv.stateWhere('on-2-after-start', 'connected', (r) => r.node === two.nodeName);
  });

  /** Kills node 2 under a connected client of it; the client is disconnected as its node went down, no code. */
  const killedUnder = async (clientId: string) => {
    await connected(onTwo.client(clientId));
    await srv.stateWhere(clientId, 'connected', (s) => s.connectionStatus === 'connected');
    await two.kill();
    // The server notices within seconds (a look after the node's log lines, or its next read of the running nodes);
    // the wait is long for a loaded machine, and costs time only when the test fails.
    const s = await waitFor(
      `the client ${clientId} of the killed node to be gone`,
      async () => {
        const r = await srv.state(clientId);
        return r?.connectionStatus === 'disconnected' ? r : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 100 },
    );
    assert.equal(s.closeReason, `the node ${two.nodeName} went down`);
    assert.equal(s.closeCode, undefined);
    const m = await inbox.monitor(clientId, 'Disconnect', 30_000);
    assert.equal(m.json().Reason, `the node ${two.nodeName} went down`);
    await nodesAre([one.nodeName]);
  };

  // Right after node 2 came back (the lines of its return still settling), as the test before leaves it.
  it('disconnects the clients of a killed node 2 (no event from the broker) as their node went down', async () => {
    await killedUnder('on-2-at-kill');
  });

  // Node 1 logging at warning: the line that it saw node 2 go down (info) is not heard. The running nodes tell it.
  it('disconnects them too when no line about the node is heard', async () => {
    await two.start();
    await nodesAre([one.nodeName, two.nodeName].sort());
    await one.ctl('set_log_level', 'warning');
    try {
      await killedUnder('on-2-at-quiet-kill');
    } finally {
      await one.ctl('set_log_level', 'info');
    }
  });
});
