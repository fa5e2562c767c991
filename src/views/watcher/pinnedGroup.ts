// "Pinned" at the head of the Clients tree: each pinned client with its live state from the
// watcher (not from a tree refresh), the same actions as any client item, and Unpin inline.
// One group instance lives as long as the tree; it draws the frame the render gives it (the same
// as the status bar's, render.ts), and a new frame fires its subtree only.
import * as vscode from 'vscode';
import type { ClientState } from '../../core/clientState';
import { clientLabel } from '../../core/clientWords';
import { plural } from '../../core/l10n';
import type { PresenceSnapshot } from '../../core/presence/presence';
import { plainText } from '../../core/text';
import { clientNodeId } from '../clients/clientNode';
import { clientContextValue } from '../../features/clients/contextValue';
import type { ClientsNode } from '../clients/node';
import { EMPTY_FRAME, type WatcherFrame } from '../../features/watcher/frame';
import { classify } from '../../features/watcher/tally';
import { clientLine, clientWords } from '../../features/watcher/tooltip';

/** A state record from what the watcher knows, so the tree's client commands accept the node. */
function stateOf(s: PresenceSnapshot): ClientState {
  const d = s.lastDisconnect;
  return {
    id: s.clientId,
    clientType: 'unknown',
    status: s.status,
    ...(s.status === 'connected' && s.since !== undefined ? { lastConnectTime: s.since } : {}),
    ...(d?.time !== undefined ? { lastDisconnectTime: d.time } : {}),
    ...(d?.closeCode !== undefined ? { closeCode: d.closeCode } : {}),
    ...(d?.initiator !== undefined ? { initiator: d.initiator } : {}),
    raw: { id: s.clientId, source: 'pinned-client watcher' },
  };
}

export class PinnedClientNode implements ClientsNode {
  readonly id: string;
  readonly state: ClientState;
  readonly pinnedClientId: string;

  constructor(
    readonly snapshot: PresenceSnapshot,
    readonly parent: ClientsNode,
  ) {
    this.id = clientNodeId(parent.id, snapshot.clientId);
    this.state = stateOf(snapshot);
    this.pinnedClientId = snapshot.clientId;
  }

  getTreeItem(): vscode.TreeItem {
    const now = Date.now();
    const s = this.snapshot;
    const words = clientWords(s, now);
    const item = new vscode.TreeItem(clientLabel(s.clientId));
    item.id = this.id;
    item.description = plainText(words.state, 80);
    const cls = classify(s);
    item.iconPath =
      cls === 'connected'
        ? new vscode.ThemeIcon('vm-running', new vscode.ThemeColor('charts.green'))
        : cls === 'offline'
          ? new vscode.ThemeIcon('debug-disconnect', new vscode.ThemeColor('charts.red'))
          : new vscode.ThemeIcon('question');
    const tooltip = new vscode.MarkdownString(clientLine(s, now), false);
    tooltip.isTrusted = false;
    tooltip.supportHtml = false;
    item.tooltip = tooltip;
    item.accessibilityInformation = {
      label: plainText(
        `${clientLabel(s.clientId)}, pinned: ${words.state}${words.cause ? `; ${words.cause}` : ''}`,
        300,
      ),
    };
    item.contextValue = clientContextValue(this.state, [() => 'pinned']);
    return item;
  }
}

export class PinnedGroupNode implements ClientsNode {
  readonly id = 'pinned';
  /** What the rows show: the last frame drawn. */
  frame: WatcherFrame = EMPTY_FRAME;

  get visible(): boolean {
    return this.frame.tally.total > this.frame.transient.size;
  }

  /** The person's pins: a debug session's clients have a group of their own. */
  private pinned(): readonly PresenceSnapshot[] {
    const { snapshots, transient } = this.frame;
    return transient.size === 0 ? snapshots : snapshots.filter((s) => !transient.has(s.clientId));
  }

  getTreeItem(): vscode.TreeItem {
    const t = { total: 0, connected: 0, offline: 0 };
    for (const s of this.pinned()) {
      t.total++;
      const cls = classify(s);
      if (cls === 'connected') t.connected++;
      else if (cls === 'offline') t.offline++;
    }
    const item = new vscode.TreeItem(vscode.l10n.t('Pinned ({0})', t.total), vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('pinned');
    const link = this.frame.connection.state;
    item.description =
      link === 'connected'
        ? t.offline > 0
          ? vscode.l10n.t('{0} offline', t.offline)
          : plural(
              t.connected,
              vscode.l10n.t({ message: '{0} connected', args: [t.connected], comment: ['pinned clients, one'] }),
              vscode.l10n.t('{0} connected', t.connected),
            )
        : link === 'rejected' || link === 'unavailable' || link === 'closed'
          ? vscode.l10n.t('not watching')
          : vscode.l10n.t('watcher reconnecting');
    item.contextValue = 'group;pinned';
    return item;
  }

  getChildren(): ClientsNode[] {
    return this.pinned().map((s) => new PinnedClientNode(s, this));
  }
}
