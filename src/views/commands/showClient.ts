// "Show Client…": a client id of any form, a bare device id or a part of an id (askForClient.ts).
// The record is shown in words with the actions for that client.
import * as vscode from 'vscode';
import type { ClientState } from '../../core/clientState';
import { stateDetails, stateHeadline } from '../../core/clientWords';
import type { PlatformService } from '../../vscode/platforms/service';
import { requireReadyPlatform } from '../../vscode/platforms/ready';
import { quickPickText } from '../../core/quickPickText';
import type { ClientActions, ClientCommand } from './clientActions';
import { executeCommand } from '../../vscode/commands';
import { askForClient, findClient } from './askForClient';

export interface ShowClientDeps {
  readonly platforms: PlatformService;
  readonly actions: ClientActions;
  /** What the input box starts with (the id under the cursor). */
  readonly prefill?: () => string | undefined;
}

/** Resolves with the record shown (the list of words and actions stays open until dismissed). */
export async function showClient(deps: ShowClientDeps, arg?: unknown): Promise<ClientState | undefined> {
  const platform = await requireReadyPlatform(deps.platforms);
  // An id given as the argument is taken exactly: ids of observed brokers may begin or end with spaces.
  const input = typeof arg === 'string' ? arg : await askForClient(vscode.l10n.t('Show Client'), deps.prefill?.());
  if (input === undefined) return undefined;
  const state = await findClient(platform.rest, input);
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
