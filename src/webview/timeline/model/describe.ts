// Detail for people about what the timeline shows — an event, a session, a gap, a cluster — as
// rows of plain text (the tooltip, the list's detail and the screen reader's label all use them).
// Every untrusted part goes through plainLine; the DOM side sets it as text, never as markup.

import { eventWords, initiatorWords } from '../../../core/clientWords';
import { closeCodeInfo, mqtt5ReasonName } from '../../../core/closeCodes';
import type { ConnectivityEvent } from '../../../core/events/types';
import type { DebugPause } from '../../../shared/protocol';
import type { Gap, Session } from '../../../core/sessions';
import { linksAsSent, plainLine } from '../../../core/text';
import { toIso } from '../../../core/time';
import { formatDuration } from '../../../core/timeWords';
import type { MarkCategory } from './dataset';
import { formatLocal } from './scale';
import { CATEGORY_LOOK } from './words';

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

export function when(t: number | undefined, offsetMs: number): string {
  return t === undefined ? 'unknown' : `${formatLocal(t, offsetMs)} (${toIso(t)})`;
}

export function eventTitle(e: ConnectivityEvent): string {
  return plainLine(linksAsSent(eventWords(e)), 240);
}

export function describeEvent(e: ConnectivityEvent, offsetMs: number): Detail {
  const rows: Row[] = [];
  const add = (label: string, value: string | undefined) =>
    void (value !== undefined && value !== '' && rows.push({ label, value }));
  if (e.time !== undefined && e.timeIssue === undefined) add('When', when(e.time, offsetMs));
  else if (e.timeIssue === 'missing') {
    add(
      'When',
      e.time !== undefined
        ? `${when(e.time, offsetMs)}, when it was received (it had no time)`
        : 'no time given: listed, not drawn',
    );
  } else {
    add(
      'When',
      `unreadable time "${plainLine(e.rawTime ?? '', 100)}"` +
        (e.time !== undefined ? `; received ${when(e.time, offsetMs)}` : ': listed, not drawn'),
    );
  }
  if (e.kind === 'disconnected' || e.kind === 'failedConnect') {
    const info = e.closeCode !== undefined ? closeCodeInfo(e.closeCode) : undefined;
    add('Why', plainLine(e.explanation, 200));
    add('Close code', e.closeCode !== undefined ? `${e.closeCode}${info ? ` — ${info.reason}` : ''}` : undefined);
    add('Closed by', e.initiator ? initiatorWords(e.initiator) : undefined);
    add(
      'MQTT 5 reason code',
      e.mqttReasonCode !== undefined ? `${e.mqttReasonCode} — ${mqtt5ReasonName(e.mqttReasonCode)}` : undefined,
    );
    add('Reason given', e.reason !== undefined ? plainLine(e.reason, 300) : undefined);
    add('Usual cause in device code', e.hint || undefined);
  }
  if (e.kind === 'disconnected' && e.connectTime !== undefined) add('Session began', when(e.connectTime, offsetMs));
  if (e.kind === 'connected' || e.kind === 'failedConnect') {
    add('Authentication', { token: 'device token', apiKey: 'API key', unknown: undefined }[e.auth]);
  }
  if (e.kind === 'connected') {
    add('Protocol', e.protocol !== undefined ? plainLine(e.protocol, 30) : undefined);
    add(
      'Port',
      e.port !== undefined
        ? `${e.port}${e.secure === true ? ' (TLS)' : e.secure === false ? ' (no TLS)' : ''}`
        : undefined,
    );
  }
  add('Client address', e.clientAddr !== undefined ? plainLine(e.clientAddr, 60) : undefined);
  add('Client port', e.clientPort !== undefined ? String(e.clientPort) : undefined);
  add('Keep-alive', e.keepAliveSeconds !== undefined ? `${e.keepAliveSeconds} s` : undefined);
  add('Broker node', e.node !== undefined ? plainLine(e.node, 100) : undefined);
  add('Client ID', e.clientId !== undefined ? plainLine(e.clientId, 200) : undefined);
  if (e.kind === 'other') add('Entry as received', plainLine(e.raw, RAW_IN_DETAIL));
  add('Source', sourceWords(e));
  return { title: eventTitle(e), rows };
}

