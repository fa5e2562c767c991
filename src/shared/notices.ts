// What the timeline panel tells about what it could not show, or why: facts, each of a typed kind
// with its numbers and details, never sentences. The page words them (webview/timeline/notices.ts),
// so the host and the page agree on kinds, not on English.

/** Why live monitor messages are not flowing into a timeline. `detail`: the platform's words. */
export type LiveDown =
  /** The id has no monitor topic: too long for MQTT once encoded (platform-contract.md §7.2). */
  | { readonly kind: 'noMonitorTopic' }
  | { readonly kind: 'noMonitor'; readonly detail: string }
  | { readonly kind: 'topicRefused'; readonly detail?: string }
  | { readonly kind: 'subscribing' }
  | { readonly kind: 'reconnecting'; readonly detail: string }
  | { readonly kind: 'rejected'; readonly detail: string }
  | { readonly kind: 'closed' }
  | { readonly kind: 'connecting' };

/** Counts of log entries that could not be read fully (each is listed all the same). */
export interface UnreadableEntries {
  readonly noTimestamp: number;
  readonly badTimestamp: number;
  /** Messages cut to their first `maxMessage` characters. */
  readonly cut: number;
  readonly maxMessage: number;
  readonly notObject: number;
}

/**
 * One notice of the panel. `id` is its slot: a newer notice of one id replaces the older. `detail` is untrusted
 * text from elsewhere (an error's message), plain already; `message` is worded by the host, for the person.
 */
export type Notice =
  | { readonly id: 'empty'; readonly level: 'info'; readonly kind: 'logEmpty' }
  | ({ readonly id: 'malformed'; readonly level: 'warning'; readonly kind: 'entriesUnreadable' } & UnreadableEntries)
  | { readonly id: 'order'; readonly level: 'warning'; readonly kind: 'entriesOutOfOrder'; readonly count: number }
  | {
      readonly id: 'skew';
      readonly level: 'warning';
      readonly kind: 'entriesInFuture';
      readonly count: number;
      readonly maxLeadMs: number;
    }
  | { readonly id: 'unknown'; readonly level: 'info'; readonly kind: 'linesNotUnderstood'; readonly count: number }
  | { readonly id: 'noLog'; readonly level: 'info'; readonly kind: 'applicationHasNoLog' }
  /** An empty client id: no log can be asked for. */
  | { readonly id: 'noLog'; readonly level: 'warning'; readonly kind: 'noClientId' }
  /** Live updates were down for `offlineMs`; `read`: what happened meanwhile was read from the log (undefined:
   *  reading). Devices only; an application has no log (`hasLog` false). */
  | {
      readonly id: 'gap';
      readonly level: 'info' | 'warning';
      readonly kind: 'liveInterrupted';
      readonly offlineMs: number;
      readonly hasLog: boolean;
      readonly read?: boolean;
    }
  /** `kept`: entries read before the failure, still shown. */
  | { readonly id: 'log'; readonly level: 'warning'; readonly kind: 'logNotFound'; readonly kept: number }
  | { readonly id: 'log'; readonly level: 'warning'; readonly kind: 'logRateLimited'; readonly kept: number }
  | {
      readonly id: 'log';
      readonly level: 'error';
      readonly kind: 'logFailed';
      readonly kept: number;
      readonly detail: string;
    }
  | { readonly id: 'state'; readonly level: 'info'; readonly kind: 'stateNotFound' }
  | { readonly id: 'state'; readonly level: 'warning'; readonly kind: 'stateApiOff' }
  | { readonly id: 'state'; readonly level: 'warning'; readonly kind: 'stateFailed'; readonly detail: string }
  | { readonly id: 'platform'; readonly level: 'error'; readonly kind: 'noPlatform'; readonly message: string }
  | { readonly id: 'live'; readonly level: 'info'; readonly kind: 'liveDown'; readonly why: LiveDown }
  /** The page's own: the events posted to it could not be decoded. */
  | { readonly id: 'unreadable-events'; readonly level: 'error'; readonly kind: 'eventsUnreadable' };

export type NoticeId = Notice['id'];
