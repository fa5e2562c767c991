// The state record (platform-contract.md §2.3) as events: its last connect and its last disconnect (each the most
// recent such event, not necessarily the current session's), with the record's own initiator and
// reason code for the disconnect (platform-contract.md §6 aliases are resolved by normaliseClientState).

import type { ClientState } from '../clientState';
import { FAILED_CONNECT_CODES, resolveClose } from './close';
import type { ConnectivityEvent } from './types';

export function eventsFromState(state: ClientState): ConnectivityEvent[] {
  const out: ConnectivityEvent[] = [];
  const who = { source: 'state' as const, clientId: state.id };
  if (state.lastConnectTime !== undefined) {
    out.push({
      ...who,
      key: `state:connected:${state.lastConnectTime}`,
      time: state.lastConnectTime,
      kind: 'connected',
      auth: 'unknown',
      ...(state.protocol !== undefined ? { protocol: state.protocol } : {}),
    });
  }
  if (state.lastDisconnectTime !== undefined) {
    const { cause, ...close } = resolveClose({
      closeCode: state.closeCode,
      reason: state.closeReason,
      initiator: state.initiator,
      mqttReasonCode: state.mqttReasonCode,
    });
    const time = state.lastDisconnectTime;
    // A client whose attempts all failed has a disconnect and no connect (platform-contract.md §2).
    if (
      state.lastConnectTime === undefined &&
      close.closeCode !== undefined &&
      FAILED_CONNECT_CODES.has(close.closeCode)
    ) {
      out.push({ ...who, ...close, key: `state:failedConnect:${time}`, time, kind: 'failedConnect', auth: 'unknown' });
    } else {
      out.push({ ...who, ...close, key: `state:disconnected:${time}`, time, kind: 'disconnected', cause });
    }
  }
  return out.sort((a, b) => (a.time as number) - (b.time as number));
}
