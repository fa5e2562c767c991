// The one "which client?" of the commands that act on a client (Show Client…, Show Connection
// Timeline from the palette): a full client id of any form, a bare device id, or a part of a client
// id (features/clients/lookup.ts); several matches: pick one.
import * as vscode from 'vscode';
import type { ClientState } from '../../core/clientState';
import { quickPickText } from '../../core/quickPickText';
import { plainText } from '../../core/text';
import { lookUpClient } from '../../features/clients/lookup';
import type { PlatformRestClient } from '../../platform/rest/client';
import { withUserProgress } from '../../vscode/progress';

/**
 * Asks for a client id, a device id or a part of an id (starting from `value`): the text with its ends trimmed;
 * undefined if dismissed.
 */
export async function askForClient(title: string, value?: string): Promise<string | undefined> {
  const input = await vscode.window.showInputBox({
    title,
    ignoreFocusOut: true,
    value,
    prompt: vscode.l10n.t(
      'A client id (d:org:type:device, a:org:app, or any id of a watched broker), a device id, or part of a client id',
    ),
    validateInput: (v) =>
      v.trim() === '' || v.length > 1000 ? vscode.l10n.t('Enter a client id or a device id.') : undefined,
  });
  return input?.trim();
}

/** The state record of `input`, picked from several when need be. */
export async function findClient(rest: PlatformRestClient, input: string): Promise<ClientState | undefined> {
  const found = await withUserProgress(vscode.l10n.t('Looking up {0}…', plainText(input, 60)), (signal) =>
    lookUpClient(rest, input, signal),
  );
  if (!found.found) {
    throw new Error(
      vscode.l10n.t(
        'No client has the id, the device id or a part of its id "{0}": it has not connected (or tried to) since the ' +
          'Client Connection State API was switched on, or since the server began observing its broker.',
        plainText(input, 60),
      ),
    );
  }
  return pickOne(found.records, input, found.by);
}

async function pickOne(
  records: readonly ClientState[],
  input: string,
  by: 'id' | 'deviceId' | 'idContains',
): Promise<ClientState | undefined> {
  if (records.length === 1) return records[0];
  const items = records.map((r) => ({ label: quickPickText(r.id), description: r.status, state: r }));
  const shown = plainText(input, 60);
  const picked = await vscode.window.showQuickPick(items, {
    placeHolder:
      by === 'deviceId'
        ? vscode.l10n.t('{0} clients have the device id {1}: which one?', records.length, shown)
        : vscode.l10n.t('{0} client ids contain "{1}": which one?', records.length, shown),
  });
  return picked?.state;
}
