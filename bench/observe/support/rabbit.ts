// What the observe benchmarks share: the server observing a RabbitMQ node of the harness (dist/sandbox.js in its own
// process), an application of the server subscribed to the monitor topics of any client id, and a consumer of the
// broker's own event exchange — each telling when a message about a client arrived, on this process's clock.

import { connect as amqpConnect } from 'amqplib';
import { connect, type MqttClient } from 'mqtt';
import type { RabbitNode } from '../../../test/support/brokers/rabbitmq';
import { startBenchSandbox, type BenchSandbox } from '../../sandbox/support/sandbox';

export function observeArgs(node: RabbitNode): string[] {
  const user = `${encodeURIComponent(node.admin.user)}:${encodeURIComponent(node.admin.password)}`;
  return [
    '--observe-rabbitmq',
    `http://${user}@127.0.0.1:${node.ports.management}`,
    '--observe-amqp',
    `amqp://${user}@127.0.0.1:${node.ports.amqp}`,
  ];
}

export function startObservingServer(node: RabbitNode): Promise<BenchSandbox> {
  return startBenchSandbox(observeArgs(node));
}

export type Arrival = (key: string, at: number) => void;

/** An application of the server on `iot-2/client/+/mon`: calls `arrived("{Action}|{ClientID}", at)`. */
export async function monitorWatcher(server: BenchSandbox, arrived: Arrival): Promise<MqttClient> {
  const { ready } = server;
  const app = connect(ready.mqttUrl, {
    clientId: `a:${ready.org}:bench-watcher`,
    username: ready.apiKey,
    password: ready.apiToken,
    reconnectPeriod: 0,
  });
  await new Promise((resolve, reject) => {
    app.once('connect', resolve);
    app.once('error', reject);
  });
  app.on('message', (_topic, payload, packet) => {
    if (packet.retain) return; // what was retained before the run
    const at = performance.now();
    const m = JSON.parse(payload.toString('utf8')) as { Action?: string; ClientID?: string };
    arrived(`${m.Action}|${m.ClientID}`, at);
  });
  await app.subscribeAsync('iot-2/client/+/mon', { qos: 0 });
  return app;
}

/** A consumer of amq.rabbitmq.event: calls `arrived("{created|closed}|{connection name}", at)`. */
export async function eventWatcher(node: RabbitNode, arrived: Arrival): Promise<{ close(): Promise<void> }> {
  const conn = await amqpConnect(node.amqpUrl);
  const ch = await conn.createChannel();
  const { queue } = await ch.assertQueue('', { exclusive: true, autoDelete: true });
  await ch.bindQueue(queue, 'amq.rabbitmq.event', 'connection.#');
  await ch.consume(
    queue,
    (msg) => {
      if (msg === null) return;
      const at = performance.now();
      const name = (msg.properties.headers as Record<string, unknown> | undefined)?.name;
      const kind = msg.fields.routingKey === 'connection.created' ? 'created' : 'closed';
      if (typeof name === 'string') arrived(`${kind}|${name}`, at);
    },
    { noAck: true },
  );
  return { close: () => conn.close() };
}
