// The debug sessions' status-bar item: the most urgent client of the sessions with its state —
// "drops in 12 s" counted each second while its program is paused, "held", or "dropped while
// paused" — in warning colours in the last 10 s. Hidden while no session has clients.
import * as vscode from 'vscode';
import { clientLabel } from '../../core/clientWords';
import { escapeMarkdown } from '../../core/markdown';
import type { FamilyRow } from '../../features/debug/rows';
import { debugStatus } from '../../features/debug/statusModel';
import { pauseWords, words } from '../../features/debug/words';
import { statusBarSafe } from '../../features/watcher/statusText';
import { t } from './text';

export const DEBUG_STATUS_ITEM_ID = 'debug';

export class DebugStatusBar implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;

  constructor(command: string) {
    this.item = vscode.window.createStatusBarItem(DEBUG_STATUS_ITEM_ID, vscode.StatusBarAlignment.Left, 9);
    this.item.name = vscode.l10n.t('IoT Connectivity: Debug Session Clients');
    this.item.command = { command, title: vscode.l10n.t('Show Clients') };
  }

  update(families: readonly FamilyRow[]): void {
    const s = debugStatus(families);
    if (!s) return this.item.hide();
    const label = statusBarSafe(clientLabel(s.clientId), 30);
    const more = s.others > 0 ? ` +${s.others}` : '';
    this.item.text = `$(${s.icon}) ${label} ${t(s.state)}${more}`;
    this.item.backgroundColor = s.background
      ? new vscode.ThemeColor(`statusBarItem.${s.background}Background`)
      : undefined;
    this.item.accessibilityInformation = {
      label: vscode.l10n.t('IoT Connectivity, debug session client {0}: {1}', label, t(s.state)),
    };
    const lines = families.flatMap((f) => [
      `**${escapeMarkdown(f.name, 80)}**`,
      ...f.clients.map((c) => {
        const state = c.pause
          ? pauseWords(c.pause.countdown, c.connected)
          : words(c.connected ? 'connected' : 'disconnected');
        const how = c.how === 'pid' && c.pid !== undefined ? t(words('byProcess', c.pid)) : t(words('guess'));
        return `- ${escapeMarkdown(c.clientId, 120)}: ${t(state)} (${how})`;
      }),
    ]);
    const tooltip = new vscode.MarkdownString(lines.join('\n'), false);
    tooltip.isTrusted = false;
    tooltip.supportHtml = false;
    this.item.tooltip = tooltip;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
