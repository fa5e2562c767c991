// Wiring only: the shared services, each feature with them, then every command in one table.
import * as vscode from 'vscode';
import { useLanguage } from './core/l10n';
import { WindowMonitor } from './features/monitor/windowMonitor';
import { QueryState } from './views/clients/queryState';
import { clientsViewCommands, registerClientsView } from './views/clients/register';
import { ClientActions } from './views/commands/clientActions';
import { registerIdsInCode } from './views/idsInCode/register';
import { generalCommands } from './views/commands/register';
import { registerDebugLaunch } from './views/debug/launch';
import { registerDebug } from './views/debug/register';
import { deviceRegistrationCommands } from './views/register/register';
import { localSandboxCommands, registerLocalSandbox } from './views/sandbox/register';
import { ownSandboxDataDir, takeHandover } from './views/sandbox/handover';
import { findKeptToken, sandboxDataDirs } from './features/localSandbox/keptToken';
import { registerTimeline, timelineCommands } from './views/timeline/register';
import { registerWatcher, watcherCommands } from './views/watcher/register';
import { registerWatchedBrokers, watchBrokerCommands } from './views/watchBroker/register';
import { registerCommands } from './vscode/commands';
import { createLog } from './vscode/log';
import { PlatformService } from './vscode/platforms/service';
import { DeviceTokens } from './vscode/deviceTokens';
import { TokenStore } from './vscode/secrets';

/** What activate returns: the services, for sibling features and the extension-host tests. */
export interface IotConnectivityApi {
  readonly platforms: PlatformService;
  readonly query: QueryState;
  readonly clients: ReturnType<typeof registerClientsView>;
  readonly actions: ClientActions;
  readonly timeline: ReturnType<typeof registerTimeline>;
  readonly watcher: ReturnType<typeof registerWatcher>;
  /** The window's one monitor connection, shared by the watcher and the timelines. */
  readonly monitors: WindowMonitor;
  /** The debugging loop: debug sessions, their clients, pauses and holds. */
  readonly debug: ReturnType<typeof registerDebug>;
  /** Client ids in the code: hovers, lenses, links. */
  readonly idsInCode: ReturnType<typeof registerIdsInCode>;
  /** The servers watching brokers (Watch a Broker…); tests start one without the questions. */
  readonly brokers: ReturnType<typeof registerWatchedBrokers>;
}

export function activate(context: vscode.ExtensionContext): IotConnectivityApi {
  // Words of the rooms that do not know VS Code, and the Intl locale, from the host's bundle.
  useLanguage(vscode.env.language, vscode.l10n.bundle);
  const log = createLog(context);
  const keptTokenDirs = sandboxDataDirs([ownSandboxDataDir(context)]);
  const platforms = new PlatformService(new TokenStore(context.secrets), log, (target) =>
    findKeptToken(keptTokenDirs, target),
  );
  // Before the views ask for the platform: its status waits for npm start's handover.
  takeHandover(context, platforms, log);
  const query = new QueryState(context.workspaceState);
  const actions = new ClientActions();
  context.subscriptions.push(platforms, query);
  const clients = registerClientsView(context, platforms, query, log);
  const monitors = new WindowMonitor(log.for('monitor'));
  const timeline = registerTimeline(context, { log, platforms, actions, monitors });
  const activeTimelineClient = () => timeline.activeClientId();
  const watcher = registerWatcher(context, { log, platforms, clients, actions, monitors, activeTimelineClient });
  const debug = registerDebug(context, { log, platforms, clients, watcher, monitors });
  watcher.notifier.followDebugSessions(() => debug.loop.sessions.live().length > 0);
  timeline.pauses.follow(() =>
    debug.loop
      .pauses()
      .map((p) => ({ from: p.from, to: p.to, session: p.session, atBreakpoint: p.reason === 'breakpoint' })),
  );
  context.subscriptions.push(debug.loop.sessions.on('run', () => timeline.pauses.changed()));
  watcher.notifier.leaveToOthers(
    (t) => t.event.kind === 'disconnected' && !!debug.loop.explainDrop(t.clientId, t.event.closeCode, Date.now()),
  );
  // After its users (subscriptions are disposed in order): their leases go before the connection.
  context.subscriptions.push({ dispose: () => void monitors.dispose() });
  const sandbox = registerLocalSandbox(context, { log, platforms });
  const deviceTokens = new DeviceTokens(context.secrets);
  registerDebugLaunch(context, { platforms, sandbox, tokens: deviceTokens, log });
  const idsInCode = registerIdsInCode(context, { log, platforms, clients, watcher });
  const idAtCursor = () => idsInCode.idAtCursor();
  const brokers = registerWatchedBrokers(context, { log, platforms });
  context.subscriptions.push(
    registerCommands(log, {
      ...generalCommands(context, { log, platforms, query, clients, actions, idAtCursor }),
      ...clientsViewCommands(),
      ...timelineCommands(timeline, platforms),
      ...watcherCommands(watcher, { platforms, activeTimelineClient }),
      ...localSandboxCommands(sandbox),
      ...watchBrokerCommands(brokers, platforms),
      ...deviceRegistrationCommands(context, { log, platforms, tokens: deviceTokens }),
    }),
  );
  log.for('extension').info('activated');
  return { platforms, query, clients, actions, timeline, watcher, monitors, debug, idsInCode, brokers };
}

export function deactivate(): void {}
