// "Register Device…", registered with the shared services.
import * as vscode from 'vscode';
import type { Log } from '../../vscode/log';
import type { PlatformService } from '../../vscode/platforms/service';
import { Command, type CommandHandlers } from '../../shared/commands';
import { DeviceDocuments } from './documents';
import { registerDevice } from './registerDevice';
import type { DeviceTokens } from '../../vscode/deviceTokens';

export interface DeviceRegistrationDeps {
  readonly log: Log;
  readonly platforms: PlatformService;
  readonly tokens: DeviceTokens;
}

export function deviceRegistrationCommands(
  context: vscode.ExtensionContext,
  deps: DeviceRegistrationDeps,
): Pick<CommandHandlers, typeof Command.registerDevice> {
  const documents = new DeviceDocuments();
  context.subscriptions.push(documents);
  return { [Command.registerDevice]: (arg) => registerDevice({ ...deps, documents }, arg) };
}
