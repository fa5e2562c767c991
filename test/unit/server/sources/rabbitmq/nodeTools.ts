// What the RabbitMQ observe tests ask of a node besides the harness: which MQTT client ids its management API lists
// now, and a plugin disabled or enabled while it runs (rabbitmq-plugins, with the node's own environment).

import { rabbitEnv } from '../../../../support/brokers/rabbitmqConfig';
import type { RabbitNode } from '../../../../support/brokers/rabbitmq';
import { run } from '../../../../support/brokers/processes';

/** The MQTT connections the management API lists now (across the cluster): client id → connection name. */
export async function listedNames(node: RabbitNode): Promise<Map<string, string>> {
  const r = await fetch(`${node.managementUrl}/api/connections`, {
    headers: { authorization: `Basic ${Buffer.from(`${node.admin.user}:${node.admin.password}`).toString('base64')}` },
  });
  const items = (await r.json()) as { name: string; client_properties?: { client_id?: string } }[];
  return new Map(
    items.flatMap((c) =>
      c.client_properties?.client_id !== undefined ? [[c.client_properties.client_id, c.name]] : [],
    ),
  );
}

/** The MQTT client ids the management API lists now. */
export async function listed(node: RabbitNode): Promise<string[]> {
  return [...(await listedNames(node)).keys()];
}

export function disablePlugin(node: RabbitNode, plugin: string): Promise<void> {
  return plugins(node, 'disable', plugin);
}

export function enablePlugin(node: RabbitNode, plugin: string): Promise<void> {
  return plugins(node, 'enable', plugin);
}

async function plugins(node: RabbitNode, verb: 'enable' | 'disable', plugin: string): Promise<void> {
  const env = {
    ...process.env,
    ...rabbitEnv({ dir: node.dir, nodeName: node.nodeName, ports: node.ports, admin: node.admin }),
  };
  await run('/usr/sbin/rabbitmq-plugins', ['-n', node.nodeName, verb, plugin], {
    env,
    cwd: node.dir,
    timeoutMs: 60_000,
  });
}
