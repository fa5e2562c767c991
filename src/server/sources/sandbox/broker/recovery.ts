// Server recovery (platform-contract.md §4.1): clients the store says were connected when the previous run ended
// (a crash leaves them so) are disconnected by the server's end, 93; devices get the retained
// Disconnect that tells monitor subscribers so.

import { CloseCode, closeReason } from '../../../../core/closeCodes';
import { isDeviceLike, parseClientId } from '../../../../core/ids';
import type { MonitorMessage } from '../../../../core/monitor';
import { toIso } from '../../../../core/time';
import type { Logger } from '../../../log';
import type { SandboxStore } from '../../../store/store';
import type { MonitorPublisher } from '../../../monitor/publisher';
import type { StateWriter } from './stateWriter';

const levels: Record<string, number> = { '3.1': 3, '3.1.1': 4, '5': 5 };

export function recoverConnectedClients(
  store: SandboxStore,
  states: StateWriter,
  monitor: MonitorPublisher,
  log: Logger,
): number {
  const at = Date.now();
  const stale = [...store.allStates()].filter((s) => s.connectionStatus === 'connected');
  for (const state of stale) {
    const id = parseClientId(state.id);
    if (id === undefined) continue;
    const protocolLevel = levels[state.mqttConnectProtocol ?? '3.1.1'] ?? 4;
    states.disconnected({ id, protocolLevel }, CloseCode.ServerShutdown, at);
    if (!isDeviceLike(id)) continue;
    // What the previous run knew of the connection (address, port, transport, traffic) ended with it.
    const message: MonitorMessage = {
      Action: 'Disconnect',
      Time: toIso(at),
      ClientID: id.raw,
      ...(state.lastConnectTime !== undefined ? { ConnectTime: state.lastConnectTime } : {}),
      CloseCode: CloseCode.ServerShutdown,
      Reason: closeReason(CloseCode.ServerShutdown),
    };
    monitor.disconnected(id.raw, message);
  }
  if (stale.length > 0) {
    log.info(
      `recovered ${stale.length} client(s) left connected by the previous run: disconnected with ` +
        `${CloseCode.ServerShutdown}`,
    );
  }
  return stale.length;
}
