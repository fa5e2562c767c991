// What a generation of the tree would show, as one string: every root's row and the rows of the
// pages its groups have loaded. Two equal signatures draw the same tree, so a refresh that finds
// nothing new (an auto-refresh of a quiet fleet, the second of the refreshes a platform save
// triggers) need not tell VS Code: told, it drops the rows shown, their hovers, and the commands
// a click on them is about to run ("Actual command not found").
import type * as vscode from 'vscode';
import type { ClientsNode } from './node';

/** A node whose children are known without a request (a status group's loaded pages). */
export interface LoadedChildren {
  loadedChildren(): readonly ClientsNode[] | undefined;
}

function hasLoadedChildren(node: ClientsNode): node is ClientsNode & LoadedChildren {
  return typeof (node as Partial<LoadedChildren>).loadedChildren === 'function';
}

function row(item: vscode.TreeItem): unknown[] {
  const tooltip = typeof item.tooltip === 'string' ? item.tooltip : item.tooltip?.value;
  const icon =
    item.iconPath && typeof item.iconPath === 'object' && 'id' in item.iconPath ? item.iconPath.id : undefined;
  return [item.id, item.label, item.description, item.contextValue, item.collapsibleState, tooltip, icon];
}

/** undefined when some loaded subtree cannot be read without a request: compare nothing then. */
export function rowsSignature(roots: readonly ClientsNode[]): string | undefined {
  const rows: unknown[] = [];
  for (const root of roots) {
    rows.push(row(root.getTreeItem()));
    if (!hasLoadedChildren(root)) continue;
    const children = root.loadedChildren();
    if (children === undefined) return undefined;
    for (const child of children) rows.push(row(child.getTreeItem()));
  }
  return JSON.stringify(rows);
}
