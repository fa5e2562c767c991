// After the monitor was offline: fetch each watched client's state record and report the
// transitions that happened after what the caller last knew. A record keeps the latest connect and
// the latest disconnect (with its close code), so up to two transitions per client come back; when
// both are new, more may lie between them and the client is listed in `possiblyMore` (the
// connection log has every one). A client whose record cannot be read is listed, never guessed.

import type { ClientState } from '../../core/clientState';
import type { DisconnectInitiator } from '../../core/closeCodes';
import { isPlatformError, type PlatformError } from '../errors';
import type { PlatformRestClient } from '../rest/client';

export interface KnownClient {
  readonly clientId: string;
  readonly status: 'connected' | 'disconnected' | 'unknown';
  /** Platform time of the last transition the caller knows of (a monitor `Time` or a record time). */
  readonly since?: number;
}

export interface MissedTransition {
  readonly clientId: string;
  readonly kind: 'connect' | 'disconnect';
  readonly time: number;
  readonly closeCode?: number;
  readonly closeReason?: string;
  readonly initiator?: DisconnectInitiator;
  readonly mqttReasonCode?: number;
  /** The status changed but no record time after `since` says when: `time` is the record's last time. */
  readonly inferred?: boolean;
}

export interface ReconcileReport {
  /** Every client's missed transitions, oldest first. */
  readonly transitions: readonly MissedTransition[];
  /** The records read, by client id. */
  readonly records: ReadonlyMap<string, ClientState>;
  /** Clients the state API does not know (404). */
  readonly unknown: readonly string[];
  /** Clients whose record could not be read: their state is as unknown as before. */
  readonly failures: readonly { readonly clientId: string; readonly error: PlatformError }[];
  /** Clients with a new connect and a new disconnect: more transitions may lie between them. */
  readonly possiblyMore: readonly string[];
}

export interface ReconcileOptions {
  /** When the monitor went offline; the cutoff for clients without `since`. */
  readonly offlineSince: number;
  readonly signal?: AbortSignal;
  /** Records fetched at once (the REST client paces them anyway). Default 4. */
  readonly concurrency?: number;
}

export async function reconcile(rest: Pick<PlatformRestClient, 'getClientState'>, known: readonly KnownClient[], options: ReconcileOptions): Promise<ReconcileReport> {
  const records = new Map<string, ClientState>();
  const unknown: string[] = [];
  const failures: { clientId: string; error: PlatformError }[] = [];
  const transitions: MissedTransition[] = [];
  const possiblyMore: string[] = [];
  const queue = [...known];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      try {
        const record = await rest.getClientState(next.clientId, options.signal);
        records.set(next.clientId, record);
        const missed = missedTransitions(next, record, options.offlineSince);
        transitions.push(...missed);
        if (missed.filter((t) => !t.inferred).length === 2) possiblyMore.push(next.clientId);
      } catch (error) {
        if (isPlatformError(error, 'cancelled')) throw error;
        if (isPlatformError(error, 'notFound')) unknown.push(next.clientId);
        else if (isPlatformError(error)) failures.push({ clientId: next.clientId, error });
        else throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  transitions.sort((a, b) => a.time - b.time);
  return { transitions, records, unknown, failures, possiblyMore };
}

/** The transitions in `record` after what `known` says, oldest first. */
export function missedTransitions(known: KnownClient, record: ClientState, offlineSince: number): MissedTransition[] {
  const cutoff = known.since ?? offlineSince;
  const clientId = known.clientId;
  const out: MissedTransition[] = [];
  if (record.lastConnectTime !== undefined && record.lastConnectTime > cutoff) {
    out.push({ clientId, kind: 'connect', time: record.lastConnectTime });
  }
  if (record.lastDisconnectTime !== undefined && record.lastDisconnectTime > cutoff) {
    out.push({ clientId, kind: 'disconnect', time: record.lastDisconnectTime, ...disconnectFacts(record) });
  }
  out.sort((a, b) => a.time - b.time);
  const now = record.status;
  if (out.length === 0 && now !== 'unknown' && known.status !== 'unknown' && now !== known.status) {
    // Times at or before the cutoff (clock skew, a coarse `since`): the change is certain, its time is not.
    const time = Math.max(record.lastConnectTime ?? 0, record.lastDisconnectTime ?? 0, cutoff);
    out.push(now === 'connected'
      ? { clientId, kind: 'connect', time, inferred: true }
      : { clientId, kind: 'disconnect', time, inferred: true, ...disconnectFacts(record) });
  }
  return out;
}

function disconnectFacts(record: ClientState) {
  return { closeCode: record.closeCode, closeReason: record.closeReason, initiator: record.initiator, mqttReasonCode: record.mqttReasonCode };
}
