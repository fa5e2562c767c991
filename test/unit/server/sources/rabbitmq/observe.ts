// What the observe tests give the server for a RabbitMQ node the test runs: its management API with the
// administrator's credentials, and its AMQP URL.

import type { RabbitNode } from '../../../../support/brokers/rabbitmq';

export function observeRabbit(node: RabbitNode, o: { managementPort?: number; amqpPort?: number } = {}) {
  const user = `${encodeURIComponent(node.admin.user)}:${encodeURIComponent(node.admin.password)}`;
  return {
    rabbitmq: `http://${user}@127.0.0.1:${o.managementPort ?? node.ports.management}`,
    amqp: `amqp://${user}@127.0.0.1:${o.amqpPort ?? node.ports.amqp}`,
  };
}
