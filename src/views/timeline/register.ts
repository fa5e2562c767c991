// "Show Connection Timeline": from a client's context menu and inline action, from "Show
// Client…", and from the palette (which asks for a client). One panel per client; panels open at
// a window reload come back through the serializer.

import * as vscode from 'vscode';
import { readViewState, TIMELINE_VIEW_TYPE } from '../../shared/protocol';
import { runWithErrorHandling } from '../../vscode/errorHandling';
import type { Log } from '../../vscode/log';
import type { PlatformService } from '../../vscode/platforms/service';
import { requireReadyPlatform } from '../../vscode/platforms/ready';
import type { ClientActions } from '../commands/clientActions';
import { clientStateOf } from '../clients/node';
import { Command, type CommandHandlers } from '../../shared/commands';
import { askForClient, findClient } from '../commands/askForClient';
import type { WindowMonitor } from '../../features/monitor/windowMonitor';
import { TimelineLiveFeed } from './liveFeed';
import { TimelinePanels } from './panels';
import { TimelinePauses } from './pauses';

export interface TimelineDeps {
  readonly log: Log;
  readonly platforms: PlatformService;
  readonly actions: ClientActions;
  /** The window's monitor connection, shared with the pinned-client watcher. */
  readonly monitors: WindowMonitor;
}

export function registerTimeline(context: vscode.ExtensionContext, deps: TimelineDeps): TimelinePanels {
  const log = deps.log.for('timeline');
  const live = new TimelineLiveFeed(deps.monitors, deps.log.for('timeline-monitor'));
  const pauses = new TimelinePauses();
  const panels = new TimelinePanels({
    extensionUri: context.extensionUri,
    log,
    platforms: deps.platforms,
    live,
    pauses,
    safely: (name, fn) => runWithErrorHandling(deps.log, name, fn)(),
  });
  context.subscriptions.push(
    panels,
    pauses,
    vscode.window.registerWebviewPanelSerializer(TIMELINE_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        const saved = readViewState(state);
        if (!saved) {
          log.warn('a timeline panel came back without a readable state; closed it');
          panel.dispose();
          return;
        }
        panels.restore(panel, saved.clientId);
      },
    }),
    deps.actions.add({
      label: () => vscode.l10n.t('$(graph-line) Show Connection Timeline'),
      command: Command.showTimeline,
    }),
  );
  return panels;
}

export function timelineCommands(
  panels: TimelinePanels,
  platforms: PlatformService,
): Pick<CommandHandlers, typeof Command.showTimeline> {
  return {
    [Command.showTimeline]: async (arg) => {
      const clientId = clientIdOf(arg) ?? (await askForTimelineClient(platforms));
      if (clientId !== undefined) panels.show(clientId);
    },
  };
}

/** A tree item, a state record (Show Client…), or a client id given by another command. */
function clientIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string' && arg.trim() !== '') return arg.trim();
  return clientStateOf(arg)?.id;
}

/** From the palette: a full client id, or a device id looked up on the active platform. */
async function askForTimelineClient(platforms: PlatformService): Promise<string | undefined> {
  const platform = await requireReadyPlatform(platforms);
  const text = await askForClient(vscode.l10n.t('Show Connection Timeline'));
  // A full id opens at once: the timeline itself says when the platform does not know it.
  if (text === undefined || text.includes(':')) return text;
  return (await findClient(platform.rest, text))?.id;
}
