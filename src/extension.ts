// Wiring only: the shared services, then each feature registers itself with them.
import * as vscode from 'vscode';
import { registerCommands } from './views/commands/register';
import { QueryState } from './views/clients/queryState';
import { registerClientsView } from './views/clients/register';
import { registerDeviceRegistration } from './views/register/register';
import { WindowMonitor } from './features/monitor/windowMonitor';
import { registerLocalSandbox } from './views/sandbox/register';
import { registerTimeline } from './views/timeline/register';
import { registerWatcher } from './views/watcher/register';
import { createLog } from './vscode/log';
import { PlatformService } from './vscode/platforms/service';
import { TokenStore } from './vscode/secrets';

/** What activate returns: the services, for sibling features and the extension-host tests. */
export interface IotConnectivityApi {
  readonly platforms: PlatformService;
  readonly query: QueryState;
  readonly clients: ReturnType<typeof registerClientsView>;
  readonly actions: ReturnType<typeof registerCommands>['actions'];
  readonly timeline: ReturnType<typeof registerTimeline>;
  readonly watcher: ReturnType<typeof registerWatcher>;
  /** The window's one monitor connection, shared by the watcher and the timelines. */
  readonly monitors: WindowMonitor;
}

export function activate(context: vscode.ExtensionContext): IotConnectivityApi {
  const log = createLog(context);
  const platforms = new PlatformService(new TokenStore(context.secrets), log);
  const query = new QueryState(context.workspaceState);
  context.subscriptions.push(platforms, query);
  const clients = registerClientsView(context, platforms, query, log);
  const { actions } = registerCommands(context, { log, platforms, query, clients });
  const monitors = new WindowMonitor(log.for('monitor'));
  const timeline = registerTimeline(context, { log, platforms, actions, monitors });
  const watcher = registerWatcher(context, {
    log,
    platforms,
    clients,
    actions,
    monitors,
    activeTimelineClient: () => timeline.activeClientId(),
  });
  // After its users (subscriptions are disposed in order): their leases go before the connection.
  context.subscriptions.push({ dispose: () => void monitors.dispose() });
  registerLocalSandbox(context, { log, platforms });
  registerDeviceRegistration(context, { log, platforms });
  log.for('extension').info('activated');
  return { platforms, query, clients, actions, timeline, watcher, monitors };
}

export function deactivate(): void {}
