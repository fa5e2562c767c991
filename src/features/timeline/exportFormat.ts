// The events of a timeline as CSV and JSON files, and one event as text for the clipboard (no
// `vscode` import). Cells that a spreadsheet would run as a formula (= + - @, tab, CR) are
// prefixed with a quote: log text comes from devices.

import type { ConnectivityEvent } from '../../core/events/types';
import { toIso } from '../../core/time';

const COLUMNS = [
  'time',
  'kind',
  'cause',
  'closeCode',
  'initiator',
  'mqttReasonCode',
  'explanation',
  'reason',
  'hint',
  'clientAddr',
  'clientId',
  'clientPort',
  'keepAliveSeconds',
  'node',
  'source',
  'alsoSeenIn',
  'timeIssue',
  'rawTime',
  'raw',
] as const;
type Column = (typeof COLUMNS)[number];

function cells(e: ConnectivityEvent): Record<Column, string> {
  const close = e.kind === 'disconnected' || e.kind === 'failedConnect' ? e : undefined;
  return {
    time: e.time !== undefined ? toIso(e.time) : '',
    kind: e.kind,
    cause: e.kind === 'disconnected' ? e.cause : '',
    closeCode: close?.closeCode !== undefined ? String(close.closeCode) : '',
    initiator: close?.initiator ?? '',
    mqttReasonCode: close?.mqttReasonCode !== undefined ? String(close.mqttReasonCode) : '',
    explanation: close?.explanation ?? '',
    reason: close?.reason ?? '',
    hint: close?.hint ?? '',
    clientAddr: e.clientAddr ?? '',
    clientId: e.clientId ?? '',
    clientPort: e.clientPort !== undefined ? String(e.clientPort) : '',
    keepAliveSeconds: e.keepAliveSeconds !== undefined ? String(e.keepAliveSeconds) : '',
    node: e.node ?? '',
    source: e.source,
    alsoSeenIn: (e.alsoSeenIn ?? []).join(' '),
    timeIssue: e.timeIssue ?? '',
    rawTime: e.rawTime ?? '',
    raw: e.kind === 'other' ? e.raw : '',
  };
}

export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== value ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180: a header row, CRLF line ends. */
export function eventsToCsv(events: readonly ConnectivityEvent[]): string {
  const lines = [COLUMNS.join(',')];
  for (const e of events) {
    const row = cells(e);
    lines.push(COLUMNS.map((c) => csvCell(row[c])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The event as exported: times as ISO 8601 text, the rest as read. */
export function exportedEvent(e: ConnectivityEvent): Record<string, unknown> {
  const { time, ...rest } = e;
  const out: Record<string, unknown> = { time: time !== undefined ? toIso(time) : null, ...rest };
  if (e.kind === 'disconnected' && e.connectTime !== undefined) out.connectTime = toIso(e.connectTime);
  return out;
}

export function eventsToJson(clientId: string, events: readonly ConnectivityEvent[], exportedAt: number): string {
  const document = { clientId, exportedAt: toIso(exportedAt), count: events.length, events: events.map(exportedEvent) };
  return `${JSON.stringify(document, null, 2)}\n`;
}

export function entryToText(e: ConnectivityEvent): string {
  return JSON.stringify(exportedEvent(e), null, 2);
}

/** A file name from the client's short name: letters, digits, dash and underscore only (no dots, no slashes). */
export function exportFileName(name: string, format: 'csv' | 'json', at: number): string {
  const safe = name.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 60) || 'client';
  return `timeline-${safe}-${toIso(at).slice(0, 19).replace(/:/g, '-')}.${format}`;
}
