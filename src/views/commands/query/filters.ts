// Each filter of the state API (platform-contract.md §2.2) with its words and how a value is chosen.
import * as vscode from 'vscode';
import {
  CLIENT_TYPES,
  CONNECTION_STATUSES,
  STATE_QUERY_DATE_PARAMS,
  type StateQuery,
  type StateQueryDateParam,
} from '../../../core/query';
import { ID_PART_PATTERN } from '../../../core/ids';
import { MAX_ID_PART_QUERY } from '../../../core/stateQuery';
import { parseTimeInput, readRelative, relativeWords } from '../../../core/timeInput';
import type { PlatformRestClient } from '../../../platform/rest/client';
import { quickPickText } from '../../../core/quickPickText';
import { withUserProgress } from '../../../vscode/progress';

export type Field = keyof StateQuery;
export const FIELDS: readonly Field[] = [
  'connectionStatus',
  'connectedAfter',
  'clientIdContains',
  'deviceType',
  'deviceId',
  'clientType',
  'connectedBefore',
  'disconnectedAfter',
  'disconnectedBefore',
  'lastActivityAfter',
  'lastActivityBefore',
];

/** The presets of every date filter: spans back from now, kept relative in recent queries. */
export const TIME_PRESETS = ['1h', '24h', '2d', '7d'] as const;

export function fieldLabel(field: Field): string {
  switch (field) {
    case 'connectionStatus':
      return vscode.l10n.t('Status');
    case 'connectedAfter':
      return vscode.l10n.t('Connected after');
    case 'connectedBefore':
      return vscode.l10n.t('Connected before');
    case 'disconnectedAfter':
      return vscode.l10n.t('Disconnected after');
    case 'disconnectedBefore':
      return vscode.l10n.t('Disconnected before');
    case 'lastActivityAfter':
      return vscode.l10n.t('Active after');
    case 'lastActivityBefore':
      return vscode.l10n.t('Active before');
    case 'deviceType':
      return vscode.l10n.t('Device type');
    case 'deviceId':
      return vscode.l10n.t('Device id');
    case 'clientType':
      return vscode.l10n.t('Client type');
    case 'clientIdContains':
      return vscode.l10n.t('Client id contains');
  }
}

/** A filter's value in words; only a date filter's value is read as a span ("2d"). */
export function valueWords(value: string | undefined, field?: Field): string {
  if (value === undefined) return vscode.l10n.t('any');
  if (field === 'clientIdContains') return `"${quickPickText(value, 60)}"`;
  const span = field === undefined || isDate(field) ? readRelative(value) : undefined;
  return span ? `${relativeWords(span)} (${value})` : quickPickText(value, 60);
}

interface ValueItem extends vscode.QuickPickItem {
  readonly value?: string;
  readonly other?: boolean;
}

const ANY: () => ValueItem = () => ({ label: vscode.l10n.t('$(circle-slash) Any'), value: undefined });

function isDate(field: Field): field is StateQueryDateParam {
  return (STATE_QUERY_DATE_PARAMS as readonly string[]).includes(field);
}

/** Any text, kept exactly (ids hold spaces, `/`, `+`, `#`, `%`…): the server matches it case-sensitively. */
async function typedPart(current: string | undefined): Promise<string | undefined | null> {
  const typed = await vscode.window.showInputBox({
    title: fieldLabel('clientIdContains'),
    value: current,
    ignoreFocusOut: true,
    prompt: vscode.l10n.t('Any part of the client id, exactly as typed (case-sensitive); empty for any'),
    validateInput: (v) =>
      v.length > MAX_ID_PART_QUERY ? vscode.l10n.t('At most {0} characters.', MAX_ID_PART_QUERY) : undefined,
  });
  return typed === undefined ? null : typed === '' ? undefined : typed;
}

async function typedValue(field: Field, current: string | undefined): Promise<string | undefined | null> {
  if (field === 'clientIdContains') return typedPart(current);
  const date = isDate(field);
  const typed = await vscode.window.showInputBox({
    title: fieldLabel(field),
    value: current,
    ignoreFocusOut: true,
    prompt: date
      ? vscode.l10n.t('An ISO 8601 time (2019-03-09T15:00:00Z) or a span back from now (30m, 1h, 2d, 1w)')
      : vscode.l10n.t('Letters, digits, dots, dashes or underscores; empty for any'),
    validateInput: (v) => {
      if (v.trim() === '') return date ? vscode.l10n.t('Enter a time or a span.') : undefined;
      if (date) {
        const r = parseTimeInput(v, Date.now());
        return r.ok ? undefined : r.error;
      }
      return ID_PART_PATTERN.test(v.trim())
        ? undefined
        : vscode.l10n.t('1–36 letters, digits, dots, dashes or underscores.');
    },
  });
  // null: the person went back without choosing.
  return typed === undefined ? null : typed.trim() === '' ? undefined : typed.trim();
}

async function choices(field: Field, rest: PlatformRestClient | undefined): Promise<ValueItem[]> {
  const other = { label: vscode.l10n.t('$(edit) Other…'), other: true };
  if (field === 'connectionStatus') return [ANY(), ...CONNECTION_STATUSES.map((s) => ({ label: s, value: s }))];
  if (field === 'clientType') return [ANY(), ...CLIENT_TYPES.map((t) => ({ label: t, value: t }))];
  if (isDate(field)) {
    return [
      ANY(),
      ...TIME_PRESETS.map((p) => ({ label: valueWords(p), value: p })),
      { ...other, label: vscode.l10n.t('$(edit) Custom… (an ISO time or a span such as 2d)') },
    ];
  }
  if (field === 'deviceType') {
    // Cancellable; cancelled or failed, the value is typed instead.
    const read = (r: PlatformRestClient) =>
      withUserProgress(vscode.l10n.t('Reading device types…'), (signal) => r.listDeviceTypes(signal));
    const types = rest ? await read(rest).catch(() => []) : [];
    return [ANY(), ...types.slice(0, 200).map((t) => ({ label: quickPickText(t.id, 40), value: t.id })), other];
  }
  return [ANY(), other];
}

/** A new value for the filter; null when the person backed out (the filter stays as it was). */
export async function chooseValue(
  field: Field,
  current: string | undefined,
  rest: PlatformRestClient | undefined,
): Promise<string | undefined | null> {
  const items = await choices(field, rest);
  const picked = await vscode.window.showQuickPick(items, {
    title: fieldLabel(field),
    placeHolder: vscode.l10n.t('Currently: {0}', valueWords(current, field)),
  });
  if (!picked) return null;
  return picked.other ? typedValue(field, current) : picked.value;
}
