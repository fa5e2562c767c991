// What the management API lists (platform-contract.md §7.1): the MQTT connections of the whole cluster, a page of
// 500 at a time, with each one's client id, node, peer address and port and when it connected; the running nodes;
// one connection by name (for an event that lacks the client id). Values from the broker are checked, not trusted.

import type { Management } from './management';
import { ManagementError } from './management';

export interface ListedConnection {
  name: string;
  clientId?: string;
  node?: string;
  peerHost?: string;
  peerPort?: number;
  /** The broker's port the client connected to. */
  port?: number;
  /** ms since the epoch. */
  connectedAt?: number;
  protocol?: string;
  user?: string;
}

const PAGE_SIZE = 500;
const COLUMNS = 'name,node,peer_host,peer_port,port,protocol,connected_at,user,client_properties,variable_map';

type Raw = Record<string, unknown>;
const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
const int = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) ? v : undefined);

function read(r: Raw): ListedConnection | undefined {
  const name = text(r.name);
  if (name === undefined) return undefined;
  const props = (r.client_properties ?? {}) as Raw;
  const vars = (r.variable_map ?? {}) as Raw;
  return Object.fromEntries(
    Object.entries({
      name,
      clientId: text(props.client_id) ?? text(vars.client_id),
      node: text(r.node),
      peerHost: text(r.peer_host),
      peerPort: int(r.peer_port),
      port: int(r.port),
      connectedAt: int(r.connected_at),
      protocol: text(r.protocol),
      user: text(r.user),
    }).filter(([, v]) => v !== undefined),
  ) as unknown as ListedConnection;
}

const isMqtt = (c: ListedConnection) => (c.protocol ?? '').startsWith('MQTT') || c.clientId !== undefined;

/** Every MQTT connection of the cluster, page after page (a connection that moves between pages is kept once). */
export async function listMqttConnections(api: Management): Promise<Map<string, ListedConnection>> {
  const found = new Map<string, ListedConnection>();
  for (let page = 1; ; page++) {
    const r = await api.get<{ items?: unknown; page_count?: unknown }>(
      `/connections?page=${page}&page_size=${PAGE_SIZE}&columns=${COLUMNS}`,
    );
    const items = Array.isArray(r.items) ? (r.items as Raw[]) : [];
    for (const raw of items) {
      const c = typeof raw === 'object' && raw !== null ? read(raw) : undefined;
      if (c !== undefined && isMqtt(c)) found.set(c.name, c);
    }
    const pages = int(r.page_count) ?? 1;
    if (page >= pages || items.length === 0) return found;
  }
}

/** One connection by name; undefined when the broker no longer has it. */
export async function connectionByName(api: Management, name: string): Promise<ListedConnection | undefined> {
  try {
    return read(await api.get<Raw>(`/connections/${encodeURIComponent(name)}`));
  } catch (err) {
    if (err instanceof ManagementError && err.status === 404) return undefined;
    throw err;
  }
}

/** The names of the cluster's running nodes. */
export async function runningNodes(api: Management): Promise<string[]> {
  const nodes = await api.get<Raw[]>('/nodes?columns=name,running');
  return (Array.isArray(nodes) ? nodes : [])
    .filter((n) => n.running === true && typeof n.name === 'string')
    .map((n) => n.name as string);
}

/** Whether an MQTT listener runs (plugin rabbitmq_mqtt), from the overview. */
export async function hasMqttListener(api: Management): Promise<boolean> {
  const o = await api.get<{ listeners?: unknown }>('/overview');
  return (
    Array.isArray(o.listeners) &&
    o.listeners.some((l: Raw) => typeof l.protocol === 'string' && l.protocol.startsWith('mqtt'))
  );
}
