// Events for tests, built through the real readers (monitor messages), at seconds from T0.
import { eventFromMonitor, type ConnectivityEvent } from '../../../src/core/events';

export const T0 = Date.UTC(2024, 0, 1, 12, 0, 0);
export const sec = (s: number): number => T0 + s * 1000;
export const iso = (s: number): string => new Date(sec(s)).toISOString();

export function connected(s: number, addr = '10.0.0.1', clientId = 'd:org123:sensor:s-7'): ConnectivityEvent {
  return eventFromMonitor({
    Action: 'Connect',
    Time: iso(s),
    ClientID: clientId,
    ClientAddr: addr,
    User: 'use-token-auth',
  });
}

export function disconnected(
  s: number,
  code = 91,
  addr = '10.0.0.1',
  clientId = 'd:org123:sensor:s-7',
): ConnectivityEvent {
  return eventFromMonitor({
    Action: 'Disconnect',
    Time: iso(s),
    ClientID: clientId,
    ClientAddr: addr,
    ...(code !== 0 ? { CloseCode: code } : {}),
  });
}

export function failed(s: number, code = 180, addr = '10.9.9.9', clientId = 'd:org123:sensor:s-7'): ConnectivityEvent {
  return eventFromMonitor({
    Action: 'FailedConnect',
    Time: iso(s),
    ClientID: clientId,
    ClientAddr: addr,
    CloseCode: code,
  });
}
