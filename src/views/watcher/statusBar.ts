// The one status-bar item of the watcher: its text, colours and words follow every change at
// once (statusModel is O(1)); the tooltip — a list of every pinned client — is rebuilt at most a
// few times a second. Click: the list of pinned clients.
import * as vscode from 'vscode';
import type { WatcherService } from './service';
import { statusModel } from '../../features/watcher/statusModel';
import { tooltipMarkdown } from '../../features/watcher/tooltip';

export const STATUS_ITEM_ID = 'watcher';
const TOOLTIP_DELAY_MS = 300;

export class WatcherStatusBar implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  private tooltipTimer?: ReturnType<typeof setTimeout>;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly service: WatcherService,
    command: string,
  ) {
    this.item = vscode.window.createStatusBarItem(STATUS_ITEM_ID, vscode.StatusBarAlignment.Left, 10);
    this.item.name = vscode.l10n.t('IoT Connectivity: Pinned Clients');
    this.item.command = { command, title: vscode.l10n.t('Show Pinned Clients') };
    this.subscription = service.onDidChange(() => this.update());
    this.update();
    this.renderTooltip();
  }

  update(): void {
    const { service } = this;
    const model = statusModel({
      connection: service.connection,
      tally: service.tally,
      problems: service.problems.length,
    });
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
    const { service } = this;
    const tooltip = new vscode.MarkdownString(
      tooltipMarkdown({
        platformName: service.platform?.name,
        connection: service.connection,
        clients: service.snapshots(),
        problems: service.problems,
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
    this.subscription.dispose();
    this.item.dispose();
  }
}
