// Detail for people about what the timeline shows — an event, a session, a gap, a cluster — as
// rows of plain text (the tooltip, the list's detail and the screen reader's label all use them).
// Every untrusted part goes through plainLine; the DOM side sets it as text, never as markup.

import * as l10n from '@vscode/l10n';
import { eventWords, initiatorWords } from '../../../core/clientWords';
import { closeCodeInfo } from '../../../core/closeCodes';
import { mqtt5ReasonName } from '../../../core/closeCodeWords';
import type { ConnectivityEvent } from '../../../core/events/types';
import { formatCount, plural, wordsLocale } from '../../../core/l10n';
import type { DebugPause } from '../../../shared/protocol';
import type { Gap, Session } from '../../../core/sessions';
import { linksAsSent, plainLine } from '../../../core/text';
import { toIso } from '../../../core/time';
import { formatDuration } from '../../../core/timeWords';
import type { MarkCategory } from './dataset';
import { formatLocal } from './scale';
import { categoryLook } from './words';

export interface Row {
  readonly label: string;
  readonly value: string;
}

export interface Detail {
  readonly title: string;
  readonly rows: readonly Row[];
}

/** Longest raw line shown in a detail; the list shows less. */
const RAW_IN_DETAIL = 2000;

/** "60 sec" / "60 s": a count of seconds as Intl words it. */
function seconds(n: number): string {
  return new Intl.NumberFormat(wordsLocale(), { style: 'unit', unit: 'second', unitDisplay: 'short' }).format(n);
}

export function when(t: number | undefined, offsetMs: number): string {
  return t === undefined ? l10n.t('unknown') : `${formatLocal(t, offsetMs)} (${toIso(t)})`;
}

export function eventTitle(e: ConnectivityEvent): string {
  return plainLine(linksAsSent(eventWords(e)), 240);
}

export function describeEvent(e: ConnectivityEvent, offsetMs: number): Detail {
  const rows: Row[] = [];
  const add = (label: string, value: string | undefined) =>
    void (value !== undefined && value !== '' && rows.push({ label, value }));
  const raw = plainLine(e.rawTime ?? '', 100);
  if (e.time !== undefined && e.timeIssue === undefined) add(l10n.t('When'), when(e.time, offsetMs));
  else if (e.timeIssue === 'missing') {
    add(
      l10n.t('When'),
      e.time !== undefined
        ? l10n.t('{0}, when it was received (it had no time)', when(e.time, offsetMs))
        : l10n.t('no time given: listed, not drawn'),
    );
  } else {
    add(
      l10n.t('When'),
      e.time !== undefined
        ? l10n.t('unreadable time "{0}"; received {1}', raw, when(e.time, offsetMs))
        : l10n.t('unreadable time "{0}": listed, not drawn', raw),
    );
  }
  if (e.kind === 'disconnected' || e.kind === 'failedConnect') {
    const info = e.closeCode !== undefined ? closeCodeInfo(e.closeCode) : undefined;
    add(l10n.t('Why'), plainLine(e.explanation, 200));
    add(
      l10n.t('Close code'),
      e.closeCode !== undefined ? `${e.closeCode}${info ? ` — ${info.reason}` : ''}` : undefined,
    );
    add(l10n.t('Closed by'), e.initiator ? initiatorWords(e.initiator) : undefined);
    add(
      l10n.t('MQTT 5 reason code'),
      e.mqttReasonCode !== undefined ? `${e.mqttReasonCode} — ${mqtt5ReasonName(e.mqttReasonCode)}` : undefined,
    );
    add(l10n.t('Reason given'), e.reason !== undefined ? plainLine(e.reason, 300) : undefined);
    add(l10n.t('Usual cause in device code'), e.hint || undefined);
  }
  if (e.kind === 'disconnected' && e.connectTime !== undefined) {
    add(l10n.t('Session began'), when(e.connectTime, offsetMs));
  }
  if (e.kind === 'connected' || e.kind === 'failedConnect') {
    add(
      l10n.t('Authentication'),
      e.auth === 'token' ? l10n.t('device token') : e.auth === 'apiKey' ? l10n.t('API key') : undefined,
    );
  }
  if (e.kind === 'connected') {
    add(l10n.t('Protocol'), e.protocol !== undefined ? plainLine(e.protocol, 30) : undefined);
    add(
      l10n.t('Port'),
      e.port === undefined
        ? undefined
        : e.secure === true
          ? l10n.t('{0} (TLS)', e.port)
          : e.secure === false
            ? l10n.t('{0} (no TLS)', e.port)
            : String(e.port),
    );
  }
  add(l10n.t('Client address'), e.clientAddr !== undefined ? plainLine(e.clientAddr, 60) : undefined);
  add(l10n.t('Client port'), e.clientPort !== undefined ? String(e.clientPort) : undefined);
  add(l10n.t('Keep-alive'), e.keepAliveSeconds !== undefined ? seconds(e.keepAliveSeconds) : undefined);
  add(l10n.t('Broker node'), e.node !== undefined ? plainLine(e.node, 100) : undefined);
  add(l10n.t('Client ID'), e.clientId !== undefined ? plainLine(e.clientId, 200) : undefined);
  if (e.kind === 'other') add(l10n.t('Entry as received'), plainLine(e.raw, RAW_IN_DETAIL));
  add(l10n.t('Source'), sourceWords(e));
  return { title: eventTitle(e), rows };
}

