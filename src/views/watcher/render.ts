// The watcher on screen: every change of the live model schedules one render, which takes one
// frame (features/watcher/frame) and draws the status-bar item, the "Pinned" rows and the Clients
// view's badge from it in the same tick, so they never disagree for longer than one render. A
// lone change is drawn at once; a storm of them at most once per FRAME_MS.
import * as vscode from 'vscode';
import { takeFrame, type WatcherFrame } from '../../features/watcher/frame';
import type { ClientsNode } from '../clients/node';
import type { ClientsTreeProvider } from '../clients/provider';
import type { PinnedGroupNode } from './pinnedGroup';
import type { WatcherService } from './service';
import type { WatcherStatusBar } from './statusBar';

const FRAME_MS = 100;

export interface RenderTargets {
  readonly statusBar: WatcherStatusBar;
  readonly group: PinnedGroupNode;
  readonly provider: Pick<ClientsTreeProvider, 'nodeChanged' | 'scheduleRefresh'>;
  readonly view: Pick<vscode.TreeView<ClientsNode>, 'badge'>;
}

function badgeOf(frame: WatcherFrame): vscode.ViewBadge | undefined {
  const n = frame.offlineShown;
  if (n === 0) return undefined;
  return {
    value: n,
    tooltip: n === 1 ? vscode.l10n.t('1 pinned client offline') : vscode.l10n.t('{0} pinned clients offline', n),
  };
}

export class WatcherRender implements vscode.Disposable {
  private readonly renderedEmitter = new vscode.EventEmitter<WatcherFrame>();
  /** After each render, with the frame every part now shows. */
  readonly onDidRender = this.renderedEmitter.event;
  private timer?: ReturnType<typeof setTimeout>;
  private last = 0;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly service: WatcherService,
    private readonly targets: RenderTargets,
  ) {
    this.subscription = service.onDidChange(() => this.schedule());
    this.render();
  }

  private schedule(): void {
    if (this.timer !== undefined) return;
    const wait = Math.max(0, this.last + FRAME_MS - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.render();
    }, wait);
  }

  private render(): void {
    this.last = Date.now();
    const { statusBar, group, provider, view } = this.targets;
    const frame = takeFrame(this.service);
    const wasVisible = group.visible;
    group.frame = frame;
    statusBar.update(frame);
    const badge = badgeOf(frame);
    if (badge?.value !== view.badge?.value) view.badge = badge;
    // Only its subtree, unless the group comes or goes (a debug session's clients are not in it).
    if (wasVisible !== group.visible) provider.scheduleRefresh();
    else if (group.visible) provider.nodeChanged(group);
    this.renderedEmitter.fire(frame);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subscription.dispose();
    this.renderedEmitter.dispose();
  }
}
