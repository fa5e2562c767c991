// The client item's tooltip as Markdown (no `vscode` import; unit-tested): a headline, then every
// field of the state record in words (core/clientWords.ts), initiator and reason code explained,
// and any field the API sent that has no words yet. Everything from the record is escaped: the
// caller still makes an untrusted MarkdownString without HTML.

import * as l10n from '@vscode/l10n';
import type { ClientState } from '../../core/clientState';
import { stateDetails, stateHeadline } from '../../core/clientWords';
import { formatCount } from '../../core/l10n';
import { escapeMarkdown } from '../../core/markdown';

/** Fields that stateDetails already explains (with their aliases, platform-contract.md §6). */
const EXPLAINED = new Set([
  'id',
  'clientId',
  'clientType',
  'connectionStatus',
  'lastConnectTime',
  'lastDisconnectTime',
  'lastActivityEvent',
  'lastActivityTime',
  'mqttConnectProtocol',
  'disconnectInitiator',
  'disconnectedBy',
  'mqttReasonCode',
  'mqttDisconnectReasonCode',
  'reasonCode',
  'closeCode',
  'closeReason',
  'keepAliveSeconds',
  'clientAddr',
  'clientPort',
  'node',
  'observed',
]);
const MAX_OTHER_FIELDS = 12;

function otherValue(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

export function tooltipMarkdown(state: ClientState, now: number): string {
  const lines = [`**${escapeMarkdown(stateHeadline(state, now), 120)}**`, ''];
  for (const row of stateDetails(state, now)) {
    lines.push(`${escapeMarkdown(row.label, 60)}: ${escapeMarkdown(row.value, 300)}  `);
  }
  const others = Object.keys(state.raw).filter((key) => !EXPLAINED.has(key));
  for (const key of others.slice(0, MAX_OTHER_FIELDS)) {
    lines.push(`${escapeMarkdown(key, 40)}: ${escapeMarkdown(otherValue(state.raw[key]), 120)}  `);
  }
  if (others.length > MAX_OTHER_FIELDS) {
    lines.push(l10n.t('… {0} more fields (Show Details)', formatCount(others.length - MAX_OTHER_FIELDS)));
  }
  return lines.join('\n');
}
