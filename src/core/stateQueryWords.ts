// A state query in one line for people, in their language (the view's description, the
// recent-queries list): "connected · connected less than 2 days ago · type sensor". Plain text;
// values from the user or a stored query are made safe and short, callers escape for their medium.

import * as l10n from '@vscode/l10n';
import { statusWords } from './clientWords';
import { STATE_QUERY_DATE_PARAMS, type StateQuery, type StateQueryDateParam } from './query';
import { canonicalStateQuery } from './stateQuery';
import { plainText } from './text';
import { parseInstant } from './time';
import { readRelative, relativeLength } from './timeInput';

/** "connected after 2024-03-09 15:00 UTC", or for a span back from now "connected less than 2 days ago". */
function dateWords(field: StateQueryDateParam, text: string): string {
  const span = readRelative(text);
  if (span) return spanWords(field, relativeLength(span));
  const when = timeWords(text);
  switch (field) {
    case 'connectedAfter':
      return l10n.t('connected after {0}', when);
    case 'connectedBefore':
      return l10n.t('connected before {0}', when);
    case 'disconnectedAfter':
      return l10n.t('disconnected after {0}', when);
    case 'disconnectedBefore':
      return l10n.t('disconnected before {0}', when);
    case 'lastActivityAfter':
      return l10n.t('active after {0}', when);
    case 'lastActivityBefore':
      return l10n.t('active before {0}', when);
  }
}

function spanWords(field: StateQueryDateParam, length: string): string {
  switch (field) {
    case 'connectedAfter':
      return l10n.t('connected less than {0} ago', length);
    case 'connectedBefore':
      return l10n.t('connected more than {0} ago', length);
    case 'disconnectedAfter':
      return l10n.t('disconnected less than {0} ago', length);
    case 'disconnectedBefore':
      return l10n.t('disconnected more than {0} ago', length);
    case 'lastActivityAfter':
      return l10n.t('active less than {0} ago', length);
    case 'lastActivityBefore':
      return l10n.t('active more than {0} ago', length);
  }
}

export function describeStateQuery(query: StateQuery): string {
  const q = canonicalStateQuery(query);
  const parts: string[] = [];
  if (q.connectionStatus) parts.push(statusWords(q.connectionStatus));
  for (const field of STATE_QUERY_DATE_PARAMS) {
    const text = q[field];
    if (text !== undefined) parts.push(dateWords(field, text));
  }
  if (q.deviceType) parts.push(l10n.t('type {0}', plainText(q.deviceType, 40)));
  if (q.deviceId) parts.push(l10n.t('id {0}', plainText(q.deviceId, 40)));
  if (q.clientType) parts.push(l10n.t('client type {0}', plainText(q.clientType, 30)));
  if (q.clientIdContains !== undefined) parts.push(l10n.t('id contains "{0}"', plainText(q.clientIdContains, 40)));
  return parts.length > 0 ? parts.join(' · ') : l10n.t('all clients');
}

function timeWords(text: string): string {
  const t = parseInstant(text);
  if (t !== undefined) return `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return plainText(text, 40);
}
