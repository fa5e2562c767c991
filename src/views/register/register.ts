// "Register Device…", registered with the shared services.
import * as vscode from 'vscode';
import { registerCommand } from '../../vscode/errorHandling';
import type { Log } from '../../vscode/log';
import type { PlatformService } from '../../vscode/platforms/service';
import { Command } from '../../shared/commands';
import { DeviceDocuments } from './documents';
import { registerDevice } from './registerDevice';

export interface DeviceRegistrationDeps {
  readonly log: Log;
  readonly platforms: PlatformService;
}

export function registerDeviceRegistration(context: vscode.ExtensionContext, deps: DeviceRegistrationDeps): void {
  const documents = new DeviceDocuments();
  context.subscriptions.push(
    documents,
    registerCommand(deps.log, Command.registerDevice, (arg?: unknown) => registerDevice({ ...deps, documents }, arg)),
  );
}
