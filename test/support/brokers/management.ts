// RabbitMQ's management API over real HTTP for tests, as the node's administrator.

import type { RabbitNode } from './rabbitmqNode';

export interface Management {
  get<T = unknown>(apiPath: string): Promise<T>;
  /** DELETE; resolves with the status. */
  del(apiPath: string, headers?: Record<string, string>): Promise<number>;
  put(apiPath: string, body: unknown): Promise<number>;
}

export function management(node: Pick<RabbitNode, 'managementUrl' | 'admin'>): Management {
  const auth = `Basic ${Buffer.from(`${node.admin.user}:${node.admin.password}`).toString('base64')}`;
  const call = (method: string, apiPath: string, headers: Record<string, string> = {}, body?: unknown) =>
    fetch(`${node.managementUrl}${apiPath}`, {
      method,
      headers: {
        authorization: auth,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return {
    async get<T>(apiPath: string) {
      const res = await call('GET', apiPath);
      if (!res.ok) throw new Error(`GET ${apiPath}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    },
    async del(apiPath, headers) {
      const res = await call('DELETE', apiPath, headers);
      await res.arrayBuffer();
      return res.status;
    },
    async put(apiPath, body) {
      const res = await call('PUT', apiPath, {}, body);
      await res.arrayBuffer();
      return res.status;
    },
  };
}
