// Automatic refresh (`iotConnectivity.autoRefreshSeconds`, 0 = off): only while the view is
// visible. Becoming visible after a longer absence refreshes at once (debounced by the tree).
import type * as vscode from 'vscode';
import { onSettingsChanged, settings } from '../../vscode/settings';
import { Setting } from '../../vscode/settingKeys';
import { DisposableStore } from '../../platform/events';

export interface Refreshable {
  scheduleRefresh(delayMs?: number): void;
}

export class AutoRefresh implements vscode.Disposable {
  private timer?: NodeJS.Timeout;
  private lastTick = Date.now();
  private readonly subscriptions = new DisposableStore();

  constructor(
    private readonly view: vscode.TreeView<unknown>,
    private readonly tree: Refreshable,
  ) {
    this.subscriptions.push(
      view.onDidChangeVisibility(() => this.update(true)),
      onSettingsChanged([Setting.autoRefreshSeconds], () => this.update(false)),
    );
    this.update(false);
  }

  private update(visibilityChanged: boolean): void {
    clearInterval(this.timer);
    this.timer = undefined;
    const seconds = settings.autoRefreshSeconds();
    if (seconds === 0 || !this.view.visible) return;
    if (visibilityChanged && Date.now() - this.lastTick >= seconds * 1000) this.tick();
    this.timer = setInterval(() => this.tick(), seconds * 1000);
  }

  private tick(): void {
    this.lastTick = Date.now();
    this.tree.scheduleRefresh();
  }

  dispose(): void {
    clearInterval(this.timer);
    this.subscriptions.dispose();
  }
}
