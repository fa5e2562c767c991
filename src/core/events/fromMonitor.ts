// A monitor message (platform-contract.md §4.2, read by core/monitor.ts's parseMonitorPayload) → one event.
// Absent CloseCode on a Disconnect means 0 (the platform omits it when 0); an unknown Action is
// kept as `other` with the message as received.

import { orgFromApiKey } from '../ids';
import { monitorFields, type MonitorMessage } from '../monitor';
import { hashText } from '../text';
import { parseInstant } from '../time';
import { resolveClose } from './close';
import type { AuthMethod, ConnectivityEvent, TimeIssue } from './types';

/**
 * `receivedAt` (ms) stands in for a missing or unreadable `Time`; the event is then flagged with
 * a timeIssue, so a live message is never lost for want of a timestamp. Any value is read as
 * parseMonitorPayload would keep it (monitorFields), so one that was not parsed first cannot throw.
 */
export function eventFromMonitor(message: MonitorMessage, receivedAt?: number): ConnectivityEvent {
  const m = monitorFields(message);
  const stamp = typeof m.Time === 'string' ? parseInstant(m.Time) : undefined;
  const timeIssue: TimeIssue | undefined =
    m.Time === undefined ? 'missing' : stamp === undefined ? 'invalid' : undefined;
  const time = stamp ?? (Number.isFinite(receivedAt) ? receivedAt : undefined);
  const base = {
    key: monitorKey(m),
    source: 'monitor' as const,
    time,
    ...(timeIssue ? { timeIssue } : {}),
    ...(timeIssue === 'invalid' ? { rawTime: String(m.Time).slice(0, 100) } : {}),
    ...(typeof m.ClientID === 'string' ? { clientId: m.ClientID } : {}),
    ...(typeof m.ClientAddr === 'string' ? { clientAddr: m.ClientAddr } : {}),
    ...(typeof m.ClientPort === 'number' ? { clientPort: m.ClientPort } : {}),
    ...(typeof m.KeepAlive === 'number' ? { keepAliveSeconds: m.KeepAlive } : {}),
    ...(typeof m.Node === 'string' ? { node: m.Node } : {}),
  };
  switch (m.Action) {
    case 'Connect':
      return {
        ...base,
        kind: 'connected',
        auth: authMethod(m.User),
        ...(typeof m.Protocol === 'string' ? { protocol: m.Protocol } : {}),
        ...(typeof m.Port === 'number' ? { port: m.Port } : {}),
        ...(typeof m.Secure === 'boolean' ? { secure: m.Secure } : {}),
      };
    case 'FailedConnect': {
      const { cause: _cause, ...close } = resolveClose({ closeCode: m.CloseCode, reason: m.Reason });
      return { ...base, ...close, kind: 'failedConnect', auth: authMethod(m.User) };
    }
    case 'Disconnect': {
      const noCode = m.CloseCode === undefined && (m.Reason === undefined || m.Reason.trim() === '');
      const { cause, ...close } = resolveClose({ closeCode: noCode ? 0 : m.CloseCode, reason: m.Reason });
      const connectTime = typeof m.ConnectTime === 'string' ? parseInstant(m.ConnectTime) : undefined;
      return { ...base, ...close, kind: 'disconnected', cause, ...(connectTime !== undefined ? { connectTime } : {}) };
    }
    default:
      return { ...base, kind: 'other', raw: rawText(m) };
  }
}

function authMethod(user: string | undefined): AuthMethod {
  if (user === 'use-token-auth') return 'token';
  if (typeof user === 'string' && orgFromApiKey(user) !== undefined) return 'apiKey';
  return 'unknown';
}

// Only the fields that tell one report from another: a re-delivered retained message has the
// same key, the two sides of a takeover (288) differ by address or port.
function monitorKey(m: MonitorMessage): string {
  const id = `${m.Action}|${m.Time}|${m.ClientID}|${m.ClientAddr}|${m.Port}|${m.CloseCode}|${m.ConnectTime}`;
  return `monitor:${hashText(id)}:${id.length}`;
}

function rawText(m: MonitorMessage): string {
  try {
    return JSON.stringify(m);
  } catch {
    return String(m.Action);
  }
}
