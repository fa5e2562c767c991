// After a time RabbitMQ was not observed (the server started, its AMQP connection came back) or a node went down or
// came back, the management API's list is the truth (platform-contract.md §7.2): a listed connection the server did
// not follow is recorded (its connect time as the broker says); the same connection carried from before is live
// again; a client the server had as connected and the broker no longer lists gets a Disconnect with no code and the
// reason "disconnected while the broker was not observed" — or, when its node is not among the running nodes read
// after the list, "the node … went down": a killed node's clients get no connection.closed event, so this is the
// only place their end is told, and it must not hang on which log line asked for the look.
// A connection the broker made in the last seconds may not be listed yet (its statistics lag): it is left alone,
// unless its node is down. One whose connection.closed came and whose cause is still awaited (causes.ts) is left to
// that close. A connection the broker no longer lists that no client stands for (the older side of a takeover or a
// client's earlier connection, closed while the broker was not observed) is dropped, so that config/source's
// connectedCount is the broker's count again.

import { toIso } from '../../../core/time';
import type { ObservedRecorder } from '../observed/recorder';
import type { SandboxStore } from '../../store/store';
import { listMqttConnections, runningNodes } from './listing';
import type { Management } from './management';
import type { RabbitTracker } from './tracker';

export const NOT_OBSERVED = 'disconnected while the broker was not observed';
/** A new connection is listed 2–5 s after its created event (docs/brokers-observed.md). */
export const LIST_LAG_MS = 10_000;

export interface ReconcileDeps {
  api: Management;
  tracker: RabbitTracker;
  recorder: ObservedRecorder;
  store: SandboxStore;
}

export interface Reconciled {
  listed: number;
  added: number;
  ended: number;
  /** The running nodes, read after the list. */
  nodes: string[];
}

export async function reconcile(d: ReconcileDeps): Promise<Reconciled> {
  const { tracker, recorder, store } = d;
  const closed = (tracker.closedWhileListing = new Set());
  const started = Date.now();
  let listed: Awaited<ReturnType<typeof listMqttConnections>>;
  let nodes: string[];
  try {
    listed = await listMqttConnections(d.api);
    // Read after the list: a node not running now had its connections listed (or not) before it went down.
    nodes = await runningNodes(d.api);
  } finally {
    tracker.closedWhileListing = undefined; // a close heard until the list is applied is newer than the list
  }
  const now = Date.now();
  const listedIds = new Set<string>();
  let added = 0;
  for (const l of listed.values()) {
    if (closed.has(l.name) || l.clientId === undefined) continue;
    listedIds.add(l.clientId);
    let c = tracker.conns.get(l.name);
    if (c === undefined) tracker.conns.set(l.name, (c = { ...l, learnedAt: now }));
    c.clientId ??= l.clientId;
    const record = store.getState(l.clientId);
    const carried = record?.observed !== 'live';
    if (recorder.isLive(l.clientId, l.name)) {
      if (carried) recorder.confirmed(l.clientId, l.name); // followed all along; listed again
      continue;
    }
    const connected = record?.connectionStatus === 'connected';
    const at = l.connectedAt !== undefined ? toIso(l.connectedAt) : undefined;
    if (connected && at !== undefined && record?.lastConnectTime === at && record.clientPort === l.peerPort) {
      recorder.confirmed(l.clientId, l.name); // the same connection as before the server started
      continue;
    }
    if (connected) recorder.disconnected({ clientId: l.clientId, at: now, reason: NOT_OBSERVED });
    tracker.connect(c, now);
    added++;
  }
  /** Down: a node the cluster does not run now, for a connection known before the list was asked for. */
  const down = (node: string | undefined, learnedAt: number | undefined) =>
    node !== undefined && nodes.length > 0 && !nodes.includes(node) && (learnedAt ?? 0) < started;
  let ended = 0;
  for (const clientId of recorder.connectedIds()) {
    if (listedIds.has(clientId)) continue;
    const name = recorder.connectionOf(clientId);
    const c = name !== undefined ? tracker.conns.get(name) : undefined;
    if (name !== undefined && name !== '' && c === undefined) continue; // its close came; its cause is awaited
    const node = c?.node ?? store.getState(clientId)?.node;
    const nodeDown = name !== undefined && down(node, c?.learnedAt);
    // Not listed yet, or gone: a connection of the last seconds is given time, unless its node is down.
    if (c !== undefined && now - c.learnedAt < LIST_LAG_MS && !nodeDown) continue;
    if (name !== undefined) tracker.conns.delete(name);
    const reason = nodeDown ? `the node ${node} went down` : NOT_OBSERVED;
    recorder.disconnected({ clientId, at: now, reason, ...(name !== undefined ? { connection: name } : {}) });
    ended++;
  }
  // Connections no client stands for (an older one of a takeover, one never named) that the broker no longer lists:
  // their close was not heard. They are not counted (config/source.connectedCount) once the list would show them.
  const stale = (c: { node?: string; learnedAt: number }) =>
    started - c.learnedAt >= LIST_LAG_MS || down(c.node, c.learnedAt);
  for (const [name, c] of tracker.conns) if (!listed.has(name) && stale(c)) tracker.conns.delete(name);
  return { listed: listed.size, added, ended, nodes };
}
