// One timeline panel: a webview for one client, the loader that fills it, and the live feed while
// it is open. The webview speaks first (`ready`); until then, and while the panel is hidden (its
// page is unloaded: no retainContextWhenHidden), nothing is posted; each `ready` gets the whole
// current snapshot, so a page reloaded after hiding, or restored after a window reload, is whole.

import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import {
  assertNever,
  PROTOCOL_VERSION,
  readFromView,
  snapshotMessage,
  type ExportFormat,
  type FromView,
  type TimelineSnapshot,
  type ToView,
} from '../../shared/protocol';
import type { ComponentLog } from '../../platform/log';
import type { PlatformService } from '../../vscode/platforms/service';
import { entryToText } from '../../features/timeline/exportFormat';
import { exportEvents, writeEvents } from './exportFile';
import { makeNonce, timelineHtml } from '../../features/timeline/html';
import type { LiveFeed } from './liveFeed';
import type { TimelinePauses } from './pauses';
import { TimelineLoader } from '../../features/timeline/loader';
import { interruptionNotice } from '../../features/timeline/notices';
import { messageOf } from '../../core/errors';
import { plainText } from '../../core/text';
import type { ParsedSubject } from '../../features/timeline/subject';
import { DisposableStore } from '../../platform/events';

export interface PanelDeps {
  readonly extensionUri: vscode.Uri;
  readonly log: ComponentLog;
  readonly platforms: PlatformService;
  readonly live: LiveFeed;
  readonly pauses: TimelinePauses;
  /** Wraps a webview message handler: failures are logged and shown, never thrown. */
  readonly safely: (name: string, fn: () => Promise<unknown>) => Promise<unknown>;
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [
      vscode.Uri.joinPath(extensionUri, 'dist', 'webview'),
      vscode.Uri.joinPath(extensionUri, 'media'),
    ],
  };
}

export class TimelinePanel implements vscode.Disposable {
  private loader: TimelineLoader;
  private ready = false;
  private pending?: ReturnType<typeof setTimeout>;
  private liveSubscription?: vscode.Disposable;
  private readonly subscriptions = new DisposableStore();
  private readonly opened = Date.now();
  private firstDrawLogged = false;
  private disposed = false;

  readonly clientId: string;

