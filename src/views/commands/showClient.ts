// "Show Client…": a full client id, or a bare device id looked up with the deviceId filter
// (several matches: pick one). The record is shown in words with the actions for that client.
import * as vscode from 'vscode';
import type { ClientState } from '../../core/clientState';
import { stateDetails, stateHeadline } from '../../core/clientWords';
import { isValidIdPart } from '../../core/ids';
import { plainText } from '../../core/text';
import type { PlatformRestClient } from '../../platform/rest/client';
import type { PlatformService } from '../../vscode/platforms/service';
import { withUserProgress } from '../../vscode/progress';
import { quickPickText } from '../../core/quickPickText';
import type { ClientActions, ClientCommand } from './clientActions';
import { executeCommand } from '../../vscode/commands';

export interface ShowClientDeps {
  readonly platforms: PlatformService;
  readonly actions: ClientActions;
}

export async function lookUp(
  rest: PlatformRestClient,
  input: string,
  signal: AbortSignal,
): Promise<readonly ClientState[]> {
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

export async function pickOne(records: readonly ClientState[], input: string): Promise<ClientState | undefined> {
  if (records.length === 1) return records[0];
  const items = records.map((r) => ({ label: quickPickText(r.id), description: r.status, state: r }));
  const picked = await vscode.window.showQuickPick(items, {
    placeHolder: vscode.l10n.t('{0} clients have the device id {1}: which one?', records.length, input),
  });
  return picked?.state;
}

/** Resolves with the record shown (the list of words and actions stays open until dismissed). */
export async function showClient(deps: ShowClientDeps, arg?: unknown): Promise<ClientState | undefined> {
  const status = await deps.platforms.status();
  if (status.kind !== 'ready') {
    throw new Error(status.kind === 'problem' ? status.message : vscode.l10n.t('Connect to a platform first.'));
  }
  const input =
    typeof arg === 'string'
      ? arg
      : await vscode.window.showInputBox({
          title: vscode.l10n.t('Show Client'),
          ignoreFocusOut: true,
          prompt: vscode.l10n.t('A client id (d:org:type:device) or a device id'),
          validateInput: (v) =>
            v.trim() === '' || v.length > 1000 ? vscode.l10n.t('Enter a client id or a device id.') : undefined,
        });
  if (input === undefined) return undefined;
  const text = input.trim();
  const records = await withUserProgress(vscode.l10n.t('Looking up {0}…', plainText(text, 60)), (signal) =>
    lookUp(status.platform.rest, text, signal),
  );
  const state = await pickOne(records, text);
  if (state) showRecord(state, deps.actions);
  return state;
}

function showRecord(state: ClientState, actions: ClientActions): void {
  const now = Date.now();
  const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { readonly command?: ClientCommand }>();
  pick.title = quickPickText(stateHeadline(state, now), 150);
  pick.placeholder = vscode.l10n.t('Choose an action for this client');
  pick.matchOnDescription = true;
  pick.items = [
    ...actions.for(state).map((a) => ({ label: a.label(), command: a.command })),
    { label: vscode.l10n.t('Record'), kind: vscode.QuickPickItemKind.Separator },
    ...stateDetails(state, now).map((row) => ({
      label: quickPickText(row.label, 60),
      description: quickPickText(row.value, 300),
    })),
  ];
  pick.onDidAccept(() => {
    const command = pick.selectedItems[0]?.command;
    pick.hide();
    if (command) void executeCommand(command, state);
  });
  pick.onDidHide(() => pick.dispose());
  pick.show();
}
