// Everything a timeline shows, gathered and merged (no `vscode` import, so it is tested in plain
// mocha against the real sandbox): the state record, the connection log a page at a time from the
// newest (the first page is shown at once; older ones stream in, can be stopped and continued),
// and live monitor messages. The log's entries are kept by LogEntries (logEntries.ts): classified
// together, so pairs split across pages still pair; a page shifted by new entries adds no
// duplicates. After the live feed was interrupted, catchUp() reads the record and the newest
// entries again.

import type { ClientState, ConnectionStatus } from '../../core/clientState';
import { eventFromMonitor, eventsFromState, mergeEvents, type ConnectivityEvent } from '../../core/events';
import { LOG_LIMIT_MAX, LOG_OFFSET_MAX } from '../../core/limits';
import type { MonitorMessage } from '../../core/monitor';
import { isPlatformError } from '../../platform/errors';
import type { LogPage, LogRequest } from '../../platform/rest/logs';
import type { Notice, NoticeId } from '../../shared/notices';
import type { LoadProgress, TimelineSnapshot, TimelineSubject } from '../../shared/protocol';
import { LogEntries } from './logEntries';
import { applicationNotice, entryNotices, logFailureNotice, stateFailureNotice, unknownIdNotice } from './notices';
import type { LogAddress } from '../../core/ids';
import type { ParsedSubject } from './subject';

/** The calls a timeline makes (PlatformRestClient has them). */
export interface TimelineSource {
  getConnectionLog(request: LogRequest, signal?: AbortSignal): Promise<LogPage>;
  getClientState(clientId: string, signal?: AbortSignal): Promise<ClientState>;
}

export const MAX_PAGES = Math.floor(LOG_OFFSET_MAX / LOG_LIMIT_MAX) + 1;
/** Live events kept at most: a panel may stay open for days on a chatty client. The oldest go first. */
export const MAX_LIVE_EVENTS = 2_000;

export class TimelineLoader {
  private readonly log: LogEntries;
  private monitorEvents: ConnectivityEvent[] = [];
  private readonly monitorKeys = new Set<string>();
  private stateEvents: ConnectivityEvent[] = [];
  private merged: readonly ConnectivityEvent[] = [];
  private status: ConnectionStatus | 'unknown' = 'unknown';
  private readonly notices = new Map<NoticeId, Notice>();
  private progress?: LoadProgress;
  private nextOffset = 0;
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
    private readonly maxLive = MAX_LIVE_EVENTS,
  ) {
    const { subject } = parsed;
    this.subject = subject;
    this.logAddress = parsed.logAddress;
    this.log = new LogEntries(clock);
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
    if (this.monitorKeys.has(event.key)) return; // a retained message seen again
    this.monitorKeys.add(event.key);
    this.monitorEvents.push(event);
    if (this.monitorEvents.length > this.maxLive) {
      const gone = this.monitorEvents.splice(0, this.monitorEvents.length - this.maxLive);
      for (const e of gone) this.monitorKeys.delete(e.key);
    }
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
    const derived = entryNotices(this.log.stats, this.progress?.state === 'done', this.subject.hasLog);
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
        this.log.addPage(page);
        this.remerge();
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
      this.notices.set('log', logFailureNotice(error, this.log.size));
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
        // Newer than everything read: they go first, as the API lists them.
        const fresh = this.log.addNewest(page);
        if (this.progress) this.progress = { ...this.progress, entries: this.log.size };
        this.remerge();
        if (fresh < page.entries.length || page.entries.length < LOG_LIMIT_MAX) return true;
      }
      return true;
    } catch (error) {
      if (this.disposed || signal.aborted || isPlatformError(error, 'cancelled')) return false;
      this.notices.set('log', logFailureNotice(error, this.log.size));
      this.changed();
      return false;
    }
  }

  private setProgress(state: LoadProgress['state'], canResume: boolean): void {
    const pages = Math.min(MAX_PAGES, this.nextOffset / LOG_LIMIT_MAX);
    this.progress = {
      state,
      entries: this.log.size,
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
    this.merged = mergeEvents([this.log.events, this.monitorEvents, this.stateEvents]);
    this.changed();
  }
}
