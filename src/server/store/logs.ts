// Connection logs (platform-contract.md §3, §7.2), newest last in memory and read newest first. A client id of the
// platform's device form has its device's log (by type and device id, as the platform keeps it); any other id has a
// log of its own, by client id. Each log keeps its last LOG_ENTRIES_KEPT entries.

import type { ConnectionLogEntry } from '../../core/connectionLog';
import { isDeviceLike, parseClientId } from '../../core/ids';
import { LOG_ENTRIES_KEPT } from '../../core/limits';

/** Which log an entry belongs to. */
export type LogKey = { readonly typeId: string; readonly deviceId: string } | { readonly clientId: string };

/** The log of any client id: its device's when the id has the platform's device form. */
export function logKeyOf(clientId: string): LogKey {
  const id = parseClientId(clientId);
  return id !== undefined && isDeviceLike(id) ? { typeId: id.typeId, deviceId: id.deviceId } : { clientId };
}

// A device key holds a NUL between its parts; a client key starts with SOH, which no id part of the platform holds.
const CLIENT_PREFIX = '\u0001';
const mapKey = (k: LogKey) => ('clientId' in k ? `${CLIENT_PREFIX}${k.clientId}` : `${k.typeId}\u0000${k.deviceId}`);

function fromMapKey(key: string): LogKey {
  if (key.startsWith(CLIENT_PREFIX)) return { clientId: key.slice(CLIENT_PREFIX.length) };
  const [typeId, deviceId] = key.split('\u0000');
  return { typeId, deviceId };
}

export class ConnectionLogs {
  private readonly logs = new Map<string, ConnectionLogEntry[]>();
  private entries = 0;

  get size(): number {
    return this.entries;
  }

  append(key: LogKey, entry: ConnectionLogEntry): void {
    const k = mapKey(key);
    let entries = this.logs.get(k);
    if (!entries) this.logs.set(k, (entries = []));
    entries.push(entry);
    this.entries++;
    // Trim in batches so appends stay O(1) amortised.
    if (entries.length > LOG_ENTRIES_KEPT * 2) {
      const dropped = entries.length - LOG_ENTRIES_KEPT;
      entries.splice(0, dropped);
      this.entries -= dropped;
    }
  }

  /** Newest first. */
  list(key: LogKey): ConnectionLogEntry[] {
    const entries = this.logs.get(mapKey(key)) ?? [];
    return entries.slice(-LOG_ENTRIES_KEPT).reverse();
  }

  /** Every entry with its log, oldest first within each log. */
  *all(): Generator<[LogKey, ConnectionLogEntry]> {
    for (const [key, entries] of this.logs) {
      const logKey = fromMapKey(key);
      for (const entry of entries) yield [logKey, entry];
    }
  }
}
