// The RabbitMQ harness: real nodes start on free ports with the management, MQTT and
// event-exchange plugins and the log exchange, two of them form a cluster whose second node
// stops and starts again, everything stops without a trace, and a killed run's node is reaped.

import * as assert from 'node:assert';
import * as fs from 'node:fs';
import { createConnection } from 'node:net';
import { connect as amqpConnect } from 'amqplib';
import { connect, type MqttClient } from 'mqtt';
import { management } from '../../../support/brokers/management';
import { canBind } from '../../../support/brokers/ports';
import { processAlive } from '../../../support/brokers/processes';
import {
  startRabbitCluster,
  startRabbitNode,
  type RabbitCluster,
  type StartedNode,
} from '../../../support/brokers/rabbitmq';
import { processesOf, reapLeftovers } from '../../../support/brokers/scratch';
import { connected } from '../../../support/mqtt';
import { waitFor } from '../../../support/waitFor';
import { startLeftover } from './leftover';

function epmdListening(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port: 4369, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

interface ApiNode {
  name: string;
  running: boolean;
}
interface ApiConnection {
  node: string;
  protocol: string;
  client_properties?: { client_id?: string };
}

/** The soft and hard limits of open files of process `pid` (Infinity for "unlimited"). */
function openFiles(pid: number): [number, number] {
  const line = /^Max open files\s+(\S+)\s+(\S+)/m.exec(fs.readFileSync(`/proc/${pid}/limits`, 'utf8'));
  const n = (v: string | undefined) => (v === 'unlimited' ? Infinity : Number(v));
  return [n(line?.[1]), n(line?.[2])];
}

describe('test support: RabbitMQ harness', function () {
  this.timeout(300_000);
  const clients: MqttClient[] = [];
  const client = (url: string, clientId: string) => {
    const c = connect(url, { clientId, reconnectPeriod: 0, connectTimeout: 10_000 });
    c.on('error', () => undefined);
    clients.push(c);
    return c;
  };
  let node: StartedNode | undefined;
  let cluster: RabbitCluster | undefined;
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.endAsync(true).catch(() => undefined)));
    await node?.destroy();
    await cluster?.stop();
    node = undefined;
    cluster = undefined;
  });

  it('starts a node with AMQP, the management API, MQTT and the two exchanges; stops and starts it again', async () => {
    const epmdBefore = await epmdListening();
    node = await startRabbitNode();
    console.log(`      node start: ${node.startMs} ms`);
    const amqp = await amqpConnect(node.amqpUrl);
    amqp.on('error', () => undefined); // a failed check below rejects; the test must not end on an event
    try {
      const channel = await amqp.createChannel();
      channel.on('error', () => undefined);
      await channel.checkExchange('amq.rabbitmq.event');
      await channel.checkExchange('amq.rabbitmq.log');
    } finally {
      await amqp.close().catch(() => undefined);
    }
    await connected(client(node.mqttUrl, 'harness-probe'));
    const api = management(node);
    await waitFor('the MQTT connection in /api/connections', async () =>
      (await api.get<ApiConnection[]>('/api/connections')).some(
        (c) => c.client_properties?.client_id === 'harness-probe',
      ),
    );
    const beam = node.beamPid();
    // The node may hold many connections: its soft limit of open files is raised past su's 1024.
    const [soft, hard] = openFiles(beam);
    assert.strictEqual(soft, Math.min(hard, 65536), `the node's open files limit: soft ${soft}, hard ${hard}`);
    await node.stop();
    console.log(`      node graceful stop: ${node.stopMs} ms`);
    assert.ok(!processAlive(beam));
    await node.start();
    console.log(`      node start again: ${node.startMs} ms`);
    await connected(client(node.mqttUrl, 'after-restart'));
    await management(node).get('/api/exchanges/%2F/amq.rabbitmq.log'); // declared again before start() resolved
    const { dir, ports } = node;
    await node.destroy();
    node = undefined;
    assert.ok(!fs.existsSync(dir));
    // Ports come free once the kernel has torn down the killed node's sockets: a moment, not at once.
    const taken = async () => {
      const named = Object.entries({ amqp: ports.amqp, dist: ports.dist, mqtt: ports.mqtt });
      const free = await Promise.all(named.map(([, port]) => canBind(port)));
      return named.filter((_, i) => !free[i]).map(([name, port]) => `${name} ${port}`);
    };
    await waitFor('the ports of the node to be free', async () => (await taken()).length === 0, {
      timeoutMs: 15_000,
    }).catch(async (error: unknown) =>
      assert.fail(`${(error as Error).message}: still taken: ${(await taken()).join(', ')}`),
    );
    if (!epmdBefore) assert.ok(!(await epmdListening()), 'the epmd the node started is ended with it');
  });

  it('forms a two-node cluster whose second node stops and starts again', async () => {
    cluster = await startRabbitCluster(2);
    const [n1, n2] = cluster.nodes as [StartedNode, StartedNode];
    console.log(`      nodes: ${n1.startMs} ms, ${n2.startMs} ms; join: ${cluster.joinMs} ms`);
    const api = management(n1);
    const running = async () =>
      (await api.get<ApiNode[]>('/api/nodes'))
        .filter((n) => n.running)
        .map((n) => n.name)
        .sort();
    assert.deepStrictEqual(await running(), [n1.nodeName, n2.nodeName].sort());
    await connected(client(n2.mqttUrl, 'on-node-2'));
    await waitFor(
      "node 2's MQTT client in node 1's /api/connections",
      async () =>
        (await api.get<ApiConnection[]>('/api/connections')).find((c) => c.client_properties?.client_id === 'on-node-2')
          ?.node === n2.nodeName,
    );
    await n2.stop();
    console.log(`      node 2 graceful stop: ${n2.stopMs} ms`);
    await waitFor('node 2 not running', async () => (await running()).length === 1, { timeoutMs: 30_000 });
    await n2.start();
    console.log(`      node 2 start again: ${n2.startMs} ms`);
    await waitFor('node 2 running again', async () => (await running()).length === 2, { timeoutMs: 30_000 });
    const beams = cluster.nodes.map((n) => n.beamPid());
    await cluster.stop();
    cluster = undefined;
    assert.ok(beams.every((p) => !processAlive(p)));
  });

  it('reaps the node of a test process that was killed', async () => {
    const left = await startLeftover('rabbitmq', 180_000);
    assert.ok(processAlive(left.pid));
    assert.ok(reapLeftovers().includes(left.dir));
    await waitFor('the leftover node to end', () => !processAlive(left.pid), { timeoutMs: 20_000 });
    assert.ok(!fs.existsSync(left.dir));
    assert.deepStrictEqual(processesOf(left.dir), [], 'nothing of it is left, epmd included');
  });
});
