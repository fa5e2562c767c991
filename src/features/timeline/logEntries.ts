// The connection log's entries a timeline has read (no `vscode` import): each entry once, however
// the pages shift while they are read; counted as they come (odd ones, out of time order, dated
// ahead of this computer's clock); classified all together after every page, so that pairs split
// across pages still pair.

import { eventsFromLog, type ConnectivityEvent } from '../../core/events';
import { SKEW_TOLERANCE_MS } from '../../core/timeWords';
import type { LogEntry, LogEntryProblem, LogPage } from '../../platform/rest/logs';
import type { EntryStats } from './notices';

type Counting = { -readonly [K in keyof EntryStats]: EntryStats[K] };

interface RawEntry {
  readonly message: string;
  readonly timestamp?: string;
}

/** Entries kept at most: the API reaches 1,020 by paging; catch-ups of a panel open for days add
 *  what happened meanwhile. Past it the oldest are let go (and may be read again later). */
export const MAX_LOG_ENTRIES = 5_000;

export class LogEntries {
  private entries: RawEntry[] = [];
  private readonly seen = new Set<string>();
  private counted: EntryStats = emptyStats();
  private classified: ConnectivityEvent[] = [];
  /** Time of the last dated entry read, in the API's order (newest first). */
  private lastTime?: number;

  constructor(
    private readonly clock: () => number = Date.now,
    private readonly max = MAX_LOG_ENTRIES,
  ) {}

  /** Distinct entries read. */
  get size(): number {
    return this.entries.length;
  }

  get stats(): EntryStats {
    return this.counted;
  }

  /** The entries as events, classified together. */
  get events(): readonly ConnectivityEvent[] {
    return this.classified;
  }

  /** The next older page (the API lists newest first): its new entries go last. */
  addPage(page: LogPage): void {
    let previousTime = this.lastTime;
    const s = { ...this.counted };
    for (const entry of this.unseen(page, s)) {
      this.entries.push(rawOf(entry));
      if (entry.time === undefined) continue;
      if (previousTime !== undefined && entry.time > previousTime) s.outOfOrder++;
      previousTime = entry.time;
    }
    this.lastTime = previousTime;
    this.bound();
    this.classify(s);
  }

  /** A page from the newest end again: entries not read before are newer than all, and go first. How many. */
  addNewest(page: LogPage): number {
    const s = { ...this.counted };
    const fresh = this.unseen(page, s);
    this.entries = [...fresh.map(rawOf), ...this.entries];
    this.bound();
    this.classify(s);
    return fresh.length;
  }

  /** Lets the oldest entries go past the bound; what is kept is all `seen` remembers. */
  private bound(): void {
    if (this.entries.length <= this.max) return;
    this.entries = this.entries.slice(0, this.max);
    this.seen.clear();
    for (const e of this.entries) this.seen.add(keyOf(e));
  }

  /** The page's entries not read before, counted into `s` (odd ones, ones dated ahead). */
  private unseen(page: LogPage, s: Counting): LogEntry[] {
    const now = this.clock();
    return page.entries.filter((entry) => {
      const key = keyOf(entry);
      if (this.seen.has(key)) return false;
      this.seen.add(key);
      s.entries++;
      const has = (kind: LogEntryProblem['kind']) => entry.problems?.some((p) => p.kind === kind) === true;
      if (has('notObject')) s.notObject++;
      else if (has('noTimestamp')) s.noTimestamp++;
      else if (has('badTimestamp')) s.badTimestamp++;
      if (has('messageCut')) s.cut++;
      if (entry.time !== undefined && entry.time - now > SKEW_TOLERANCE_MS) {
        [s.future, s.maxLeadMs] = [s.future + 1, Math.max(s.maxLeadMs, entry.time - now)];
      }
      return true;
    });
  }

  private classify(s: EntryStats): void {
    this.classified = eventsFromLog(this.entries);
    this.counted = { ...s, unknownLines: this.classified.filter((e) => e.kind === 'other').length };
  }
}

function keyOf(entry: { readonly timestamp?: string; readonly message: string }): string {
  return `${entry.timestamp ?? ''}\u0000${entry.message}`;
}

function rawOf(entry: LogEntry): RawEntry {
  return entry.timestamp !== undefined
    ? { message: entry.message, timestamp: entry.timestamp }
    : { message: entry.message };
}

function emptyStats(): EntryStats {
  return {
    entries: 0,
    noTimestamp: 0,
    badTimestamp: 0,
    cut: 0,
    notObject: 0,
    outOfOrder: 0,
    future: 0,
    maxLeadMs: 0,
    unknownLines: 0,
  };
}
