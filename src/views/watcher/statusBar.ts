// The one status-bar item of the watcher: its text, colours and words are drawn from the frame
// the render hands it (render.ts), the same frame as the "Pinned" rows; the tooltip — a list of
// every pinned client — is rebuilt at most a few times a second. Click: the list of pinned clients.
import * as vscode from 'vscode';
import type { WatcherFrame } from '../../features/watcher/frame';
import { statusModel } from '../../features/watcher/statusModel';
import { tooltipMarkdown } from '../../features/watcher/tooltip';

export const STATUS_ITEM_ID = 'watcher';
const TOOLTIP_DELAY_MS = 300;

export class WatcherStatusBar implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  private tooltipTimer?: ReturnType<typeof setTimeout>;
  private frame?: WatcherFrame;

  constructor(command: string) {
    this.item = vscode.window.createStatusBarItem(STATUS_ITEM_ID, vscode.StatusBarAlignment.Left, 10);
    this.item.name = vscode.l10n.t('IoT Connectivity: Pinned Clients');
    this.item.command = { command, title: vscode.l10n.t('Show Pinned Clients') };
  }

  update(frame: WatcherFrame): void {
    this.frame = frame;
    const model = statusModel({ connection: frame.connection, tally: frame.tally, problems: frame.problems.length });
    if (model.kind === 'hidden') return this.item.hide();
    this.item.text = model.text;
    this.item.accessibilityInformation = { label: model.accessibility };
    this.item.backgroundColor = model.background
      ? new vscode.ThemeColor(`statusBarItem.${model.background}Background`)
      : undefined;
    this.item.show();
    this.tooltipTimer ??= setTimeout(() => this.renderTooltip(), TOOLTIP_DELAY_MS);
  }

  private renderTooltip(): void {
    this.tooltipTimer = undefined;
    const frame = this.frame;
    if (!frame) return;
    const tooltip = new vscode.MarkdownString(
      tooltipMarkdown({
        platformName: frame.platformName,
        connection: frame.connection,
        clients: frame.snapshots,
        problems: frame.problems,
        now: Date.now(),
      }),
      false,
    );
    tooltip.isTrusted = false;
    tooltip.supportHtml = false;
    this.item.tooltip = tooltip;
  }

  dispose(): void {
    clearTimeout(this.tooltipTimer);
    this.item.dispose();
  }
}
