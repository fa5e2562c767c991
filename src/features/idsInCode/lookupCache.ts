// The lookups' memory (no `vscode` import; unit-tested through lookups.ts): one entry per client id,
// least recently used first out, with what was found, when, and the drops counted; and how a record
// or a watcher transition learnt elsewhere updates an entry without a call.
import type { ClientState, ConnectionStatus } from '../../core/clientState';
import type { ConnectivityEvent } from '../../core/events/types';
import { addDrop, isDrop, type DropTally } from './drops';
import type { Lookup } from './lookupTypes';

/** The latest time a record tells of: newer records replace older ones, never the reverse. */
export function stamp(state: ClientState): number {
  return Math.max(state.lastConnectTime ?? -1, state.lastDisconnectTime ?? -1, state.lastActivityTime ?? -1);
}

export class LookupCache {
  private readonly entries = new Map<string, Lookup>();

  constructor(private readonly maxEntries: number) {}

  get size(): number {
    return this.entries.size;
  }

  /** Without touching its place in the LRU order. */
  peek(id: string): Lookup | undefined {
    return this.entries.get(id);
  }

  /** Marks it recently used. */
  touch(id: string): Lookup | undefined {
    const entry = this.entries.get(id);
    if (entry) {
      this.entries.delete(id);
      this.entries.set(id, entry);
    }
    return entry;
  }

  set(id: string, entry: Lookup): void {
    this.entries.delete(id);
    this.entries.set(id, entry);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }

  delete(id: string): void {
    this.entries.delete(id);
  }

  clear(): void {
    this.entries.clear();
  }

  /** A record from elsewhere (the tree's pages, another lookup's page): true when the entry changed. */
  learnState(state: ClientState, at: number): boolean {
    const before = this.entries.get(state.id);
    if (before?.kind === 'found') {
      const older = stamp(state) < stamp(before.state);
      const same = stamp(state) === stamp(before.state) && state.status === before.state.status;
      if (older || same) return false;
      this.set(state.id, { kind: 'found', state, drops: withRecordDrop(before.drops, state), at });
      return true;
    }
    this.set(state.id, { kind: 'found', state, at });
    return true;
  }

  /** What the watcher saw happen (a monitor message, a reconciled record): true when the entry changed. */
  learnEvent(clientId: string, to: ConnectionStatus | 'unknown', event: ConnectivityEvent, at: number): boolean {
    const before = this.entries.get(clientId);
    const base: ClientState =
      before?.kind === 'found' ? before.state : { id: clientId, clientType: 'unknown', status: 'unknown', raw: {} };
    const time = event.time;
    if (time !== undefined && time < stamp(base)) return false;
    let state: ClientState = { ...base, status: to === 'unknown' ? base.status : to };
    if (event.kind === 'connected') state = { ...state, lastConnectTime: time ?? state.lastConnectTime };
    if (event.kind === 'disconnected' && event.cause !== 'takeover') {
      state = {
        ...state,
        lastDisconnectTime: time ?? state.lastDisconnectTime,
        closeCode: event.closeCode,
        initiator: event.initiator,
        mqttReasonCode: event.mqttReasonCode,
        closeReason: event.reason,
      };
    }
    let drops = before?.kind === 'found' ? before.drops : undefined;
    if (drops && event.kind === 'disconnected') {
      drops = addDrop(drops, { time, closeCode: event.closeCode, initiator: event.initiator });
    }
    if (
      before?.kind === 'found' &&
      state.status === base.status &&
      stamp(state) === stamp(base) &&
      drops?.total === before.drops?.total
    ) {
      return false;
    }
    this.set(clientId, { kind: 'found', state, drops, at });
    return true;
  }
}

/** A newer record whose last disconnect is a drop of the day counted: one more. */
function withRecordDrop(drops: DropTally | undefined, state: ClientState): DropTally | undefined {
  if (!drops || state.lastDisconnectTime === undefined || !isDrop(state.closeCode, state.initiator)) return drops;
  return addDrop(drops, { time: state.lastDisconnectTime, closeCode: state.closeCode, initiator: state.initiator });
}
