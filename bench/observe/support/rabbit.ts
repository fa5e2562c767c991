// What the RabbitMQ benchmarks share: the server observing a RabbitMQ node of the harness (dist/sandbox.js in its own
// process), and a consumer of the broker's own event exchange telling when a message about a connection arrived, on
// this process's clock.

import { connect as amqpConnect } from 'amqplib';
import type { Arrival } from './monitor';
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
