// The open timelines: one panel per client, revealed when asked again; restored ones (after a
// window reload) join the same registry.

import * as vscode from 'vscode';
import { TIMELINE_VIEW_TYPE } from '../../shared/protocol';
import { TimelinePanel, webviewOptions, type PanelDeps } from './panel';
import { subjectOf, type ParsedSubject } from '../../features/timeline/subject';

export class TimelinePanels implements vscode.Disposable {
  private readonly open = new Map<string, TimelinePanel>();

  constructor(private readonly deps: PanelDeps) {}

  /** Opens the client's timeline, or reveals it when it is open already. */
  show(clientId: string): TimelinePanel {
    const existing = this.open.get(clientId);
    if (existing) {
      existing.reveal();
      return existing;
    }
    const parsed = subjectOf(clientId);
    const panel = vscode.window.createWebviewPanel(
      TIMELINE_VIEW_TYPE,
      vscode.l10n.t('Timeline: {0}', parsed.subject.name),
      vscode.ViewColumn.Active,
      webviewOptions(this.deps.extensionUri),
    );
    return this.adopt(panel, parsed);
  }

  /** A panel VS Code brought back after a reload (WebviewPanelSerializer). */
  restore(panel: vscode.WebviewPanel, clientId: string): TimelinePanel {
    const existing = this.open.get(clientId);
    if (existing) {
      // Two restored panels of one client: keep one.
      panel.dispose();
      return existing;
    }
    return this.adopt(panel, subjectOf(clientId));
  }

  /** The debug sessions' pauses every timeline marks. */
  get pauses(): PanelDeps['pauses'] {
    return this.deps.pauses;
  }

  get(clientId: string): TimelinePanel | undefined {
    return this.open.get(clientId);
  }

  /** The client of the focused timeline panel, if one is focused (for commands in its title bar). */
  activeClientId(): string | undefined {
    for (const [clientId, p] of this.open) if (p.panel.active) return clientId;
    return undefined;
  }

  dispose(): void {
    for (const p of [...this.open.values()]) p.dispose();
    this.open.clear();
  }

  private adopt(panel: vscode.WebviewPanel, parsed: ParsedSubject): TimelinePanel {
    const { clientId } = parsed.subject;
    const timeline = new TimelinePanel(panel, parsed, this.deps, () => {
      if (this.open.get(clientId) === timeline) this.open.delete(clientId);
    });
    this.open.set(clientId, timeline);
    return timeline;
  }
}
