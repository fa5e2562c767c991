// Words for people, in their language (core/l10n.ts), about a client, its state record and its
// events (the tree's tooltip, the timeline's list, notifications): "sensor-7 disconnected:
// keep-alive timed out (network, code 160)". Text only, no markup; everything from devices is made
// safe and short by plainText, and callers still escape for their medium.

import * as l10n from '@vscode/l10n';
import type { ClientState } from './clientState';
import { closeCodeInfo, type DisconnectInitiator } from './closeCodes';
import { mqtt5ReasonName } from './closeCodeWords';
import type { AuthMethod, CloseDetail, ConnectivityEvent } from './events/types';
import { resolveClose } from './events/close';
import { parseClientId, shortName } from './ids';
import { plainText } from './text';
import { toIso } from './time';
import { wordsLocale } from './l10n';
import { formatRelative } from './timeWords';

/** The name a person knows the client by (device or app id), or the id made safe. */
export function clientLabel(clientId: string): string {
  const id = parseClientId(clientId);
  return id ? shortName(id) : plainText(clientId, 60);
}

function initiatorLong(initiator: DisconnectInitiator): string | undefined {
  switch (initiator) {
    case 'client':
      return l10n.t('the client (it closed the connection)');
    case 'server':
      return l10n.t('the server (the platform closed the connection)');
    case 'network':
      return l10n.t('the network (nothing arrived in time)');
  }
}

export function initiatorWords(initiator: DisconnectInitiator): string {
  return initiatorLong(initiator) ?? plainText(String(initiator), 30);
}

/** "client", "server", "network": who closed, in one word. */
function initiatorShort(initiator: DisconnectInitiator): string {
  switch (initiator) {
    case 'client':
      return l10n.t('client');
    case 'server':
      return l10n.t('server');
    case 'network':
      return l10n.t('network');
    default:
      return plainText(String(initiator), 30);
  }
}

/** A client's status in one word: "connected", "disconnected", "unknown". */
export function statusWords(status: string): string {
  switch (status) {
    case 'connected':
      return l10n.t('connected');
    case 'disconnected':
      return l10n.t('disconnected');
    case 'unknown':
      return l10n.t('unknown');
    default:
      return plainText(status, 30);
  }
}

/** "keep-alive timed out (network, code 160)". */
export function closeWords(close: CloseDetail): string {
  const facts = [
    close.initiator !== undefined ? initiatorShort(close.initiator) : undefined,
    close.closeCode !== undefined ? l10n.t('code {0}', close.closeCode) : undefined,
  ].filter((x) => x !== undefined);
  const what = plainText(close.explanation, 160);
  return facts.length > 0 ? `${what} (${facts.join(', ')})` : what;
}

function authWords(auth: AuthMethod): string {
  switch (auth) {
    case 'token':
      return l10n.t('token auth');
    case 'apiKey':
      return l10n.t('API key auth');
    default:
      return '';
  }
}

/** How a client connected: "token auth from 10.0.0.7". */
function howWords(e: { readonly auth: AuthMethod; readonly clientAddr?: string }): string {
  const from = e.clientAddr !== undefined ? l10n.t('from {0}', plainText(e.clientAddr, 45)) : '';
  return [authWords(e.auth), from].filter(Boolean).join(' ');
}

/** One line for an event, without the client's name: "disconnected: keep-alive timed out (network, code 160)". */
export function eventWords(e: ConnectivityEvent): string {
  switch (e.kind) {
    case 'connected': {
      const how = howWords(e);
      return how ? l10n.t('connected ({0})', how) : l10n.t('connected');
    }
    case 'failedConnect': {
      const how = howWords(e);
      return how
        ? l10n.t('failed to connect: {0}, {1}', closeWords(e), how)
        : l10n.t('failed to connect: {0}', closeWords(e));
    }
    case 'disconnected':
      // The takeover's own words already say what happened: "session taken over by …".
      return e.cause === 'takeover' ? closeWords(e) : l10n.t('disconnected: {0}', closeWords(e));
    case 'other':
      return l10n.t('other: {0}', plainText(e.raw, 160));
  }
}

