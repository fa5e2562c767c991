// The debug sessions' clients at the head of the Clients tree: one group per session family (its
// launch name), each client with how it was found, and, while its program is paused, the time
// left before the broker drops it (warning colours in the last 10 s). The rows accept the same
// commands as any client row (Show Timeline, Pin, Copy Client ID).
import * as vscode from 'vscode';
import type { ClientState } from '../../core/clientState';
import { clientLabel } from '../../core/clientWords';
import { escapeMarkdown } from '../../core/markdown';
import { plainText } from '../../core/text';
import { clientContextValue } from '../../features/clients/contextValue';
import type { ClientRow, FamilyRow } from '../../features/debug/rows';
import { pauseWords, words } from '../../features/debug/words';
import { clientNodeId } from '../clients/clientNode';
import type { ClientsNode } from '../clients/node';
import { t } from './text';

function stateOf(row: ClientRow): ClientState {
  return {
    id: row.clientId,
    clientType: 'unknown',
    status: row.connected ? 'connected' : 'disconnected',
    raw: { id: row.clientId, source: 'debug session' },
  };
}

function describe(row: ClientRow): string {
  const how = row.how === 'pid' && row.pid !== undefined ? t(words('byProcess', row.pid)) : t(words('guess'));
  if (row.pause) return `${t(pauseWords(row.pause.countdown, row.connected))} · ${how}`;
  return `${t(words(row.connected ? 'connected' : 'disconnected'))} · ${how}`;
}

function icon(row: ClientRow): vscode.ThemeIcon {
  const c = row.pause?.countdown;
  if (row.pause && !row.connected) return new vscode.ThemeIcon('debug-disconnect', new vscode.ThemeColor('charts.red'));
  if (c?.kind === 'held') return new vscode.ThemeIcon('debug-pause', new vscode.ThemeColor('charts.blue'));
  if (c && 'warning' in c && c.warning) return new vscode.ThemeIcon('warning', new vscode.ThemeColor('charts.yellow'));
  if (c) return new vscode.ThemeIcon('debug-pause');
  return row.connected
    ? new vscode.ThemeIcon('vm-running', new vscode.ThemeColor('charts.green'))
    : new vscode.ThemeIcon('debug-disconnect', new vscode.ThemeColor('charts.red'));
}

export class DebugClientNode implements ClientsNode {
  readonly id: string;
  readonly state: ClientState;

  constructor(
    readonly row: ClientRow,
    readonly parent: ClientsNode,
    private readonly pinned: (clientId: string) => boolean,
  ) {
    this.id = clientNodeId(parent.id, row.clientId);
    this.state = stateOf(row);
  }

  getTreeItem(): vscode.TreeItem {
    const { row } = this;
    const item = new vscode.TreeItem(clientLabel(row.clientId));
    item.id = this.id;
    item.description = describe(row);
    item.iconPath = icon(row);
    const found =
      row.how === 'pid' && row.pid !== undefined
        ? t(words('foundByProcess', row.pid, escapeMarkdown(row.endpoint ?? '?', 80)))
        : t(words('foundByGuess'));
    const tooltip = new vscode.MarkdownString(`**${escapeMarkdown(row.clientId, 200)}**\n\n${found}`, false);
    tooltip.isTrusted = false;
    tooltip.supportHtml = false;
    item.tooltip = tooltip;
    item.accessibilityInformation = { label: plainText(`${clientLabel(row.clientId)}, ${describe(row)}`, 300) };
    item.contextValue = clientContextValue(this.state, [
      () => 'debugClient',
      () => (this.pinned(row.clientId) ? 'pinned' : undefined),
    ]);
    return item;
  }
}

class FamilyNode implements ClientsNode {
  readonly id: string;

  constructor(
    readonly family: FamilyRow,
    readonly parent: ClientsNode | undefined,
    private readonly pinned: (clientId: string) => boolean,
  ) {
    this.id = `${parent?.id ?? 'debug'}/${family.rootId}`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(
      vscode.l10n.t('Debug Session: {0}', plainText(this.family.name, 60)),
      vscode.TreeItemCollapsibleState.Expanded,
    );
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(this.family.clients.some((c) => c.pause) ? 'debug-pause' : 'debug-alt');
    const n = this.family.clients.length;
    item.description = n === 1 ? vscode.l10n.t('1 client') : vscode.l10n.t('{0} clients', n);
    item.contextValue = 'group;debugSession';
    return item;
  }

  getChildren(): ClientsNode[] {
    return clientNodes(this.family, this, this.pinned);
  }
}

function clientNodes(family: FamilyRow, parent: ClientsNode, pinned: (clientId: string) => boolean): ClientsNode[] {
  return family.clients.map((c) => new DebugClientNode(c, parent, pinned));
}

/** The head of the tree: one family shown directly, several under "Debug Sessions". */
export class DebugGroupNode implements ClientsNode {
  readonly id = 'debug';
  /** The last rows drawn. */
  families: readonly FamilyRow[] = [];

  constructor(private readonly pinned: (clientId: string) => boolean) {}

  get visible(): boolean {
    return this.families.some((f) => f.clients.length > 0);
  }

  getTreeItem(): vscode.TreeItem {
    const shown = this.shown();
    if (shown.length === 1) {
      const item = new FamilyNode(shown[0], undefined, this.pinned).getTreeItem();
      item.id = this.id;
      return item;
    }
    const item = new vscode.TreeItem(
      vscode.l10n.t('Debug Sessions ({0})', shown.length),
      vscode.TreeItemCollapsibleState.Expanded,
    );
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('debug-alt');
    item.contextValue = 'group;debugSessions';
    return item;
  }

  getChildren(): ClientsNode[] {
    const shown = this.shown();
    if (shown.length === 1) return clientNodes(shown[0], this, this.pinned);
    return shown.map((f) => new FamilyNode(f, this, this.pinned));
  }

  private shown(): FamilyRow[] {
    return this.families.filter((f) => f.clients.length > 0);
  }
}
