// Every command of the extension, each through the one error-handling wrapper.
import * as vscode from 'vscode';
import { registerCommand } from '../../vscode/errorHandling';
import type { Log } from '../../vscode/log';
import type { PlatformService } from '../../vscode/platforms/service';
import type { ClientsView } from '../clients/register';
import type { QueryState } from '../clients/queryState';
import { clientStateOf } from '../clients/node';
import { ClientActions } from './clientActions';
import { connectPlatform } from './connect/connect';
import { DetailsDocuments } from './details';
import { enableClientState } from './enableClientState';
import { Command } from '../../shared/commands';
import { removePlatform, selectPlatform, setCredentials } from './platformCommands';
import { queryClients } from './query/queryClients';
import { showClient } from './showClient';

export interface CommandDeps {
  readonly log: Log;
  readonly platforms: PlatformService;
  readonly query: QueryState;
  readonly clients: ClientsView;
}

function needClient(arg: unknown) {
  const state = clientStateOf(arg);
  if (!state) throw new Error(vscode.l10n.t('Choose a client in the Clients view first.'));
  return state;
}

export function registerCommands(
  context: vscode.ExtensionContext,
  deps: CommandDeps,
): { readonly actions: ClientActions } {
  const { log, platforms, query, clients } = deps;
  const details = new DetailsDocuments();
  const actions = new ClientActions();
  const refresh = () => clients.provider.refresh();
  const reg = (id: string, fn: (...args: never[]) => unknown) =>
    registerCommand(log, id, fn as (...args: unknown[]) => unknown);
  context.subscriptions.push(
    details,
    reg(Command.showLog, () => log.show()),
    reg(Command.refresh, refresh),
    reg(Command.queryClients, (arg?: unknown) => queryClients({ platforms, query }, arg)),
    reg(Command.clearQuery, () => query.clear()),
    reg(Command.showClient, (arg?: unknown) => showClient({ platforms, actions }, arg)),
    reg(Command.showDetails, (arg?: unknown) => details.show(needClient(arg))),
    reg(Command.copyClientId, async (arg?: unknown) => {
      await vscode.env.clipboard.writeText(needClient(arg).id);
      vscode.window.setStatusBarMessage(vscode.l10n.t('Client ID copied.'), 3000);
    }),
    reg(Command.connectPlatform, (arg?: unknown) => connectPlatform({ platforms, log }, arg)),
    reg(Command.selectPlatform, (arg?: unknown) => selectPlatform({ platforms, log }, arg)),
    reg(Command.setCredentials, (arg?: unknown) => setCredentials({ platforms, log }, arg)),
    reg(Command.removePlatform, (arg?: unknown) => removePlatform({ platforms, log }, arg)),
    reg(Command.enableClientState, () => enableClientState(platforms, refresh)),
  );
  return { actions };
}