/** "sensor-7 connected 3 min. ago", "sensor-7 disconnected: keep-alive timed out (network, code 160)". */
export function stateHeadline(state: ClientState, now: number): string {
  const headline = statusHeadline(state, now);
  return state.observed === 'carried' ? l10n.t('{0} (last known, may be stale)', headline) : headline;
}

function statusHeadline(state: ClientState, now: number): string {
  const name = clientLabel(state.id);
  if (state.status === 'connected') {
    return state.lastConnectTime === undefined
      ? l10n.t({ message: '{0} connected', args: [name], comment: ['one client, by its name'] })
      : l10n.t('{0} connected {1}', name, formatRelative(state.lastConnectTime, now));
  }
  if (state.status === 'disconnected') return l10n.t('{0} disconnected: {1}', name, closeWords(stateClose(state)));
  return l10n.t('{0}: status unknown', name);
}

/** How the observing server knows a record (platform-contract.md §7.2). */
function observedWords(observed: 'live' | 'carried'): string {
  return observed === 'live'
    ? l10n.t('live: seen by the server while it observed the broker')
    : l10n.t('carried: the last state known before the server restarted; it may be stale until the client acts again');
}

/** "60 sec" / "60 s": a count of seconds as Intl words it. */
function seconds(n: number): string {
  return new Intl.NumberFormat(wordsLocale(), { style: 'unit', unit: 'second', unitDisplay: 'short' }).format(n);
}

/** `1.2.3.4:5678`, `[::1]:5678`, or the address alone. */
function addressWords(addr: string | undefined, port: number | undefined): string | undefined {
  if (addr === undefined) return port === undefined ? undefined : l10n.t('port {0}', port);
  const host = addr.includes(':') ? `[${plainText(addr, 45)}]` : plainText(addr, 45);
  return port === undefined ? plainText(addr, 45) : `${host}:${port}`;
}

function clientTypeWords(clientType: string): string {
  return clientType === 'other'
    ? l10n.t("other (an id not of the platform's form, from an observed broker)")
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
  add(l10n.t('Client ID'), plainText(state.id, 200));
  add(l10n.t('Client type'), clientTypeWords(state.clientType));
  add(l10n.t('Status'), statusWords(state.status));
  add(l10n.t('Known as'), state.observed !== undefined ? observedWords(state.observed) : undefined);
  add(l10n.t('Last connected'), when(state.lastConnectTime));
  add(l10n.t('Last disconnected'), when(state.lastDisconnectTime));
  if (state.lastDisconnectTime !== undefined || state.closeCode !== undefined) {
    const close = stateClose(state);
    add(l10n.t('Disconnected by'), close.initiator ? initiatorWords(close.initiator) : undefined);
    add(l10n.t('Why'), plainText(close.explanation, 160));
    add(
      l10n.t('Close code'),
      state.closeCode !== undefined
        ? `${state.closeCode}${closeCodeInfo(state.closeCode) ? ` — ${closeCodeInfo(state.closeCode)?.reason}` : ''}`
        : undefined,
    );
    add(
      l10n.t('MQTT reason code'),
      close.mqttReasonCode !== undefined
        ? `${close.mqttReasonCode} — ${mqtt5ReasonName(close.mqttReasonCode)}`
        : undefined,
    );
    add(l10n.t('Reason given'), state.closeReason !== undefined ? plainText(state.closeReason, 160) : undefined);
    add(l10n.t('Usual cause in device code'), close.hint || undefined);
  }
  add(
    l10n.t('Last activity'),
    state.lastActivityEvent !== undefined
      ? plainText(state.lastActivityEvent, 40) +
          (state.lastActivityTime !== undefined ? `, ${when(state.lastActivityTime)}` : '')
      : when(state.lastActivityTime),
  );
  add(l10n.t('MQTT protocol'), state.protocol !== undefined ? plainText(state.protocol, 20) : undefined);
  add(l10n.t('Keep-alive'), state.keepAliveSeconds !== undefined ? seconds(state.keepAliveSeconds) : undefined);
  add(l10n.t('Address'), addressWords(state.clientAddr, state.clientPort));
  add(l10n.t('Broker node'), state.node !== undefined ? plainText(state.node, 100) : undefined);
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
