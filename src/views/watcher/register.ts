// The pinned-client watcher in the extension: pins per workspace, the watcher of the active
// platform, its status-bar item, its notifications, its commands, "Pinned" at the head of the
// Clients tree, the `pinned` capability of client items, and Pin/Unpin in "Show Client…".
import * as vscode from 'vscode';
import type { Log } from '../../vscode/log';
import type { PlatformService } from '../../vscode/platforms/service';
import { THIS_WINDOW } from '../../features/clients/contextValue';
import type { ClientsView } from '../clients/register';
import type { ClientActions } from '../commands/clientActions';
import { Command, type CommandHandlers } from '../../shared/commands';
import type { WindowMonitor } from '../../features/monitor/windowMonitor';
import { pinClient, showPinned, unpinClient, type PinCommandDeps } from './commands';
import { WatcherNotifier } from './notifier';
import { PinnedGroupNode } from './pinnedGroup';
import { PinStore } from './pinStore';
import { WatcherService } from './service';
import { WatcherRender } from './render';
import { WatcherStatusBar } from './statusBar';

export interface WatcherDeps {
  readonly log: Log;
  readonly platforms: PlatformService;
  readonly clients: ClientsView;
  readonly actions: ClientActions;
  /** The window's monitor connection, shared with the timelines. */
  readonly monitors: WindowMonitor;
  /** The client of the focused timeline panel (for Pin/Unpin in its title bar). */
  readonly activeTimelineClient?: () => string | undefined;
}

export interface Watcher {
  readonly pins: PinStore;
  readonly service: WatcherService;
  readonly statusBar: WatcherStatusBar;
  /** Draws the status bar, the "Pinned" rows and the view's badge from one frame. */
  readonly render: WatcherRender;
  /** "Pinned" at the head of the Clients tree. */
  readonly group: PinnedGroupNode;
  readonly notifier: WatcherNotifier;
}

/**
 * After a pinned client connects or drops, the status groups are stale: they are read again this
 * long after it (the state API lags a connect or disconnect briefly, platform-contract.md §2), and once more
 * later for a platform that lags longer. A refresh that finds the same rows changes nothing on screen.
 */
const GROUPS_REFRESH_AFTER_MS = [1_000, 6_000] as const;

export function registerWatcher(context: vscode.ExtensionContext, deps: WatcherDeps): Watcher {
  const pins = new PinStore(context.workspaceState);
  const service = new WatcherService(deps.platforms, pins, deps.monitors, deps.log);
  const statusBar = new WatcherStatusBar(Command.showPinned);
  const group = new PinnedGroupNode();
  const { provider, view } = deps.clients;
  const render = new WatcherRender(service, { statusBar, group, provider, view });
  const notifier = new WatcherNotifier(service, deps.log);
  const pinnedOn = (id: string) => (service.platform ? pins.has(service.platform.name, id) : false);
  const groupTimers: (ReturnType<typeof setTimeout> | undefined)[] = [];
  // Throttled, not debounced: a storm of transitions must not postpone the refresh for ever.
  const refreshGroups = () =>
    GROUPS_REFRESH_AFTER_MS.forEach((ms, i) => {
      groupTimers[i] ??= setTimeout(() => {
        groupTimers[i] = undefined;
        void provider.refresh();
      }, ms);
    });
  context.subscriptions.push(
    pins,
    service,
    statusBar,
    render,
    notifier,
    provider.addCapability((state) => (pinnedOn(state.id) ? 'pinned' : undefined)),
    // This window's own monitor connection is an application like any other: say which it is.
    provider.addCapability((state) => (state.id === deps.monitors.clientId ? THIS_WINDOW : undefined)),
    // Live, not the frame's: the refresh a pin change asks for may come before the next render.
    provider.addHead(() => (group.visible ? group : undefined)),
    // A pin added or removed changes items all over the tree; a live change only the group (render).
    pins.onDidChange(() => provider.scheduleRefresh()),
    service.onDidTransition(refreshGroups),
    { dispose: () => groupTimers.forEach((t) => clearTimeout(t)) },
    deps.actions.add({
      label: () => vscode.l10n.t('$(pin) Pin Client'),
      command: Command.pinClient,
      appliesTo: (s) => !pinnedOn(s.id),
    }),
    deps.actions.add({
      label: () => vscode.l10n.t('$(pinned) Unpin Client'),
      command: Command.unpinClient,
      appliesTo: (s) => pinnedOn(s.id),
    }),
  );
  return { pins, service, statusBar, render, group, notifier };
}

/** Pin, Unpin and Show Pinned Clients. */
export function watcherCommands(
  watcher: Watcher,
  deps: Pick<WatcherDeps, 'platforms' | 'activeTimelineClient'>,
): Pick<CommandHandlers, typeof Command.pinClient | typeof Command.unpinClient | typeof Command.showPinned> {
  const commandDeps: PinCommandDeps = {
    platforms: deps.platforms,
    pins: watcher.pins,
    service: watcher.service,
    activeTimelineClient: deps.activeTimelineClient,
  };
  return {
    [Command.pinClient]: (arg) => pinClient(commandDeps, arg),
    [Command.unpinClient]: (arg) => unpinClient(commandDeps, arg),
    [Command.showPinned]: () => showPinned(commandDeps),
  };
}
