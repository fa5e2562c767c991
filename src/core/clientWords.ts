// Words for people about a client, its state record and its events (the tree's tooltip, the
// timeline's list, notifications): "sensor-7 disconnected: keep-alive timed out (network, code
// 160)". Text only, no markup; everything from devices is made safe and short by plainText, and
// callers still escape for their medium.

import type { ClientState } from './clientState';
import { closeCodeInfo, mqtt5ReasonName, type DisconnectInitiator } from './closeCodes';
import type { AuthMethod, CloseDetail, ConnectivityEvent } from './events/types';
import { resolveClose } from './events/close';
import { parseClientId, shortName } from './ids';
import { plainText } from './text';
import { toIso } from './time';
import { formatRelative } from './timeWords';

/** The name a person knows the client by (device or app id), or the id made safe. */
export function clientLabel(clientId: string): string {
  const id = parseClientId(clientId);
  return id ? shortName(id) : plainText(clientId, 60);
}

const INITIATOR_WORDS: Record<DisconnectInitiator, string> = {
  client: 'the client (it closed the connection)',
  server: 'the server (the platform closed the connection)',
  network: 'the network (nothing arrived in time)',
};

export function initiatorWords(initiator: DisconnectInitiator): string {
  return INITIATOR_WORDS[initiator] ?? plainText(String(initiator), 30);
}

/** "keep-alive timed out (network, code 160)". */
export function closeWords(close: CloseDetail): string {
  const facts = [close.initiator, close.closeCode !== undefined ? `code ${close.closeCode}` : undefined].filter(
    (x) => x !== undefined,
  );
  const what = plainText(close.explanation, 160);
  return facts.length > 0 ? `${what} (${facts.join(', ')})` : what;
}

const AUTH_WORDS: Record<AuthMethod, string> = { token: 'token auth', apiKey: 'API key auth', unknown: '' };

/** One line for an event, without the client's name: "disconnected: keep-alive timed out (network, code 160)". */
export function eventWords(e: ConnectivityEvent): string {
  const from = e.clientAddr !== undefined ? `from ${plainText(e.clientAddr, 45)}` : '';
  switch (e.kind) {
    case 'connected': {
      const how = [AUTH_WORDS[e.auth], from].filter(Boolean).join(' ');
      return how ? `connected (${how})` : 'connected';
    }
    case 'failedConnect': {
      const how = [AUTH_WORDS[e.auth], from].filter(Boolean).join(' ');
      return `failed to connect: ${closeWords(e)}${how ? `, ${how}` : ''}`;
    }
    case 'disconnected':
      // The takeover's own words already say what happened: "session taken over by …".
      return e.cause === 'takeover' ? closeWords(e) : `disconnected: ${closeWords(e)}`;
    case 'other':
      return `other: ${plainText(e.raw, 160)}`;
  }
}

/** "sensor-7 connected 3 min ago", "sensor-7 disconnected: keep-alive timed out (network, code 160)". */
export function stateHeadline(state: ClientState, now: number): string {
  return `${statusHeadline(state, now)}${state.observed === 'carried' ? ` (${CARRIED_SHORT})` : ''}`;
}

function statusHeadline(state: ClientState, now: number): string {
  const name = clientLabel(state.id);
  if (state.status === 'connected') {
    return state.lastConnectTime === undefined
      ? `${name} connected`
      : `${name} connected ${formatRelative(state.lastConnectTime, now)}`;
  }
  if (state.status === 'disconnected') return `${name} disconnected: ${closeWords(stateClose(state))}`;
  return `${name}: status unknown`;
}

/** A record carried over a restart of the observing server (platform-contract.md §7.2), in a few words. */
export const CARRIED_SHORT = 'last known, may be stale';

const OBSERVED_WORDS: Record<'live' | 'carried', string> = {
  live: 'live: seen by the server while it observed the broker',
  carried: 'carried: the last state known before the server restarted; it may be stale until the client acts again',
};

/** `1.2.3.4:5678`, `[::1]:5678`, or the address alone. */
function addressWords(addr: string | undefined, port: number | undefined): string | undefined {
  if (addr === undefined) return port === undefined ? undefined : `port ${port}`;
  const host = addr.includes(':') ? `[${plainText(addr, 45)}]` : plainText(addr, 45);
  return port === undefined ? plainText(addr, 45) : `${host}:${port}`;
}

function clientTypeWords(clientType: string): string {
  return clientType === 'other'
    ? "other (an id not of the platform's form, from an observed broker)"
    : plainText(clientType, 30);
}

export interface DetailRow {
  readonly label: string;
  readonly value: string;
}

/** Every field of the record, explained, for a tooltip: rows of plain text. */
export function stateDetails(state: ClientState, now: number): DetailRow[] {
  const rows: DetailRow[] = [];
  const add = (label: string, value: string | undefined): void =>
    void (value !== undefined && rows.push({ label, value }));
  const when = (t: number | undefined) => (t === undefined ? undefined : `${toIso(t)} (${formatRelative(t, now)})`);
  add('Client ID', plainText(state.id, 200));
  add('Client type', clientTypeWords(state.clientType));
  add('Status', state.status);
  add('Known as', state.observed !== undefined ? OBSERVED_WORDS[state.observed] : undefined);
  add('Last connected', when(state.lastConnectTime));
  add('Last disconnected', when(state.lastDisconnectTime));
  if (state.lastDisconnectTime !== undefined || state.closeCode !== undefined) {
    const close = stateClose(state);
    add('Disconnected by', close.initiator ? initiatorWords(close.initiator) : undefined);
    add('Why', plainText(close.explanation, 160));
    add(
      'Close code',
      state.closeCode !== undefined
        ? `${state.closeCode}${closeCodeInfo(state.closeCode) ? ` — ${closeCodeInfo(state.closeCode)?.reason}` : ''}`
        : undefined,
    );
    add(
      'MQTT reason code',
      close.mqttReasonCode !== undefined
        ? `${close.mqttReasonCode} — ${mqtt5ReasonName(close.mqttReasonCode)}`
        : undefined,
    );
    add('Reason given', state.closeReason !== undefined ? plainText(state.closeReason, 160) : undefined);
    add('Usual cause in device code', close.hint || undefined);
  }
  add(
    'Last activity',
    state.lastActivityEvent !== undefined
      ? plainText(state.lastActivityEvent, 40) +
          (state.lastActivityTime !== undefined ? `, ${when(state.lastActivityTime)}` : '')
      : when(state.lastActivityTime),
  );
  add('MQTT protocol', state.protocol !== undefined ? plainText(state.protocol, 20) : undefined);
  add('Keep-alive', state.keepAliveSeconds !== undefined ? `${state.keepAliveSeconds} s` : undefined);
  add('Address', addressWords(state.clientAddr, state.clientPort));
  add('Broker node', state.node !== undefined ? plainText(state.node, 100) : undefined);
  return rows;
}

function stateClose(state: ClientState): CloseDetail {
  return resolveClose({
    closeCode: state.closeCode,
    reason: state.closeReason,
    initiator: state.initiator,
    mqttReasonCode: state.mqttReasonCode,
  });
}
