// One notice of each kind, for the tests that word them (notices.test.ts, the pt-BR surfaces).
import type { Notice } from '../../../../src/shared/notices';

/** One of each kind: the Record makes a kind added to Notice and left out here a compile error. */
export const ONE_OF_EACH: Record<Notice['kind'], Notice> = {
  logEmpty: { id: 'empty', level: 'info', kind: 'logEmpty' },
  entriesUnreadable: {
    id: 'malformed',
    level: 'warning',
    kind: 'entriesUnreadable',
    noTimestamp: 1,
    badTimestamp: 0,
    cut: 2,
    maxMessage: 4096,
    notObject: 0,
  },
  entriesOutOfOrder: { id: 'order', level: 'warning', kind: 'entriesOutOfOrder', count: 1 },
  entriesInFuture: { id: 'skew', level: 'warning', kind: 'entriesInFuture', count: 3, maxLeadMs: 90_000 },
  linesNotUnderstood: { id: 'unknown', level: 'info', kind: 'linesNotUnderstood', count: 2 },
  applicationHasNoLog: { id: 'noLog', level: 'info', kind: 'applicationHasNoLog' },
  noClientId: { id: 'noLog', level: 'warning', kind: 'noClientId' },
  liveInterrupted: { id: 'gap', level: 'info', kind: 'liveInterrupted', offlineMs: 12_000, hasLog: true, read: true },
  logNotFound: { id: 'log', level: 'warning', kind: 'logNotFound', kept: 0 },
  logRateLimited: { id: 'log', level: 'warning', kind: 'logRateLimited', kept: 40 },
  logFailed: { id: 'log', level: 'error', kind: 'logFailed', kept: 1, detail: 'socket hang up' },
  stateNotFound: { id: 'state', level: 'info', kind: 'stateNotFound' },
  stateApiOff: { id: 'state', level: 'warning', kind: 'stateApiOff' },
  stateFailed: { id: 'state', level: 'warning', kind: 'stateFailed', detail: 'ECONNRESET' },
  noPlatform: { id: 'platform', level: 'error', kind: 'noPlatform', message: 'Nenhuma plataforma conectada.' },
  liveDown: { id: 'live', level: 'info', kind: 'liveDown', why: { kind: 'subscribing' } },
  eventsUnreadable: { id: 'unreadable-events', level: 'error', kind: 'eventsUnreadable' },
};
