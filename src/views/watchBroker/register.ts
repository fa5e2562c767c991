// "Watch a Broker…" and the servers it runs, registered with the shared services.
import * as path from 'path';
import type * as vscode from 'vscode';
import { Command, type CommandHandlers } from '../../shared/commands';
import type { Log } from '../../vscode/log';
import type { PlatformService } from '../../vscode/platforms/service';
import { BrokerPasswords } from '../../vscode/secrets';
import { watchBroker } from './commands';
import { WatchedBrokers } from './service';

export interface WatchBrokerRegistration {
  readonly log: Log;
  readonly platforms: PlatformService;
}

export function registerWatchedBrokers(
  context: vscode.ExtensionContext,
  deps: WatchBrokerRegistration,
): WatchedBrokers {
  const brokers = new WatchedBrokers({
    ...deps,
    passwords: new BrokerPasswords(context.secrets),
    memento: context.globalState,
    cliPath: context.asAbsolutePath(path.join('dist', 'sandbox.js')),
    storageDir: context.globalStorageUri.fsPath,
  });
  context.subscriptions.push(brokers);
  return brokers;
}

export function watchBrokerCommands(
  brokers: WatchedBrokers,
  platforms: PlatformService,
): Pick<CommandHandlers, typeof Command.watchBroker> {
  return { [Command.watchBroker]: () => watchBroker({ brokers, platforms }) };
}
