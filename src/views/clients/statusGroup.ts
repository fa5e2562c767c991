// A root group, "Connected (n)" or "Disconnected (n)", n from the API's `meta.total_rows`. Its
// children are the clients a page at a time, or, when grouping by type, one group per type.
import * as vscode from 'vscode';
import type { ConnectionStatus } from '../../core/clientState';
import type { ClientsNode, TreeSession } from './node';
import { PagedList } from './pagedList';
import type { LoadedChildren } from './rowsSignature';
import { TypeGroups } from './typeGroups';

export class StatusGroupNode implements ClientsNode, LoadedChildren {
  readonly id: string;
  private readonly list: PagedList;
  private readonly types?: TypeGroups;

  constructor(
    readonly status: ConnectionStatus,
    session: TreeSession,
  ) {
    this.id = `status/${status}`;
    const query = { ...session.query, connectionStatus: status };
    // Grouped by type, this list only counts (one record); the type groups page.
    this.list = new PagedList(this, session, query, session.groupByType ? 1 : session.pageSize);
    if (session.groupByType) this.types = new TypeGroups(this, session, query);
  }

  get total(): number | undefined {
    return this.list.total;
  }

  get failed(): unknown {
    return this.list.failed;
  }

  /** The first page (or the count): the group's label needs it before VS Code shows the roots. */
  prepare(): Promise<void> {
    return this.list.load();
  }

  getTreeItem(): vscode.TreeItem {
    const connected = this.status === 'connected';
    const n = this.list.total;
    const label = connected
      ? n === undefined
        ? vscode.l10n.t('Connected')
        : vscode.l10n.t('Connected ({0})', n)
      : n === undefined
        ? vscode.l10n.t('Disconnected')
        : vscode.l10n.t('Disconnected ({0})', n);
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    item.iconPath = connected
      ? new vscode.ThemeIcon('vm-running', new vscode.ThemeColor('charts.green'))
      : new vscode.ThemeIcon('debug-disconnect');
    item.contextValue = `group;${this.status}`;
    return item;
  }

  /** The rows loaded so far, without a request; undefined when grouped by type (those load apart). */
  loadedChildren(): readonly ClientsNode[] | undefined {
    return this.types && this.list.failed === undefined ? undefined : this.list.children();
  }

  async getChildren(): Promise<ClientsNode[]> {
    if (this.types && this.list.failed === undefined) return this.types.children();
    return this.list.children();
  }
}
