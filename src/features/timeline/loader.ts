// Everything a timeline shows, gathered and merged (no `vscode` import, so it is tested in plain
// mocha against the real sandbox): the state record, the connection log a page at a time from the
// newest (the first page is shown at once; older ones stream in, can be stopped and continued),
// and live monitor messages. Log entries are classified all together on every page, so pairs
// split across pages still pair; a page shifted by new entries adds no duplicates. After the live
// feed was interrupted, catchUp() reads the record and the newest entries again.

import type { ClientState, ConnectionStatus } from '../../core/clientState';
import {
  eventFromMonitor,
  eventsFromLog,
  eventsFromState,
  mergeEvents,
  type ConnectivityEvent,
} from '../../core/events';
import { LOG_LIMIT_MAX, LOG_OFFSET_MAX } from '../../core/limits';
import type { MonitorMessage } from '../../core/monitor';
import { SKEW_TOLERANCE_MS } from '../../core/timeWords';
import { isPlatformError } from '../../platform/errors';
import type { LogEntry, LogEntryProblem, LogPage, LogRequest } from '../../platform/rest/logs';
import type { Notice, NoticeId } from '../../shared/notices';
import type { LoadProgress, TimelineSnapshot, TimelineSubject } from '../../shared/protocol';
import {
  applicationNotice,
  entryNotices,
  logFailureNotice,
  stateFailureNotice,
  unknownIdNotice,
  type EntryStats,
} from './notices';
import type { LogAddress, ParsedSubject } from './subject';

/** The calls a timeline makes (PlatformRestClient has them). */
export interface TimelineSource {
  getConnectionLog(request: LogRequest, signal?: AbortSignal): Promise<LogPage>;
  getClientState(clientId: string, signal?: AbortSignal): Promise<ClientState>;
}

export const MAX_PAGES = Math.floor(LOG_OFFSET_MAX / LOG_LIMIT_MAX) + 1;

type Counting = { -readonly [K in keyof EntryStats]: EntryStats[K] };

interface RawEntry {
  readonly message: string;
  readonly timestamp?: string;
}

export class TimelineLoader {
  private entries: RawEntry[] = [];
  private seen = new Set<string>();
  private stats: EntryStats = emptyStats();
  private logEvents: ConnectivityEvent[] = [];
  private monitorEvents: ConnectivityEvent[] = [];
  private stateEvents: ConnectivityEvent[] = [];
  private merged: readonly ConnectivityEvent[] = [];
  private status: ConnectionStatus | 'unknown' = 'unknown';
  private readonly notices = new Map<NoticeId, Notice>();
  private progress?: LoadProgress;
  private nextOffset = 0;
  /** Time of the last dated entry read, in the API's order (newest first). */
  private lastTime?: number;
  private controller?: AbortController;
  private catchingUp?: AbortController;
  private running?: Promise<void>;
  private disposed = false;
  live = false;

  readonly subject: TimelineSubject;
  private readonly logAddress?: LogAddress;

  constructor(
    parsed: ParsedSubject,
    private readonly source: TimelineSource,
    private readonly changed: () => void,
    private readonly clock: () => number = Date.now,
  ) {
    const { subject } = parsed;
    this.subject = subject;
    this.logAddress = parsed.logAddress;
    if (!subject.hasLog) {
      this.notices.set('noLog', subject.kind === 'unknown' ? unknownIdNotice() : applicationNotice());
    }
  }

  /** Reads the state record and the log from the newest entry; resolves when both are done or stopped. */
  start(): Promise<void> {
    this.stop();
    const controller = (this.controller = new AbortController());
    const state = this.readState(controller.signal);
    const log = this.subject.hasLog ? this.readLog(controller.signal) : Promise.resolve();
    this.running = Promise.all([state, log]).then(() => undefined);
    return this.running;
  }

  /** Reads everything again from scratch (live events are kept). */
  reload(): Promise<void> {
    this.stop();
    this.entries = [];
    this.seen = new Set();
    this.stats = emptyStats();
    this.logEvents = [];
    this.nextOffset = 0;
    this.lastTime = undefined;
    this.progress = undefined;
    const read = ['log', 'state', 'empty', 'malformed', 'order', 'skew', 'unknown'] as const;
    for (const id of read) this.notices.delete(id);
    this.remerge();
    return this.start();
  }

  /** Stops reading older pages; what was read stays. */
  stop(): void {
    this.controller?.abort();
    this.controller = undefined;
  }

  /** Goes on reading the log where it stopped. */
  resume(): Promise<void> {
    if (!this.subject.hasLog || !this.progress?.canResume) return Promise.resolve();
    this.stop();
    const controller = (this.controller = new AbortController());
    this.notices.delete('log');
    this.running = this.readLog(controller.signal);
    return this.running;
  }

  /** After live updates were interrupted: the state record again, and the newest log pages until
   *  one reaches an entry read before (what happened meanwhile). True when the log was read. */
  catchUp(): Promise<boolean> {
    this.catchingUp?.abort();
    const controller = (this.catchingUp = new AbortController());
    const log = this.subject.hasLog ? this.readNewest(controller.signal) : Promise.resolve(false);
    return Promise.all([this.readState(controller.signal), log]).then(([, read]) => read);
  }

  /** A live monitor message about this client. */
  addMonitor(message: MonitorMessage, receivedAt: number): void {
    const event = eventFromMonitor(message, receivedAt);
    if (this.monitorEvents.some((e) => e.key === event.key)) return; // a retained message seen again
    this.monitorEvents.push(event);
    if (event.kind === 'connected' || (event.kind === 'disconnected' && event.cause !== 'takeover')) {
      const last = this.lastTransition();
      if (last === undefined || (event.time ?? 0) >= last) this.status = event.kind;
    }
    this.remerge();
  }

