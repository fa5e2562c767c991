// After a time RabbitMQ was not observed (the server started, its AMQP connection came back) or a node went down,
// the management API's list is the truth (platform-contract.md §7.2): a listed connection the server did not follow
// is recorded (its connect time as the broker says); the same connection carried from before is live again; a
// client the server had as connected and the broker no longer lists gets a Disconnect with no code and the reason
// "disconnected while the broker was not observed" — or, when its node went down, "the node … went down".
// A connection the broker made in the last seconds may not be listed yet (its statistics lag): it is left alone.

import { toIso } from '../../../core/time';
import type { ObservedRecorder } from '../observed/recorder';
import type { SandboxStore } from '../../store/store';
import { listMqttConnections } from './listing';
import type { Management } from './management';
import type { RabbitTracker } from './tracker';

export const NOT_OBSERVED = 'disconnected while the broker was not observed';
/** A new connection is listed 2–5 s after its created event (docs/brokers-observed.md). */
export const LIST_LAG_MS = 10_000;

export type Why = { kind: 'start' } | { kind: 'reconnect' } | { kind: 'nodeDown'; node: string };

export interface ReconcileDeps {
  api: Management;
  tracker: RabbitTracker;
  recorder: ObservedRecorder;
  store: SandboxStore;
}

export async function reconcile(d: ReconcileDeps, why: Why): Promise<{ listed: number; added: number; ended: number }> {
  const { tracker, recorder, store } = d;
  const closed = (tracker.closedWhileListing = new Set());
  let listed: Awaited<ReturnType<typeof listMqttConnections>>;
  try {
    listed = await listMqttConnections(d.api);
  } finally {
    tracker.closedWhileListing = undefined;
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
  let ended = 0;
  for (const clientId of recorder.connectedIds()) {
    if (listedIds.has(clientId)) continue;
    const name = recorder.connectionOf(clientId);
    const c = name !== undefined ? tracker.conns.get(name) : undefined;
    const node = store.getState(clientId)?.node;
    const nodeDown = why.kind === 'nodeDown' && node === why.node;
    // Not listed yet, or gone: a connection of the last seconds is given time, unless its node is down.
    if (c !== undefined && now - c.learnedAt < LIST_LAG_MS && !nodeDown) continue;
    if (name !== undefined) tracker.conns.delete(name);
    const reason = nodeDown ? `the node ${node} went down` : NOT_OBSERVED;
    recorder.disconnected({ clientId, at: now, reason, ...(name !== undefined ? { connection: name } : {}) });
    ended++;
  }
  return { listed: listed.size, added, ended };
}