function sourceName(source: ConnectivityEvent['source']): string {
  switch (source) {
    case 'log':
      return l10n.t('connection log');
    case 'monitor':
      return l10n.t('live monitor message');
    case 'state':
      return l10n.t('state record');
  }
}

export function sourceWords(e: ConnectivityEvent): string {
  const also = (e.alsoSeenIn ?? []).map(sourceName);
  return also.length > 0 ? l10n.t('{0} (also {1})', sourceName(e.source), also.join(', ')) : sourceName(e.source);
}

export function describeSession(s: Session, now: number, offsetMs: number): Detail {
  const rows: Row[] = [];
  rows.push({
    label: l10n.t('Began'),
    value: s.start === undefined ? l10n.t('before the first entry we have') : when(s.start, offsetMs),
  });
  rows.push({ label: l10n.t('Ended'), value: s.end === undefined ? l10n.t('still connected') : when(s.end, offsetMs) });
  const length = s.start !== undefined ? formatDuration((s.end ?? now) - s.start) : undefined;
  if (length !== undefined) {
    rows.push({ label: l10n.t('Length'), value: s.end === undefined ? l10n.t('{0} so far', length) : length });
  }
  if (s.disconnect) rows.push({ label: l10n.t('Why it ended'), value: eventTitle(s.disconnect) });
  else if (s.cause) rows.push({ label: l10n.t('Why it ended'), value: categoryLook(s.cause).long });
  if (s.disconnect?.hint) rows.push({ label: l10n.t('Usual cause in device code'), value: s.disconnect.hint });
  if (s.connect?.clientAddr !== undefined) {
    rows.push({ label: l10n.t('Client address'), value: plainLine(s.connect.clientAddr, 60) });
  }
  const title =
    s.end === undefined
      ? length !== undefined
        ? l10n.t('connected session, still open, {0}', length)
        : l10n.t('connected session, still open')
      : length !== undefined
        ? l10n.t('connected session, {0}', length)
        : l10n.t('connected session');
  return { title, rows };
}

export function describeGap(g: Gap, now: number, offsetMs: number): Detail {
  const length = formatDuration((g.end ?? now) - g.start);
  const rows: Row[] = [
    { label: l10n.t('From'), value: when(g.start, offsetMs) },
    { label: l10n.t('Until'), value: g.end === undefined ? l10n.t('still disconnected') : when(g.end, offsetMs) },
    { label: l10n.t('Length'), value: g.end === undefined ? l10n.t('{0} so far', length) : length },
  ];
  if (g.cause) rows.push({ label: l10n.t('After'), value: categoryLook(g.cause).long });
  rows.push({ label: l10n.t('Failed attempts'), value: formatCount(g.failedAttempts) });
  const n = g.failedAttempts;
  return {
    title:
      n > 0
        ? plural(
            n,
            l10n.t('disconnected, {0}, {1} failed attempt', length, formatCount(n)),
            l10n.t('disconnected, {0}, {1} failed attempts', length, formatCount(n)),
          )
        : l10n.t('disconnected, {0}', length),
    rows,
  };
}

export function describeCluster(
  from: number,
  to: number,
  count: number,
  counts: Readonly<Record<MarkCategory, number>>,
  offsetMs: number,
): Detail {
  const parts = (Object.keys(counts) as MarkCategory[])
    .filter((c) => counts[c] > 0)
    .map((c) => ({ label: categoryLook(c).long, value: formatCount(counts[c]) }));
  const around = formatLocal((from + to) / 2, offsetMs).slice(0, 19);
  return {
    title: plural(
      count,
      l10n.t('{0} event, {1} around {2}; Enter zooms in', formatCount(count), formatDuration(to - from), around),
      l10n.t('{0} events, {1} around {2}; Enter zooms in', formatCount(count), formatDuration(to - from), around),
    ),
    rows: [
      { label: l10n.t('From'), value: when(from, offsetMs) },
      { label: l10n.t('To'), value: when(to, offsetMs) },
      ...parts,
    ],
  };
}

/** A detail as one sentence, for aria-label. */
export function spoken(d: Detail): string {
  return [d.title, ...d.rows.map((r) => `${r.label}: ${r.value}`)].join('. ');
}

/** A debug session's pause (its name is untrusted). */
export function describePause(p: DebugPause, now: number, offsetMs: number): Detail {
  const name = plainLine(p.session, 80);
  const length = formatDuration((p.to ?? now) - p.from);
  const title =
    p.to === undefined
      ? p.atBreakpoint
        ? l10n.t('Debug session "{0}" paused at a breakpoint, still ({1})', name, length)
        : l10n.t('Debug session "{0}" paused in the debugger, still ({1})', name, length)
      : p.atBreakpoint
        ? l10n.t('Debug session "{0}" paused at a breakpoint ({1})', name, length)
        : l10n.t('Debug session "{0}" paused in the debugger ({1})', name, length);
  return {
    title,
    rows: [
      { label: l10n.t('From'), value: when(p.from, offsetMs) },
      { label: l10n.t('To'), value: p.to === undefined ? l10n.t('still paused') : when(p.to, offsetMs) },
    ],
  };
}
