// The Clients view: its tree, its title (platform and query), its message (the query's count),
// automatic refresh, and the "Load more…" command of its leaves.
import * as vscode from 'vscode';
import { describeStateQuery } from '../../core/stateQueryWords';
import { plainText } from '../../core/text';
import type { Log } from '../../vscode/log';
import type { PlatformService } from '../../vscode/platforms/service';
import { Command, type CommandHandlers } from '../../shared/commands';
import { ContextKey } from '../../vscode/contextKeys';
import { AutoRefresh } from './autoRefresh';
import type { ClientsNode } from './node';
import { ClientsTreeProvider, type TreeSummary } from './provider';
import type { QueryState } from './queryState';
import { LoadMoreNode } from './simpleNodes';
import { fixOf } from './sourceNode';
import { SourceWatch } from './sourceWatch';

export const CLIENTS_VIEW = 'iotConnectivity.clients';

export interface ClientsView {
  readonly provider: ClientsTreeProvider;
  readonly view: vscode.TreeView<ClientsNode>;
}

function showSummary(view: vscode.TreeView<ClientsNode>, s: TreeSummary, queryActive: boolean): void {
  const platform = s.platformName ? plainText(s.platformName, 60) : undefined;
  const query = queryActive ? describeStateQuery(s.query) : undefined;
  view.description = [platform, query].filter(Boolean).join(' · ') || undefined;
  view.message =
    query && s.state === 'ready'
      ? s.total === undefined
        ? vscode.l10n.t('Query: {0}', query)
        : vscode.l10n.t('Query: {0} — {1} clients', query, s.total)
      : undefined;
}

export function registerClientsView(
  context: vscode.ExtensionContext,
  platforms: PlatformService,
  query: QueryState,
  log: Log,
): ClientsView {
  const provider = new ClientsTreeProvider(platforms, query, log.for('tree'));
  const view = vscode.window.createTreeView(CLIENTS_VIEW, { treeDataProvider: provider, showCollapseAll: true });
  // The palette hides the commands that need a ready platform until there is one (package.json),
  // whether or not the tree is open: the key follows the platforms, as the tree's rows do.
  const setPlatformState = () =>
    void platforms
      .status()
      .then((status) => vscode.commands.executeCommand('setContext', ContextKey.platformState, status.kind));
  setPlatformState();
  context.subscriptions.push(
    platforms.onDidChange(setPlatformState),
    provider,
    view,
    new AutoRefresh(view, provider),
    new SourceWatch(view, provider, platforms),
    provider.onDidLoad((s) => showSummary(view, s, query.active)),
  );
  return { provider, view };
}

/** "Load more…": the leaf's own command (a tree row passes itself; anything else is ignored). "Copy the Fix": the
 *  configuration lines of a source problem row, to paste into the broker's configuration. */
export function clientsViewCommands(): Pick<CommandHandlers, typeof Command.loadMore | typeof Command.copySourceFix> {
  return {
    [Command.copySourceFix]: async (node) => {
      const fix = fixOf(node);
      if (!fix) return false;
      await vscode.env.clipboard.writeText(fix.join('\n'));
      vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the fix ({0} lines).', fix.length), 4000);
      return true;
    },
    [Command.loadMore]: async (node) => {
      if (!(node instanceof LoadMoreNode)) return;
      await vscode.window.withProgress({ location: { viewId: CLIENTS_VIEW } }, () => node.load());
    },
  };
}
