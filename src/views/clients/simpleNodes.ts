// Leaves that are not clients: a message, an error, an action to take, and "Load more…".
import * as vscode from 'vscode';
import { plainText } from '../../core/text';
import type { ClientsNode } from './node';

export class MessageNode implements ClientsNode {
  constructor(
    readonly id: string,
    readonly parent: ClientsNode | undefined,
    private readonly text: string,
    private readonly icon = 'info',
  ) {}
  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.text);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(this.icon);
    item.contextValue = 'message';
    return item;
  }
}

export class ErrorNode implements ClientsNode {
  /** `summary`: a few words that fit the side bar; the message follows as the description. */
  constructor(
    readonly id: string,
    readonly parent: ClientsNode | undefined,
    readonly message: string,
    private readonly detail?: string,
    private readonly summary?: string,
  ) {}
  getTreeItem(): vscode.TreeItem {
    const message = plainText(this.message, 200);
    const item = new vscode.TreeItem(this.summary ?? message);
    item.id = this.id;
    if (this.summary) item.description = message;
    // Colour and the word "error" in the accessible label: never colour alone.
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
    item.tooltip = plainText(this.detail ? `${this.message}\n${this.detail}` : this.message, 2000);
    item.accessibilityInformation = { label: vscode.l10n.t('Error: {0}', message) };
    item.contextValue = 'error';
    return item;
  }
}

export class ActionNode implements ClientsNode {
  constructor(
    readonly id: string,
    readonly parent: ClientsNode | undefined,
    private readonly label: string,
    private readonly icon: string,
    readonly command: vscode.Command,
  ) {}
  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(this.icon);
    item.command = this.command;
    item.tooltip = this.command.tooltip ?? this.label;
    item.contextValue = 'action';
    return item;
  }
}

/** Carries its list's cursor: clicking it loads the next page into the same parent. */
export class LoadMoreNode implements ClientsNode {
  constructor(
    readonly id: string,
    readonly parent: ClientsNode,
    private readonly shown: number,
    private readonly total: number | undefined,
    readonly load: () => Promise<void>,
  ) {}
  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Load more…'));
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('more');
    item.description =
      this.total !== undefined
        ? vscode.l10n.t('{0} of {1} shown', this.shown, this.total)
        : vscode.l10n.t('{0} shown', this.shown);
    item.command = { command: 'iotConnectivity.loadMore', title: vscode.l10n.t('Load more…'), arguments: [this] };
    item.contextValue = 'loadMore';
    return item;
  }
}
