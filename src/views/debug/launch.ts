// Starting the platform with the program: the "IoT Connectivity: Local Sandbox" task
// for `preLaunchTask`, and the device's connection in the environment of a launch configuration
// that names one (every debug type).
import * as vscode from 'vscode';
import type { DeviceTokens } from '../../vscode/deviceTokens';
import type { Log } from '../../vscode/log';
import type { PlatformService } from '../../vscode/platforms/service';
import type { LocalSandbox } from '../sandbox/service';
import { DeviceEnvProvider } from './deviceEnv';
import { registerSandboxTask } from './sandboxTask';

export interface DebugLaunchDeps {
  readonly platforms: PlatformService;
  readonly sandbox: LocalSandbox;
  readonly tokens: DeviceTokens;
  readonly log: Log;
}

export function registerDebugLaunch(context: vscode.ExtensionContext, deps: DebugLaunchDeps): void {
  context.subscriptions.push(
    registerSandboxTask(deps.sandbox),
    vscode.debug.registerDebugConfigurationProvider('*', new DeviceEnvProvider(deps.platforms, deps.tokens, deps.log)),
  );
}
