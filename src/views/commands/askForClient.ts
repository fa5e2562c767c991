// The one "which client?" of the commands that act on a client (Show Client…, Show Connection
// Timeline from the palette): a full client id, or a bare device id looked up with the deviceId
// filter (several matches: pick one).
import * as vscode from 'vscode';
import type { ClientState } from '../../core/clientState';
import { isValidIdPart } from '../../core/ids';
import { quickPickText } from '../../core/quickPickText';
import { plainText } from '../../core/text';
import type { PlatformRestClient } from '../../platform/rest/client';
import { withUserProgress } from '../../vscode/progress';

/** Asks for a client id or a device id (starting from `value`); the text, trimmed, or undefined when dismissed. */
export async function askForClient(title: string, value?: string): Promise<string | undefined> {
  const input = await vscode.window.showInputBox({
    title,
    ignoreFocusOut: true,
    value,
    prompt: vscode.l10n.t('A client id (d:org:type:device, a:org:app) or a device id'),
    validateInput: (v) =>
      v.trim() === '' || v.length > 1000 ? vscode.l10n.t('Enter a client id or a device id.') : undefined,
  });
  return input?.trim();
}

/** The state record of `input` (a client id or a device id), picked from several when need be. */
export async function findClient(rest: PlatformRestClient, input: string): Promise<ClientState | undefined> {
  const records = await withUserProgress(vscode.l10n.t('Looking up {0}…', plainText(input, 60)), (signal) =>
    lookUp(rest, input, signal),
  );
  return pickOne(records, input);
}

async function lookUp(rest: PlatformRestClient, input: string, signal: AbortSignal): Promise<readonly ClientState[]> {
  if (input.includes(':')) return [await rest.getClientState(input, signal)];
  if (!isValidIdPart(input)) {
    throw new Error(
      vscode.l10n.t(
        '"{0}" is neither a client id (d:org:type:device, a:org:app) nor a device id (letters, digits, dots, dashes, ' +
          'underscores).',
        plainText(input, 60),
      ),
    );
  }
  const page = await rest.listClientStates({ query: { deviceId: input }, limit: 100, sort: ['id'] }, signal);
  if (page.records.length === 0) {
    throw new Error(
      vscode.l10n.t(
        'No client with device id {0} has connected (or tried to) since the Client Connection State API was switched ' +
          'on.',
        input,
      ),
    );
  }
  return page.records;
}

async function pickOne(records: readonly ClientState[], input: string): Promise<ClientState | undefined> {
  if (records.length === 1) return records[0];
  const items = records.map((r) => ({ label: quickPickText(r.id), description: r.status, state: r }));
  const picked = await vscode.window.showQuickPick(items, {
    placeHolder: vscode.l10n.t('{0} clients have the device id {1}: which one?', records.length, input),
  });
  return picked?.state;
}
