// Presence of one pinned client, fed by monitor messages and state records.
// Unknown until something is known; the retained message delivered on subscribe (or the first
// state record) sets the initial state without a notification. Messages are ordered by their
// `Time`: anything older than the latest applied is stale, the same event again is a duplicate.
// Close code 288 means a newer connection took over: still connected, in either arrival order.

import * as l10n from '@vscode/l10n';
import type { ClientState, ConnectionStatus } from '../clientState';
import type { MonitorMessage } from '../monitor';
import { eventFromMonitor } from '../events/fromMonitor';
import { eventsFromState } from '../events/fromState';
import type { ConnectivityEvent, DisconnectedEvent, EventSource, FailedConnectEvent } from '../events/types';

export type PresenceStatus = ConnectionStatus | 'unknown';
/** `reconnected`: connected after being seen disconnected. `takeover`: a 288, still connected. */
export type PresenceChange = 'connected' | 'reconnected' | 'disconnected' | 'failedConnect' | 'takeover';
/** `alert`: disconnects and failed connects; `quiet`: (re)connects and takeovers; `none`: initial state. */
export type NotifyLevel = 'none' | 'quiet' | 'alert';

export interface PresenceTransition {
  readonly clientId: string;
  readonly from: PresenceStatus;
  readonly to: PresenceStatus;
  readonly change: PresenceChange;
  readonly notify: NotifyLevel;
  /** The first thing learnt about the client (a retained message or a state record). */
  readonly initial: boolean;
  /** When it happened (platform time); undefined when a state record gave no time. */
  readonly time: number | undefined;
  readonly event: ConnectivityEvent;
}

export interface PresenceSnapshot {
  readonly clientId: string;
  readonly status: PresenceStatus;
  /** When the status began, as far as known. */
  readonly since?: number;
  readonly lastDisconnect?: DisconnectedEvent;
  readonly lastFailure?: FailedConnectEvent;
}

/** Two sources' reports of one event may be this far apart in time. */
export const PRESENCE_SKEW_MS = 1000;

export class Presence {
  private status: PresenceStatus = 'unknown';
  private since: number | undefined;
  private latest = -Infinity;
  private lastDisconnect: DisconnectedEvent | undefined;
  private lastFailure: FailedConnectEvent | undefined;
  /** The last applied event of each kind (and cause), to recognise the same event again. */
  private readonly applied = new Map<string, { time: number; source: EventSource }>();

  constructor(readonly clientId: string) {}

  snapshot(): PresenceSnapshot {
    return {
      clientId: this.clientId,
      status: this.status,
      ...(this.since !== undefined ? { since: this.since } : {}),
      ...(this.lastDisconnect ? { lastDisconnect: this.lastDisconnect } : {}),
      ...(this.lastFailure ? { lastFailure: this.lastFailure } : {}),
    };
  }

  /** `retained`: the MQTT retain flag of the delivery; `receivedAt` stands in for a missing `Time`. */
  applyMonitor(message: MonitorMessage, retained: boolean, receivedAt: number): PresenceTransition[] {
    if (typeof message !== 'object' || message === null) return [];
    if (message.ClientID !== undefined && message.ClientID !== this.clientId) return [];
    const event = eventFromMonitor(message, receivedAt);
    const t = this.apply(event, retained && this.status === 'unknown');
    return t ? [t] : [];
  }

  /**
   * A state record (at start, or reconciling after the watcher reconnected): every change it
   * implies that is newer than what is known, so transitions missed while offline are reported.
   * A record older than the latest message is lagging (platform-contract.md §2: the state may lag) and ignored.
   */
  applyState(state: ClientState): PresenceTransition[] {
    if (state.id !== this.clientId || state.status === 'unknown') return [];
    const events = eventsFromState(state);
    const newest = events.length > 0 ? events[events.length - 1].time : undefined;
    if (newest !== undefined && newest < this.latest) return [];
    const initial = this.status === 'unknown';
    const out: PresenceTransition[] = [];
    for (const event of events) {
      const t = this.apply(event, initial);
      if (t) out.push(t);
    }
    // The record's status outranks its times (and is all there is when it has none).
    const wanted: ConnectionStatus =
      state.status === 'disconnected' && (state.closeCode === 288 || state.mqttReasonCode === 142)
        ? 'connected'
        : state.status;
    if (this.status !== wanted) out.push(this.force(wanted, state, events, initial));
    // What is learnt first is one fact, not a history to replay.
    return initial && out.length > 1 ? [{ ...out[out.length - 1], from: 'unknown' }] : out;
  }

  private force(
    to: ConnectionStatus,
    state: ClientState,
    events: readonly ConnectivityEvent[],
    initial: boolean,
  ): PresenceTransition {
    const from = this.status;
    const kind = to === 'connected' ? 'connected' : 'disconnected';
    const event: ConnectivityEvent =
      events.find((e) => e.kind === kind) ??
      (to === 'connected'
        ? {
            key: `state:${to}`,
            source: 'state',
            time: undefined,
            clientId: this.clientId,
            kind: 'connected',
            auth: 'unknown',
          }
        : {
            key: `state:${to}`,
            source: 'state',
            time: undefined,
            clientId: this.clientId,
            kind: 'disconnected',
            cause: 'unknown',
            explanation: l10n.t('disconnected'),
            hint: '',
          });
    const time = to === 'connected' ? state.lastConnectTime : state.lastDisconnectTime;
    [this.status, this.since] = [to, time];
    if (event.kind === 'disconnected') this.lastDisconnect = event;
    const change: PresenceChange =
      to === 'disconnected' ? 'disconnected' : from === 'disconnected' ? 'reconnected' : 'connected';
    return { clientId: this.clientId, from, to, change, notify: this.notifyFor(change, initial), initial, time, event };
  }

  private notifyFor(change: PresenceChange, initial: boolean): NotifyLevel {
    if (initial) return 'none';
    return change === 'disconnected' || change === 'failedConnect' ? 'alert' : 'quiet';
  }

  private apply(event: ConnectivityEvent, initial: boolean): PresenceTransition | undefined {
    const t = event.time;
    if (t === undefined || event.kind === 'other' || t < this.latest) return undefined;
    const identity =
      event.kind === 'disconnected' ? `${event.kind}:${event.cause === 'takeover' ? 'takeover' : 'end'}` : event.kind;
    const before = this.applied.get(identity);
    if (before && (before.time === t || (before.source !== event.source && t - before.time <= PRESENCE_SKEW_MS))) {
      return undefined;
    }
    this.applied.set(identity, { time: t, source: event.source });
    this.latest = t;
    const from = this.status;
    let to: PresenceStatus;
    let change: PresenceChange;
    switch (event.kind) {
      case 'connected':
        [to, change] = ['connected', from === 'disconnected' ? 'reconnected' : 'connected'];
        break;
      case 'failedConnect':
        this.lastFailure = event;
        [to, change] = [from, 'failedConnect'];
        break;
      case 'disconnected':
        this.lastDisconnect = event;
        [to, change] = event.cause === 'takeover' ? ['connected', 'takeover'] : ['disconnected', 'disconnected'];
        break;
    }
    if (to !== from) [this.status, this.since] = [to, t];
    if (to === from && change !== 'failedConnect' && change !== 'takeover') return undefined;
    return {
      clientId: this.clientId,
      from,
      to,
      change,
      notify: this.notifyFor(change, initial),
      initial,
      time: t,
      event,
    };
  }
}
