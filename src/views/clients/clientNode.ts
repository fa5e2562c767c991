// One client: its id as the label (device or app id, or any other id as it is, made safe and short;
// the full id stays on the node for actions), type (or cluster node) and relative time as the
// description, an icon whose shape and
// colour match the words, and the record explained in an untrusted tooltip.
import * as vscode from 'vscode';
import type { ClientState } from '../../core/clientState';
import { clientLabel, stateHeadline } from '../../core/clientWords';
import { isDeviceLike, parseClientId } from '../../core/ids';
import { hashText, plainText } from '../../core/text';
import { formatRelative } from '../../core/timeWords';
import { clientContextValue, THIS_WINDOW, type CapabilityProvider } from '../../features/clients/contextValue';
import type { ClientsNode } from './node';
import { tooltipMarkdown } from '../../features/clients/tooltip';

/** A tree id for a client under `parentId`: long ids are hashed (with their length) to stay small. */
export function clientNodeId(parentId: string, clientId: string): string {
  return `${parentId}/${clientId.length <= 200 ? clientId : `#${hashText(clientId)}:${clientId.length}`}`;
}

function typeWords(state: ClientState): string {
  const id = parseClientId(state.id);
  if (id && isDeviceLike(id)) return id.kind === 'gateway' ? vscode.l10n.t('{0} (gateway)', id.typeId) : id.typeId;
  // An id of another form from an observed broker (platform-contract.md §7.2): its cluster node says more.
  if (state.clientType === 'other') {
    return state.node !== undefined ? plainText(state.node, 40) : vscode.l10n.t('other');
  }
  return state.clientType === 'application' ? vscode.l10n.t('application') : plainText(state.clientType, 30);
}

/** A record carried over the observing server's restart may be stale (platform-contract.md §7.2). */
function carriedWords(state: ClientState): string {
  return state.observed === 'carried' ? ` · ${vscode.l10n.t('last known, may be stale')}` : '';
}

function timeWords(state: ClientState, now: number): string {
  switch (state.status) {
    case 'connected':
      return vscode.l10n.t('active {0}', formatRelative(state.lastActivityTime ?? state.lastConnectTime, now));
    case 'disconnected':
      return vscode.l10n.t('disconnected {0}', formatRelative(state.lastDisconnectTime, now));
    default:
      return vscode.l10n.t('status unknown');
  }
}

function icon(state: ClientState): vscode.ThemeIcon {
  if (state.status === 'connected') return new vscode.ThemeIcon('vm-running', new vscode.ThemeColor('charts.green'));
  if (state.status === 'unknown') return new vscode.ThemeIcon('question');
  // A clean disconnect (code 0) is not a failure: a hollow, neutral icon; the rest a red slash.
  const clean = state.closeCode === 0 || (state.closeCode === undefined && state.initiator === 'client');
  return clean
    ? new vscode.ThemeIcon('vm-outline', new vscode.ThemeColor('disabledForeground'))
    : new vscode.ThemeIcon('debug-disconnect', new vscode.ThemeColor('charts.red'));
}

export class ClientNode implements ClientsNode {
  readonly id: string;

  constructor(
    readonly state: ClientState,
    readonly parent: ClientsNode,
    private readonly now: number,
    private readonly capabilities: readonly CapabilityProvider[],
  ) {
    this.id = clientNodeId(parent.id, state.id);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(clientLabel(this.state.id));
    item.id = this.id;
    const contextValue = clientContextValue(this.state, this.capabilities);
    const own = contextValue.split(';').includes(THIS_WINDOW) ? ` · ${vscode.l10n.t("this window's monitor")}` : '';
    item.description = `${typeWords(this.state)}${own} · ${timeWords(this.state, this.now)}${carriedWords(this.state)}`;
    item.iconPath = icon(this.state);
    const tooltip = new vscode.MarkdownString(tooltipMarkdown(this.state, this.now), false);
    tooltip.isTrusted = false;
    tooltip.supportHtml = false;
    item.tooltip = tooltip;
    item.accessibilityInformation = { label: plainText(stateHeadline(this.state, this.now), 200) };
    item.contextValue = contextValue;
    return item;
  }
}
