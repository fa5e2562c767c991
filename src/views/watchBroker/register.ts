// "Watch a Broker…" and the servers it runs, registered with the shared services; the server of the active
// platform's broker started again when the window starts (resume.ts), the platform's status held meanwhile.
import * as path from 'path';
import type * as vscode from 'vscode';
import { Command, type CommandHandlers } from '../../shared/commands';
import type { Log } from '../../vscode/log';
import type { PlatformService } from '../../vscode/platforms/service';
import { BrokerPasswords } from '../../vscode/secrets';
import { watchBroker, watchBrokerAgain } from './commands';
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
  deps.platforms.holdUntil(atMost(brokers.resume('activation'), HOLD_MS));
  return brokers;
}

/** The longest the platform's status waits for its server to start again (RabbitMQ's snapshot may take longer). */
const HOLD_MS = 20_000;

function atMost(work: Promise<unknown>, ms: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise((resolve) => (timer = setTimeout(resolve, ms)));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

export function watchBrokerCommands(
  brokers: WatchedBrokers,
  platforms: PlatformService,
): Pick<CommandHandlers, typeof Command.watchBroker | typeof Command.watchBrokerAgain> {
  return {
    [Command.watchBroker]: () => watchBroker({ brokers, platforms }),
    [Command.watchBrokerAgain]: () => watchBrokerAgain(brokers),
  };
}
