// An observing server that starts again (with --data-dir) puts each known client's last monitor message back into
// its retained store (platform-contract.md §4.1, §7.2), from the state record, so that a new subscriber gets every
// client's state at once, as before the restart. Applications' messages are not retained, so not restored.

import type { ClientStateWire } from '../../../core/clientState';
import { parseClientId } from '../../../core/ids';
import type { MonitorMessage } from '../../../core/monitor';
import type { MonitorPublisher } from '../../monitor/publisher';
import type { SandboxStore } from '../../store/store';

function isApplication(id: string): boolean {
  const kind = parseClientId(id)?.kind;
  return kind === 'application' || kind === 'scalableApplication';
}

export function lastMessageOf(r: ClientStateWire): MonitorMessage {
  const where = {
    ...(r.clientAddr !== undefined ? { ClientAddr: r.clientAddr } : {}),
    ClientID: r.id,
    ...(r.clientPort !== undefined ? { ClientPort: r.clientPort } : {}),
    ...(r.node !== undefined ? { Node: r.node } : {}),
  };
  if (r.connectionStatus === 'connected') {
    return {
      Action: 'Connect',
      ...(r.lastConnectTime !== undefined ? { Time: r.lastConnectTime } : {}),
      ...where,
      ...(r.keepAliveSeconds !== undefined ? { KeepAlive: r.keepAliveSeconds } : {}),
    };
  }
  return {
    Action: 'Disconnect',
    ...(r.lastDisconnectTime !== undefined ? { Time: r.lastDisconnectTime } : {}),
    ...where,
    ...(r.lastConnectTime !== undefined ? { ConnectTime: r.lastConnectTime } : {}),
    ...(r.closeCode !== undefined && r.closeCode !== 0 ? { CloseCode: r.closeCode } : {}),
    ...(r.closeCode !== 0 && r.closeReason !== undefined ? { Reason: r.closeReason } : {}),
  };
}

/** Restores the retained message of every known client that is not an application; returns how many. */
export function restoreRetained(store: SandboxStore, monitor: MonitorPublisher): number {
  let n = 0;
  for (const r of store.allStates()) {
    if (isApplication(r.id)) continue;
    monitor.restore(r.id, lastMessageOf(r));
    n++;
  }
  return n;
}
