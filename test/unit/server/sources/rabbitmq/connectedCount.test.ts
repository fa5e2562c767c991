// Debian's RabbitMQ 3.10.8 (one node), observed: config/source's connectedCount (platform-contract.md §7) follows the
// broker's own count of MQTT connections through what makes it drift if the server keeps a connection the broker no
// longer has: takeovers in a row (the older side closed by the broker with 288), connections whose socket is
// destroyed right after their CONNECT (many at once, some closed before their id could be read), sockets closed
// before any CONNECT, clean disconnects, and all of these while its AMQP connection was cut: the list read after it
// comes back must drop what the broker closed meanwhile, the older side of a takeover and a client's earlier
// connection included. Once things settle, the count is the broker's count.

import * as assert from 'node:assert/strict';
import { createConnection } from 'node:net';
import type { MqttClient } from 'mqtt';
import { management } from '../../../../support/brokers/management';
import { startRabbitNode, type StartedNode } from '../../../../support/brokers/rabbitmq';
import { connected } from '../../../../support/mqtt';
import { startObserver, type TestObserver } from '../../../../support/observer';
import { waitFor } from '../../../../support/waitFor';
import { BrokerClients } from '../mosquitto/brokerClients';
import { startProxy } from '../../../platform/support/proxy';
import { observeRabbit } from './observe';

/** An MQTT 3.1.1 CONNECT with a clean session and keep-alive 60 (ids of under 128 bytes). */
function connectPacket(clientId: string): Buffer {
  const id = Buffer.from(clientId);
  const rest = Buffer.concat([Buffer.from([0, 4, 0x4d, 0x51, 0x54, 0x54, 4, 0x02, 0, 60, 0, id.length]), id]);
  return Buffer.concat([Buffer.from([0x10, rest.length]), rest]);
}

/** A socket that sends its CONNECT (or nothing) and is destroyed at once, or on its CONNACK. */
function hitAndRun(port: number, clientId: string | undefined, onConnack = false): Promise<void> {
  return new Promise((resolve) => {
    const s = createConnection({ port, host: '127.0.0.1' }, () => {
      if (clientId !== undefined) s.write(connectPacket(clientId));
      if (onConnack) s.once('data', () => s.destroy());
      else s.destroy();
    });
    s.once('close', () => resolve());
    s.once('error', () => resolve());
  });
}

