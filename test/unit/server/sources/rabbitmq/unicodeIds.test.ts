// Debian's RabbitMQ 3.10.8, observed: MQTT client ids with text beyond ASCII, in both forms the event exchange prints
// them (a binary whose bytes are all printable Latin-1, such as the UTF-8 of "é", is written quoted; one with any
// other byte, such as the UTF-8 of "пульт" or "🚀", as a list of numbers), listed before the server started (the
// snapshot of /api/connections) and connecting while it watches (the live events), then closing with the cause joined
// from the log.

import * as assert from 'node:assert/strict';
import type { MqttClient } from 'mqtt';
import type { ClientStateList } from '../../../../../src/core/clientState';
import { startRabbitNode, type StartedNode } from '../../../../support/brokers/rabbitmq';
import { connected } from '../../../../support/mqtt';
import { startObserver, type TestObserver } from '../../../../support/observer';
import { waitFor } from '../../../../support/waitFor';
import { restCall } from '../../process';
import { BrokerClients } from '../mosquitto/brokerClients';
import { listed } from './nodeTools';
import { observeRabbit } from './observe';

/** Quoted by RabbitMQ: every byte of their UTF-8 is printable Latin-1. */
const QUOTED = ['é', 'café/+#% ü', 'q "é" \\ ñ'];
/** Printed as byte lists: their UTF-8 holds bytes 128–159. */
const LISTED = ['пульт', '🚀 dev/+#%', 'emoji 🚀 ünïcödé'];

describe('observed RabbitMQ: client ids beyond ASCII, from the snapshot and from live events', function () {
  this.timeout(180_000);
  let node: StartedNode;
  let srv: TestObserver;
  let clients: BrokerClients;
  /** The latest connection of each id. */
  const current = new Map<string, MqttClient>();
  const snapshot = [...QUOTED, ...LISTED].map((id) => `early ${id}`);
  const live = [...QUOTED, ...LISTED];

  before(async () => {
    node = await startRabbitNode();
    clients = new BrokerClients(node.mqttUrl);
    for (const id of snapshot) current.set(id, await connected(clients.client(id)));
    await waitFor(
      'the early clients to be listed',
      async () => {
        const ids = await listed(node);
        return snapshot.every((id) => ids.includes(id));
      },
      { timeoutMs: 30_000 },
    );
    srv = await startObserver(observeRabbit(node));
  });
  after(async () => {
    await clients?.endAll();
    await srv?.close();
    await node?.destroy();
  });

  const isConnected = (id: string) => srv.stateWhere(id, 'connected', (s) => s.connectionStatus === 'connected');
  const closedWith = (id: string, code: number) =>
    srv.stateWhere(id, `closed with ${code}`, (s) => s.connectionStatus === 'disconnected' && s.closeCode === code);
  const everyId = async () => {
    const r = await restCall(srv.ready, '/clientconnectionstates?_limit=100');
    return ((r.body as ClientStateList).results ?? []).map((s) => s.id).sort();
  };

  it('keeps the ids of clients listed before it started exactly (the snapshot)', async () => {
    for (const id of snapshot) assert.equal((await isConnected(id)).id, id);
  });

  it('keeps the ids of clients that connect while it watches exactly (the live events)', async () => {
    for (const id of live) current.set(id, await connected(clients.client(id)));
    for (const id of live) assert.equal((await isConnected(id)).id, id);
    assert.deepEqual(await everyId(), [...snapshot, ...live].sort(), 'no other record, none with "\uFFFD"');
    assert.match((await srv.log('é'))[0]?.message ?? '', /^Connected: ClientID='é', /);
  });

  it('records a takeover of such an id as 288 (the log line names it), the client still connected', async () => {
    for (const id of [QUOTED[0], LISTED[0]] as string[]) {
      current.set(id, await connected(clients.client(id)));
      const s = await srv.stateWhere(id, 'taken over', (r) => r.closeCode === 288);
      assert.equal(s.connectionStatus, 'connected');
      assert.equal(s.disconnectInitiator, 'server');
    }
    assert.deepEqual(await everyId(), [...snapshot, ...live].sort());
  });

  it('records their clean disconnects as 0 by the client, joined from the log, on both paths', async () => {
    for (const c of current.values()) await c.endAsync();
    for (const id of [...snapshot, ...live]) {
      assert.equal((await closedWith(id, 0)).disconnectInitiator, 'client', id);
    }
    assert.deepEqual(await everyId(), [...snapshot, ...live].sort());
  });
});
