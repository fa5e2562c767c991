// After the monitor was offline: read each pinned client's state record, let the presence book
// (core/presence) bring its state up to date, and report what happened while offline. The book
// alone cannot tell that: the retained message that arrives on resubscribing may already have
// moved it past an older drop-and-reconnect, and a record keeps only the latest connect and the
// latest disconnect. So for a device whose record changed in the offline window, the connection
// log of that window is read: it has every connect, failed attempt and disconnect — nothing lost.
// So is the log of an id of another form, by its client id (platform-contract.md §7.2). Applications
// have no log (§3): their record is all there is. Failures are listed.

import { eventsFromLog, eventsFromState, type ConnectivityEvent } from '../../core/events';
import { logAddressOf, watchTopicOf } from '../../core/ids';
import type { PresenceBook } from '../../core/presence/book';
import { PRESENCE_SKEW_MS, type PresenceTransition } from '../../core/presence/presence';
import type { ClientState } from '../../core/clientState';
import { isPlatformError, type PlatformError } from '../errors';
import type { PlatformRestClient } from '../rest/client';
import type { LogEntry } from '../rest/logs';

/** The `reconnected` event's facts (pass the event itself), plus a signal. */
export interface ReconcileOptions {
  /** When the monitor went offline. */
  readonly offlineSince: number;
  /** How long it was offline: later events arrive live. Default: until now. */
  readonly offlineMs?: number;
  /** Platform time of the last message seen on each monitor topic before going offline. */
  readonly lastSeen?: ReadonlyMap<string, number>;
  readonly signal?: AbortSignal;
  /** Read the connection log of devices that changed while offline. Default true. */
  readonly history?: boolean;
  /** Clients read at once (the REST client paces the calls anyway). Default 4. */
  readonly concurrency?: number;
}

export interface ReconcileReport {
  /** What the records changed in the presence book (nothing, when live messages got there first). */
  readonly transitions: readonly PresenceTransition[];
  /** Per client, what happened while the monitor was offline, oldest first: for clients with a log
   *  every log event of the window; for applications the record's connect and disconnect in it. */
  readonly missed: ReadonlyMap<string, readonly ConnectivityEvent[]>;
  /** Clients whose `missed` may lack steps: an application with both a connect and a disconnect in
   *  the window (its record keeps only the latest of each), or a device whose window held more log
   *  entries than the API reaches (offset 1000). */
  readonly incomplete: readonly string[];
  readonly records: ReadonlyMap<string, ClientState>;
  /** Pinned clients the state API does not know (404): never connected since it was switched on. */
  readonly unknown: readonly string[];
  /** Records or logs that could not be read: those clients stay as they were. */
  readonly failures: readonly { readonly clientId: string; readonly error: PlatformError }[];
}

type Rest = Pick<PlatformRestClient, 'getClientState' | 'streamConnectionLog'>;
type Book = Pick<PresenceBook, 'pinned' | 'applyState'>;

export async function reconcile(rest: Rest, book: Book, options: ReconcileOptions): Promise<ReconcileReport> {
  // Platform and local clocks differ a little: the window is widened by the presence book's skew,
  // but never back over the last message seen of the client before the link went down.
  const to =
    (options.offlineMs !== undefined ? options.offlineSince + options.offlineMs : Date.now()) + PRESENCE_SKEW_MS;
  const report = {
    transitions: [] as PresenceTransition[],
    missed: new Map<string, ConnectivityEvent[]>(),
    incomplete: [] as string[],
    records: new Map<string, ClientState>(),
    unknown: [] as string[],
    failures: [] as { clientId: string; error: PlatformError }[],
  };
  const queue = book.pinned();
  const step = async (clientId: string) => {
    const topic = watchTopicOf(clientId);
    const seen = topic !== undefined ? options.lastSeen?.get(topic) : undefined;
    const from = Math.max(options.offlineSince - PRESENCE_SKEW_MS, seen !== undefined ? seen + 1 : -Infinity);
    const inWindow = (e: ConnectivityEvent) => e.time !== undefined && e.time >= from && e.time <= to;
    const record = await rest.getClientState(clientId, options.signal);
    report.records.set(clientId, record);
    report.transitions.push(...book.applyState(record));
    const fromRecord = eventsFromState(record).filter(inWindow);
    if (fromRecord.length === 0) return;
    const address = logAddressOf(clientId);
    if (options.history === false || address === undefined) {
      report.missed.set(clientId, fromRecord);
      if (fromRecord.length > 1) report.incomplete.push(clientId);
      return;
    }
    const entries: LogEntry[] = [];
    let full = false;
    for await (const page of rest.streamConnectionLog({ ...address, fromTime: from, toTime: to }, options.signal)) {
      entries.push(...page.entries);
      full = page.entries.length === page.limit;
    }
    if (full) report.incomplete.push(clientId);
    report.missed.set(clientId, eventsFromLog(entries));
  };
  const worker = async () => {
    for (let clientId = queue.shift(); clientId !== undefined; clientId = queue.shift()) {
      try {
        await step(clientId);
      } catch (error) {
        if (isPlatformError(error, 'cancelled') || !isPlatformError(error)) throw error;
        if (error.kind === 'notFound' && !report.records.has(clientId)) report.unknown.push(clientId);
        else report.failures.push({ clientId, error });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  report.transitions.sort((a, b) => (a.time ?? Infinity) - (b.time ?? Infinity));
  return report;
}
