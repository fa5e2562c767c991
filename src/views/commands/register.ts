// The commands of the Clients view's title and context menus, the platforms and the log: their
// handlers, put together with every other feature's in extension.ts.
import * as vscode from 'vscode';
import { Command, type CommandHandlers } from '../../shared/commands';
import type { Log } from '../../vscode/log';
import type { PlatformService } from '../../vscode/platforms/service';
import type { ClientsView } from '../clients/register';
import type { QueryState } from '../clients/queryState';
import { clientStateOf } from '../clients/node';
import type { ClientActions } from './clientActions';
import { connectPlatform } from './connect/connect';
import { DetailsDocuments } from './details';
import { enableClientState } from './enableClientState';
import { removePlatform, selectPlatform, setCredentials } from './platformCommands';
import { queryClients } from './query/queryClients';
import { showClient } from './showClient';

export interface CommandDeps {
  readonly log: Log;
  readonly platforms: PlatformService;
  readonly query: QueryState;
  readonly clients: ClientsView;
  readonly actions: ClientActions;
  /** The client id under the cursor of the active editor, if any: Show Client… starts from it. */
  readonly idAtCursor?: () => string | undefined;
}

type GeneralCommand =
  | typeof Command.showLog
  | typeof Command.refresh
  | typeof Command.queryClients
  | typeof Command.clearQuery
  | typeof Command.showClient
  | typeof Command.showDetails
  | typeof Command.copyClientId
  | typeof Command.connectPlatform
  | typeof Command.selectPlatform
  | typeof Command.setCredentials
  | typeof Command.removePlatform
  | typeof Command.enableClientState;

function needClient(arg: unknown) {
  const state = clientStateOf(arg);
  if (!state) throw new Error(vscode.l10n.t('Choose a client in the Clients view first.'));
  return state;
}

export function generalCommands(
  context: vscode.ExtensionContext,
  deps: CommandDeps,
): Pick<CommandHandlers, GeneralCommand> {
  const { log, platforms, query, clients, actions } = deps;
  const details = new DetailsDocuments();
  context.subscriptions.push(details);
  const refresh = () => clients.provider.refresh();
  return {
    [Command.showLog]: () => log.show(),
    [Command.refresh]: refresh,
    [Command.queryClients]: (arg) => queryClients({ platforms, query }, arg),
    [Command.clearQuery]: () => query.clear(),
    [Command.showClient]: (arg) => showClient({ platforms, actions, prefill: deps.idAtCursor }, arg),
    [Command.showDetails]: async (arg) => {
      await details.show(needClient(arg));
    },
    [Command.copyClientId]: async (arg) => {
      // A tree row, a record, or the id itself (the hover of an id in code).
      const id = typeof arg === 'string' && arg !== '' ? arg : needClient(arg).id;
      await vscode.env.clipboard.writeText(id);
      vscode.window.setStatusBarMessage(vscode.l10n.t('Client ID copied.'), 3000);
    },
    [Command.connectPlatform]: (arg, caller) => connectPlatform({ platforms, log }, arg, caller),
    [Command.selectPlatform]: (arg, caller) => selectPlatform({ platforms, log }, arg, caller),
    [Command.setCredentials]: (arg, caller) => setCredentials({ platforms, log }, arg, caller),
    [Command.removePlatform]: (arg) => removePlatform({ platforms, log }, arg),
    [Command.enableClientState]: () => enableClientState(platforms, refresh),
  };
}
