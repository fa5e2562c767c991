// While the Clients view is visible and its platform observes a broker (platform-contract.md §7.2), config/source is
// read every few seconds: when what stops the server from hearing the broker, what the broker is not set up to tell,
// or the cluster's nodes change, the tree refreshes, so the source row says so without a click. Nothing is read for
// the sandbox or a platform that does not say, nor while the view is hidden.
import type * as vscode from 'vscode';
import { sourceModel, sourceSignature } from '../../features/clients/source';
import type { PlatformService } from '../../vscode/platforms/service';
import type { Refreshable } from './autoRefresh';

export const SOURCE_POLL_MS = 5000;

export interface SourceShown {
  /** The signature of the source row shown; undefined when there is none. */
  readonly shownSource: string | undefined;
}

export class SourceWatch implements vscode.Disposable {
  private readonly timer: NodeJS.Timeout;
  private reading = false;

  constructor(
    private readonly view: Pick<vscode.TreeView<unknown>, 'visible'>,
    private readonly tree: Refreshable & SourceShown,
    private readonly platforms: PlatformService,
    intervalMs = SOURCE_POLL_MS,
  ) {
    this.timer = setInterval(() => void this.tick(), intervalMs);
  }

  private async tick(): Promise<void> {
    const shown = this.tree.shownSource;
    if (this.reading || shown === undefined || !this.view.visible) return;
    this.reading = true;
    try {
      const status = await this.platforms.status();
      if (status.kind !== 'ready') return;
      const info = await status.platform.rest.getSource();
      if (sourceSignature(sourceModel(info)) !== shown) this.tree.scheduleRefresh();
    } catch {
      // The tree's own refresh says what is wrong with the platform; nothing to add here.
    } finally {
      this.reading = false;
    }
  }

  dispose(): void {
    clearInterval(this.timer);
  }
}
