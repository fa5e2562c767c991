// A state query in one line for people (the view's description, the recent-queries list):
// "connected · connected after 2 days ago · type sensor". Plain text; values from the user or a
// stored query are made safe and short, callers escape for their medium.

import { STATE_QUERY_DATE_PARAMS, type StateQuery, type StateQueryDateParam } from './query';
import { canonicalStateQuery } from './stateQuery';
import { plainText } from './text';
import { parseInstant } from './time';
import { readRelative, relativeWords } from './timeInput';

const DATE_WORDS: Record<StateQueryDateParam, string> = {
  connectedAfter: 'connected after',
  connectedBefore: 'connected before',
  disconnectedAfter: 'disconnected after',
  disconnectedBefore: 'disconnected before',
  lastActivityAfter: 'active after',
  lastActivityBefore: 'active before',
};

export function describeStateQuery(query: StateQuery): string {
  const q = canonicalStateQuery(query);
  const parts: string[] = [];
  if (q.connectionStatus) parts.push(plainText(q.connectionStatus, 30));
  for (const field of STATE_QUERY_DATE_PARAMS) {
    const text = q[field];
    if (text !== undefined) parts.push(`${DATE_WORDS[field]} ${timeWords(text)}`);
  }
  if (q.deviceType) parts.push(`type ${plainText(q.deviceType, 40)}`);
  if (q.deviceId) parts.push(`id ${plainText(q.deviceId, 40)}`);
  if (q.clientType) parts.push(`client type ${plainText(q.clientType, 30)}`);
  if (q.clientIdContains !== undefined) parts.push(`id contains "${plainText(q.clientIdContains, 40)}"`);
  return parts.length > 0 ? parts.join(' · ') : 'all clients';
}

function timeWords(text: string): string {
  const span = readRelative(text);
  if (span) return relativeWords(span);
  const t = parseInstant(text);
  if (t !== undefined) return `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return plainText(text, 40);
}