  setNotice(notice: Notice | undefined, id: NoticeId): void {
    if (notice) this.notices.set(id, notice);
    else this.notices.delete(id);
    this.changed();
  }

  events(): readonly ConnectivityEvent[] {
    return this.merged;
  }

  snapshot(): TimelineSnapshot {
    const derived = entryNotices(this.stats, this.progress?.state === 'done', this.subject.hasLog);
    const notices = [...this.notices.values(), ...derived];
    return {
      subject: this.subject,
      events: this.merged,
      status: this.status,
      now: this.clock(),
      notices,
      live: this.live,
      ...(this.progress ? { progress: this.progress } : {}),
    };
  }

  dispose(): void {
    this.disposed = true;
    this.stop();
    this.catchingUp?.abort();
  }

  private async readState(signal: AbortSignal): Promise<void> {
    try {
      const state = await this.source.getClientState(this.subject.clientId, signal);
      this.stateEvents = eventsFromState(state);
      // A live message newer than the record outranks it.
      const newest = Math.max(state.lastConnectTime ?? -Infinity, state.lastDisconnectTime ?? -Infinity);
      const live = this.lastTransition();
      if (live === undefined || live < newest) this.status = state.status;
      this.notices.delete('state');
    } catch (error) {
      if (isPlatformError(error, 'cancelled') || signal.aborted) return;
      this.notices.set('state', stateFailureNotice(error));
    }
    if (!this.disposed) this.remerge();
  }

  private async readLog(signal: AbortSignal): Promise<void> {
    const address = this.logAddress;
    if (!address) return;
    const limit = LOG_LIMIT_MAX;
    this.setProgress('loading', true);
    try {
      while (this.nextOffset <= LOG_OFFSET_MAX) {
        const page = await this.source.getConnectionLog({ ...address, limit, offset: this.nextOffset }, signal);
        if (this.disposed || signal.aborted) return;
        this.nextOffset += limit;
        this.addPage(page);
        if (page.entries.length < limit) break;
        if (this.nextOffset <= LOG_OFFSET_MAX) this.setProgress('loading', true);
      }
      this.setProgress('done', false);
    } catch (error) {
      if (this.disposed) return;
      if (signal.aborted || isPlatformError(error, 'cancelled')) {
        this.setProgress('stopped', true);
        return;
      }
      const notFound = isPlatformError(error, 'notFound');
      this.notices.set('log', logFailureNotice(error, this.entries.length));
      this.setProgress('failed', !notFound);
    }
  }

  /** The newest pages, from offset 0, until one holds an entry read before or the log ends. */
  private async readNewest(signal: AbortSignal): Promise<boolean> {
    const address = this.logAddress;
    if (!address) return false;
    try {
      for (let offset = 0; offset <= LOG_OFFSET_MAX; offset += LOG_LIMIT_MAX) {
        const page = await this.source.getConnectionLog({ ...address, limit: LOG_LIMIT_MAX, offset }, signal);
        if (this.disposed || signal.aborted) return false;
        const s = { ...this.stats };
        const fresh = this.unseen(page, s);
        // Newer than everything read: they go first, as the API lists them.
        this.entries = [...fresh.map(rawOf), ...this.entries];
        if (this.progress) this.progress = { ...this.progress, entries: this.entries.length };
        this.classify(s);
        if (fresh.length < page.entries.length || page.entries.length < LOG_LIMIT_MAX) return true;
      }
      return true;
    } catch (error) {
      if (this.disposed || signal.aborted || isPlatformError(error, 'cancelled')) return false;
      this.notices.set('log', logFailureNotice(error, this.entries.length));
      this.changed();
      return false;
    }
  }

  private addPage(page: LogPage): void {
    let previousTime = this.lastTime;
    const s = { ...this.stats };
    for (const entry of this.unseen(page, s)) {
      this.entries.push(rawOf(entry));
      if (entry.time === undefined) continue;
      if (previousTime !== undefined && entry.time > previousTime) s.outOfOrder++;
      previousTime = entry.time;
    }
    this.lastTime = previousTime;
    this.classify(s);
  }

  /** The page's entries not read before, counted into `s` (odd ones, ones dated ahead). */
  private unseen(page: LogPage, s: Counting): LogEntry[] {
    const now = this.clock();
    return page.entries.filter((entry) => {
      const key = `${entry.timestamp ?? ''}\u0000${entry.message}`;
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
    this.logEvents = eventsFromLog(this.entries);
    this.stats = { ...s, unknownLines: this.logEvents.filter((e) => e.kind === 'other').length };
    this.remerge();
  }

  private setProgress(state: LoadProgress['state'], canResume: boolean): void {
    const pages = Math.min(MAX_PAGES, this.nextOffset / LOG_LIMIT_MAX);
    this.progress = {
      state,
      entries: this.entries.length,
      pages,
      maxPages: MAX_PAGES,
      canResume: canResume && this.nextOffset <= LOG_OFFSET_MAX,
    };
    this.changed();
  }

  /** Time of the newest live connect or disconnect, if any. */
  private lastTransition(): number | undefined {
    let last: number | undefined;
    for (const e of this.monitorEvents) {
      if (e.time !== undefined && e.kind !== 'other' && e.kind !== 'failedConnect') {
        last = Math.max(last ?? -Infinity, e.time);
      }
    }
    return last;
  }

  private remerge(): void {
    // The log is the fullest account; live messages add what happened since; the record last.
    this.merged = mergeEvents([this.logEvents, this.monitorEvents, this.stateEvents]);
    this.changed();
  }
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
