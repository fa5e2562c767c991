// Tree nodes are plain models: an id, a TreeItem, children. The session is what one refresh of
// the tree works with; a newer refresh cancels it (its signal) and starts another.
import type * as vscode from 'vscode';
import type { ClientState } from '../../core/clientState';
import type { StateQuery } from '../../core/query';
import type { PlatformRestClient } from '../../platform/rest/client';
import type { StateSort } from '../../platform/rest/states';
import type { CapabilityProvider } from '../../features/clients/contextValue';

export interface ClientsNode {
  readonly id: string;
  readonly parent?: ClientsNode;
  getTreeItem(): vscode.TreeItem;
  /** Never rejects: failures become error items. */
  getChildren?(): Promise<ClientsNode[]> | ClientsNode[];
}

export interface TreeSession {
  readonly rest: PlatformRestClient;
  readonly platformName: string;
  readonly query: StateQuery;
  readonly sort: readonly StateSort[];
  readonly pageSize: number;
  readonly groupByType: boolean;
  readonly signal: AbortSignal;
  readonly capabilities: readonly CapabilityProvider[];
  /** The node's subtree changed. */
  changed(node: ClientsNode): void;
  /** Records of a page just read (for other features: the ids the tree learnt, their state). */
  loaded(records: readonly ClientState[]): void;
}

export function isClientStateNode(node: unknown): node is ClientsNode & { readonly state: ClientState } {
  return (
    typeof node === 'object' &&
    node !== null &&
    'state' in node &&
    typeof (node as { state?: { id?: unknown } }).state?.id === 'string'
  );
}

/**
 * The client a command is about: a tree item's node, a state record (from "Show Client…"), or
 * nothing (the palette; these commands are hidden there).
 */
export function clientStateOf(arg: unknown): ClientState | undefined {
  if (isClientStateNode(arg)) return arg.state;
  if (
    typeof arg === 'object' &&
    arg !== null &&
    typeof (arg as ClientState).id === 'string' &&
    typeof (arg as ClientState).raw === 'object'
  ) {
    return arg as ClientState;
  }
  return undefined;
}