const SOURCE_WORDS = { log: 'connection log', monitor: 'live monitor message', state: 'state record' } as const;

export function sourceWords(e: ConnectivityEvent): string {
  const also = (e.alsoSeenIn ?? []).map((s) => SOURCE_WORDS[s]);
  return also.length > 0 ? `${SOURCE_WORDS[e.source]} (also ${also.join(', ')})` : SOURCE_WORDS[e.source];
}

export function describeSession(s: Session, now: number, offsetMs: number): Detail {
  const rows: Row[] = [];
  rows.push({
    label: 'Began',
    value: s.start === undefined ? 'before the first entry we have' : when(s.start, offsetMs),
  });
  rows.push({ label: 'Ended', value: s.end === undefined ? 'still connected' : when(s.end, offsetMs) });
  if (s.start !== undefined) {
    rows.push({
      label: 'Length',
      value: `${formatDuration((s.end ?? now) - s.start)}${s.end === undefined ? ' so far' : ''}`,
    });
  }
  if (s.disconnect) rows.push({ label: 'Why it ended', value: eventTitle(s.disconnect) });
  else if (s.cause) rows.push({ label: 'Why it ended', value: CATEGORY_LOOK[s.cause].long });
  if (s.disconnect?.hint) rows.push({ label: 'Usual cause in device code', value: s.disconnect.hint });
  if (s.connect?.clientAddr !== undefined) {
    rows.push({ label: 'Client address', value: plainLine(s.connect.clientAddr, 60) });
  }
  const length = s.start !== undefined ? `, ${formatDuration((s.end ?? now) - s.start)}` : '';
  return { title: s.end === undefined ? `connected session, still open${length}` : `connected session${length}`, rows };
}

export function describeGap(g: Gap, now: number, offsetMs: number): Detail {
  const rows: Row[] = [
    { label: 'From', value: when(g.start, offsetMs) },
    { label: 'Until', value: g.end === undefined ? 'still disconnected' : when(g.end, offsetMs) },
    { label: 'Length', value: `${formatDuration((g.end ?? now) - g.start)}${g.end === undefined ? ' so far' : ''}` },
  ];
  if (g.cause) rows.push({ label: 'After', value: CATEGORY_LOOK[g.cause].long });
  rows.push({ label: 'Failed attempts', value: String(g.failedAttempts) });
  return {
    title:
      `disconnected, ${formatDuration((g.end ?? now) - g.start)}` +
      (g.failedAttempts > 0 ? `, ${g.failedAttempts} failed attempt${g.failedAttempts === 1 ? '' : 's'}` : ''),
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
    .map((c) => ({ label: CATEGORY_LOOK[c].long, value: String(counts[c]) }));
  return {
    title:
      `${count} events, ${formatDuration(to - from)} around ` +
      `${formatLocal((from + to) / 2, offsetMs).slice(0, 19)}; Enter zooms in`,
    rows: [{ label: 'From', value: when(from, offsetMs) }, { label: 'To', value: when(to, offsetMs) }, ...parts],
  };
}

/** A detail as one sentence, for aria-label. */
export function spoken(d: Detail): string {
  return [d.title, ...d.rows.map((r) => `${r.label}: ${r.value}`)].join('. ');
}

/** A debug session's pause (its name is untrusted). */
export function describePause(p: DebugPause, now: number, offsetMs: number): Detail {
  const where = p.atBreakpoint ? 'at a breakpoint' : 'in the debugger';
  const length = formatDuration((p.to ?? now) - p.from);
  const still = p.to === undefined ? ', still' : '';
  return {
    title: `Debug session "${plainLine(p.session, 80)}" paused ${where}${still} (${length})`,
    rows: [
      { label: 'From', value: when(p.from, offsetMs) },
      { label: 'To', value: p.to === undefined ? 'still paused' : when(p.to, offsetMs) },
    ],
  };
}