  constructor(
    readonly panel: vscode.WebviewPanel,
    /** Read once, when the panel opened. */
    private readonly parsed: ParsedSubject,
    private readonly deps: PanelDeps,
    private readonly onDispose: () => void,
  ) {
    const { subject } = parsed;
    this.clientId = subject.clientId;
    this.loader = new TimelineLoader(
      parsed,
      { getClientState: () => this.noPlatform(), getConnectionLog: () => this.noPlatform() },
      () => this.schedule(),
    );
    panel.title = vscode.l10n.t('Timeline: {0}', subject.name);
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'timeline', 'timeline.svg');
    panel.webview.options = webviewOptions(deps.extensionUri);
    panel.webview.html = this.html();
    this.subscriptions.push(
      panel.webview.onDidReceiveMessage((m: unknown) => this.receive(m)),
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.ready = false;
      }),
      panel.onDidDispose(() => this.dispose()),
      deps.pauses.onDidChange(() => this.schedule()),
    );
    void this.load();
  }

  reveal(): void {
    this.panel.reveal();
  }

  /** What the panel shows now (the same snapshot the page gets). */
  snapshot(): TimelineSnapshot {
    return { ...this.loader.snapshot(), pauses: this.deps.pauses.get() };
  }

  /** Writes the events to `target`, or to a file the person picks; the file, or undefined when cancelled. */
  async exportTo(format: ExportFormat, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const events = this.loader.events();
    if (!target) return exportEvents(this.loader.subject, events, format);
    await writeEvents(target, this.loader.subject, events, format);
    return target;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.pending);
    this.loader.dispose();
    this.liveSubscription?.dispose();
    this.subscriptions.dispose();
    this.panel.dispose();
    this.onDispose();
  }

  private html(): string {
    const webview = this.panel.webview;
    const uri = (...path: string[]) =>
      webview.asWebviewUri(vscode.Uri.joinPath(this.deps.extensionUri, ...path)).toString();
    return timelineHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce(randomBytes),
      scriptUri: uri('dist', 'webview', 'timeline.js'),
      styleUri: uri('media', 'timeline', 'timeline.css'),
      language: vscode.env.language,
      bundle: vscode.l10n.bundle,
    });
  }

  private noPlatform(): never {
    throw new Error(vscode.l10n.t('No platform is connected.'));
  }

  /** Reads everything (again) from the active platform. */
  private async load(): Promise<void> {
    this.loader.dispose();
    this.liveSubscription?.dispose();
    const status = await this.deps.platforms.status();
    if (this.disposed) return;
    const { subject } = this.parsed;
    if (status.kind !== 'ready') {
      this.loader = new TimelineLoader(
        this.parsed,
        { getClientState: () => this.noPlatform(), getConnectionLog: () => this.noPlatform() },
        () => this.schedule(),
      );
      const message =
        status.kind === 'problem'
          ? status.message
          : vscode.l10n.t('No platform is connected: run "Connect to Platform…", then Reload.');
      this.loader.setNotice({ id: 'platform', level: 'error', kind: 'noPlatform', message }, 'platform');
      return;
    }
    const loader = (this.loader = new TimelineLoader(this.parsed, status.platform.rest, () => this.schedule()));
    this.liveSubscription = this.deps.live.watch(status.platform, {
      clientId: this.clientId,
      message: (message, receivedAt) => loader.addMonitor(message, receivedAt),
      status: (s) => {
        loader.live = s.live;
        loader.setNotice(s.live ? undefined : { id: 'live', level: 'info', kind: 'liveDown', why: s.why }, 'live');
      },
      interrupted: (offlineMs) => void this.catchUp(loader, offlineMs),
    });
    const started = Date.now();
    await loader.start();
    this.deps.log.info(
      `${subject.kind} ${subject.name}: read ${loader.events().length} events in ${Date.now() - started} ms`,
    );
  }

  /** The live feed was down and is back: says so, and reads what it missed. */
  private async catchUp(loader: TimelineLoader, offlineMs: number): Promise<void> {
    const { hasLog } = loader.subject;
    loader.setNotice(interruptionNotice(offlineMs, hasLog, hasLog ? undefined : false), 'gap');
    const read = await loader.catchUp();
    if (hasLog && loader === this.loader && !this.disposed) {
      loader.setNotice(interruptionNotice(offlineMs, hasLog, read), 'gap');
    }
    this.deps.log.info(
      `${loader.subject.name}: live updates were down for ${offlineMs} ms; caught up${read ? ' from the log' : ''}`,
    );
  }

  private schedule(): void {
    if (this.pending !== undefined || this.disposed) return;
    // Changes that come together (a page and its progress) go in one message.
    this.pending = setTimeout(() => {
      this.pending = undefined;
      this.postSnapshot();
    }, 0);
  }

  private postSnapshot(): void {
    if (!this.ready || this.disposed) return;
    const snapshot = this.snapshot();
    // Events in columns: any number of them crosses to the page cheaply (shared/eventColumns.ts).
    void this.post(snapshotMessage(snapshot));
    if (!this.firstDrawLogged && (snapshot.progress?.pages ?? 0) > 0) {
      this.firstDrawLogged = true;
      this.deps.log.info(
        `${snapshot.subject.name}: first log page posted ${Date.now() - this.opened} ms after the panel opened`,
      );
    }
  }

  private post(message: ToView): Thenable<boolean> {
    return this.panel.webview.postMessage(message);
  }

  private receive(value: unknown): void {
    const message = readFromView(value);
    if (!message) {
      this.deps.log.warn('ignored a message from the timeline page that is not of the protocol');
      return;
    }
    void this.deps.safely(`timeline ${message.type}`, () => this.handle(message));
  }

  private async handle(message: FromView): Promise<void> {
    switch (message.type) {
      case 'ready':
        if (message.version !== PROTOCOL_VERSION) {
          this.deps.log.warn(`timeline page of protocol ${message.version}, host of ${PROTOCOL_VERSION}`);
        }
        this.ready = true;
        this.postSnapshot();
        return;
      case 'stopLoading':
        this.loader.stop();
        return;
      case 'resumeLoading':
        await this.loader.resume();
        return;
      case 'reload':
        await this.load();
        return;
      case 'export':
        await this.reply(message.requestId, () => this.exportAs(message.format));
        return;
      case 'copyEntry':
        await this.reply(message.requestId, async () => {
          const event = this.loader.events().find((e) => e.key === message.key);
          if (!event) throw new Error(vscode.l10n.t('That entry is no longer in the timeline.'));
          await vscode.env.clipboard.writeText(entryToText(event));
          return vscode.l10n.t('Copied the entry to the clipboard.');
        });
        return;
      default:
        assertNever(message);
    }
  }

  private async exportAs(format: ExportFormat): Promise<string> {
    const count = this.loader.events().length;
    const saved = await this.exportTo(format);
    return saved === undefined
      ? vscode.l10n.t('Export cancelled.')
      : vscode.l10n.t('Saved {0} events to {1}.', count, saved.fsPath);
  }

  /** Runs a request of the page and answers it, failure included (the page shows the answer). */
  private async reply(requestId: number, fn: () => Promise<string>): Promise<void> {
    try {
      await this.post({ type: 'reply', requestId, ok: true, message: await fn() });
    } catch (error) {
      await this.post({ type: 'reply', requestId, ok: false, message: plainText(messageOf(error), 300) });
      throw error;
    }
  }
}