describe("observed RabbitMQ: connectedCount is the broker's count once things settle", function () {
  this.timeout(120_000);
  let node: StartedNode;
  let srv: TestObserver;
  let clients: BrokerClients;
  const kept: MqttClient[] = [];

  before(async () => {
    node = await startRabbitNode();
    clients = new BrokerClients(node.mqttUrl);
    srv = await startObserver(observeRabbit(node));
  });
  after(async () => {
    await clients?.endAll();
    await srv?.close();
    await node?.destroy();
  });

  let markers = 0;
  /** The broker's MQTT connections, by client id, once config/source's count is the broker's count. A marker client
   *  connects after all else and is recorded (events come in order: every create before it was heard) and listed
   *  (the list lags): from then on both counts only fall, so a count above the broker's stays above. */
  const settled = async (server: TestObserver = srv): Promise<string[]> => {
    const id = `marker ${++markers}`;
    const marker = await connected(clients.client(id));
    await server.stateWhere(id, 'connected', (s) => s.connectionStatus === 'connected');
    await waitFor(`${id} listed`, async () => (await mqttIds()).includes(id), { timeoutMs: 30_000 });
    let said: number | null = null;
    let ids: string[] = [];
    // Generous: after the AMQP connection came back, the list is read at once and again 10 s later (index.ts).
    await waitFor(
      "connectedCount to be the broker's count",
      async () => {
        [said, ids] = await Promise.all([server.source().then((i) => i.connectedCount), mqttIds()]);
        return said === ids.length;
      },
      { timeoutMs: 20_000 },
    ).catch((err: Error) => {
      throw new Error(`${err.message}: it says ${said}, the broker lists ${JSON.stringify(ids)}`);
    });
    await marker.endAsync();
    return ids.filter((x) => x !== id).sort();
  };
  /** The client ids of the MQTT connections the broker lists, one per connection. */
  const mqttIds = async () => {
    const all = await management(node).get<{ protocol: string; client_properties?: { client_id?: string } }[]>(
      '/api/connections?columns=protocol,client_properties',
    );
    return all.filter((c) => c.protocol.startsWith('MQTT')).map((c) => c.client_properties?.client_id ?? '');
  };
  const includes = (ids: string[], want: string[]) =>
    assert.ok(
      want.every((w) => ids.includes(w)),
      `the broker lists ${JSON.stringify(ids)}`,
    );

  it('counts one connection per client through takeovers in a row', async () => {
    for (let i = 0; i < 6; i++) kept.push(await connected(clients.client('twin')));
    kept.push(await connected(clients.client('single')));
    await srv.stateWhere('twin', 'taken over', (s) => s.closeCode === 288 && s.connectionStatus === 'connected');
    includes(await settled(), ['single', 'twin']);
  });

  it('drops connections destroyed right after their CONNECT, and sockets closed before any', async () => {
    const port = node.ports.mqtt;
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => hitAndRun(port, i % 4 === 3 ? undefined : `hit-and-run ${i}`)),
    );
    // Destroyed ones of an id that connects again afterwards (a hit of one that stays may take it over).
    await Promise.all(Array.from({ length: 10 }, () => hitAndRun(port, 'hit-and-run 0')));
    // Connections the broker accepted (created, then closed at once), some of an id that connects again.
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => hitAndRun(port, i < 5 ? 'hit-and-run 0' : `accepted ${i}`, true)),
    );
    kept.push(await connected(clients.client('hit-and-run 0')));
    includes(await settled(), ['hit-and-run 0', 'single', 'twin']);
  });

  it('drops clean disconnects', async () => {
    await Promise.all(kept.splice(0).map((c) => c.endAsync()));
    await settled();
  });

  it('counts what the broker has once its AMQP feed is back: a takeover, a leaver, a newcomer, one back', async () => {
    const proxy = await startProxy(node.ports.amqp);
    const cut = await startObserver(observeRabbit(node, { amqpPort: proxy.port }));
    try {
      const stays = await connected(clients.client('taken-meanwhile'));
      const leaver = await connected(clients.client('left-meanwhile'));
      const returner = await connected(clients.client('back-meanwhile'));
      for (const id of ['taken-meanwhile', 'left-meanwhile', 'back-meanwhile']) {
        await cut.stateWhere(id, 'connected', (s) => s.connectionStatus === 'connected');
      }
      includes(await settled(cut), ['back-meanwhile', 'left-meanwhile', 'taken-meanwhile']);
      proxy.block();
      await waitFor('the cut seen', async () => (await cut.source()).sourceStatus === 'reconnecting', {
        timeoutMs: 20_000,
      });
      await connected(clients.client('taken-meanwhile'));
      await leaver.endAsync();
      await connected(clients.client('came-meanwhile'));
      await returner.endAsync();
      await connected(clients.client('back-meanwhile'));
      await waitFor('the old taken one gone', () => stays.disconnecting || !stays.connected);
      const now = ['back-meanwhile', 'came-meanwhile', 'taken-meanwhile'];
      await waitFor('the broker to list what it has now', async () => (await mqttIds()).sort().join() === now.join(), {
        timeoutMs: 30_000,
      });
      proxy.unblock();
      // Until the list is read again, the count is the one from before the cut.
      await waitFor('the list read again', () => cut.lines.some((l) => /MQTT connection\(s\) \(reconnect\)/.test(l)), {
        timeoutMs: 20_000,
      });
      includes(await settled(cut), now);
      for (const id of ['taken-meanwhile', 'came-meanwhile', 'back-meanwhile']) {
        await cut.stateWhere(id, 'connected', (s) => s.connectionStatus === 'connected');
      }
      await cut.stateWhere('left-meanwhile', 'gone', (s) => s.connectionStatus === 'disconnected');
    } finally {
      await cut.close();
      await proxy.close();
    }
  });
});
