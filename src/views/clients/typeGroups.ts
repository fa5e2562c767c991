// Grouping by device type (setting `iotConnectivity.groupByType`): one group per type of the
// registry that has clients in this status, one for applications, and one for ids of other forms.
// Each type's first page is loaded when its status group opens (calls are paced by the REST
// client); empty types are left out.
import * as vscode from 'vscode';
import type { StateQuery } from '../../core/query';
import { plainText } from '../../core/text';
import { errorNodes } from './errorNodes';
import type { ClientsNode, TreeSession } from './node';
import { PagedList } from './pagedList';
import { MessageNode } from './simpleNodes';

/** More types than this are not grouped (each costs a call). */
export const MAX_TYPE_GROUPS = 50;

export class TypeGroupNode implements ClientsNode {
  readonly id: string;
  readonly list: PagedList;

  constructor(
    readonly parent: ClientsNode,
    session: TreeSession,
    key: string,
    private readonly label: string,
    query: StateQuery,
    private readonly icon: string,
  ) {
    this.id = `${parent.id}/${key}`;
    this.list = new PagedList(this, session, query);
  }

  getTreeItem(): vscode.TreeItem {
    const n = this.list.total;
    const label = plainText(this.label, 60);
    const item = new vscode.TreeItem(
      n === undefined ? label : `${label} (${n})`,
      vscode.TreeItemCollapsibleState.Collapsed,
    );
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(this.icon);
    item.contextValue = 'typeGroup';
    return item;
  }

  getChildren(): ClientsNode[] {
    return this.list.children();
  }
}

export class TypeGroups {
  private loaded?: Promise<ClientsNode[]>;

  constructor(
    private readonly owner: ClientsNode,
    private readonly session: TreeSession,
    private readonly query: StateQuery,
  ) {}

  children(): Promise<ClientsNode[]> {
    return (this.loaded ??= this.load());
  }

  private async load(): Promise<ClientsNode[]> {
    let typeIds: string[];
    try {
      typeIds = this.query.deviceType
        ? [this.query.deviceType]
        : (await this.session.rest.listDeviceTypes(this.session.signal)).map((t) => t.id);
    } catch (error) {
      this.loaded = undefined;
      return errorNodes(error, this.owner, `${this.owner.id}/types`, this.session.platformName);
    }
    const wantDevices = this.query.clientType !== 'application' && this.query.clientType !== 'other';
    const groups = wantDevices
      ? typeIds
          .slice(0, MAX_TYPE_GROUPS)
          .map(
            (t) =>
              new TypeGroupNode(
                this.owner,
                this.session,
                `type/${t}`,
                t,
                { ...this.query, deviceType: t },
                'symbol-class',
              ),
          )
      : [];
    if (!this.query.deviceType && (this.query.clientType === undefined || this.query.clientType === 'application')) {
      groups.push(
        new TypeGroupNode(
          this.owner,
          this.session,
          'applications',
          vscode.l10n.t('Applications'),
          { ...this.query, clientType: 'application' },
          'window',
        ),
      );
    }
    let others: TypeGroupNode | undefined;
    if (!this.query.deviceType && (this.query.clientType === undefined || this.query.clientType === 'other')) {
      // Ids not of the platform's form, from an observed broker (platform-contract.md §7.2); left out when empty.
      others = new TypeGroupNode(
        this.owner,
        this.session,
        'other',
        vscode.l10n.t('Other clients'),
        { ...this.query, clientType: 'other' },
        'symbol-string',
      );
      groups.push(others);
    }
    await Promise.all(groups.map((g) => g.list.load()));
    // A platform without §7.2 refuses clientType=other: it has no such clients, so that group is not shown.
    const shown: ClientsNode[] = groups.filter((g) =>
      g.list.failed !== undefined ? g !== others : (g.list.total ?? 1) > 0,
    );
    if (wantDevices && typeIds.length > MAX_TYPE_GROUPS) {
      shown.push(
        new MessageNode(
          `${this.owner.id}/types/more`,
          this.owner,
          vscode.l10n.t(
            '{0} more device types are not shown; turn off grouping by type to see every client.',
            typeIds.length - MAX_TYPE_GROUPS,
          ),
        ),
      );
    }
    if (shown.length === 0) {
      shown.push(new MessageNode(`${this.owner.id}/empty`, this.owner, vscode.l10n.t('No clients')));
    }
    return shown;
  }
}
