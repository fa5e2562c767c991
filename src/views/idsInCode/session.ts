// Ids in code for the active platform: the window's one index of known ids and one set of lookups,
// both started again when the active platform changes (another name, URL or key: its ids mean
// nothing there). Lookups go to the active platform only, with the REST client and token the rest
// of the extension already uses: no workspace, trusted or not, can send them anywhere else.
import * as vscode from 'vscode';
import { orgFromApiKey } from '../../core/ids';
import type { ComponentLog } from '../../platform/log';
import { IdIndex } from '../../features/idsInCode/idIndex';
import { ClientLookups } from '../../features/idsInCode/lookups';
import type { LookupOptions } from '../../features/idsInCode/lookupTypes';
import type { PlatformService } from '../../vscode/platforms/service';

export interface ActiveIds {
  readonly platformName: string;
  readonly orgId?: string;
  readonly lookups: ClientLookups;
}

export class IdsSession implements vscode.Disposable {
  /** Ids known for the active platform; sources add with `index.add(source, ids)`. */
  readonly index = new IdIndex();
  private readonly changed = new vscode.EventEmitter<readonly string[] | undefined>();
  /** Ids whose state changed; undefined: anything may have (another platform, more ids known). */
  readonly onDidChange = this.changed.event;
  private readonly platformChanged = new vscode.EventEmitter<ActiveIds | undefined>();
  /** Another platform became active (or none): the index was cleared. */
  readonly onDidChangePlatform = this.platformChanged.event;
  private current?: ActiveIds & { readonly key: string; readonly subscription: { dispose(): void } };
  private syncing: Promise<void> = Promise.resolve();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly platforms: PlatformService,
    private readonly log: ComponentLog,
    private readonly options: LookupOptions = {},
  ) {
    const added = this.index.on('added', () => this.changed.fire(undefined));
    this.subscriptions = [platforms.onDidChange(() => void this.sync()), this.changed, this.platformChanged, added];
    void this.sync();
  }

  /** The platform's lookups, or undefined while no platform is ready. */
  get active(): ActiveIds | undefined {
    return this.current;
  }

  /** Follows the active platform (one step at a time). */
  sync(): Promise<void> {
    this.syncing = this.syncing.then(() => this.syncOnce()).catch((e: unknown) => this.log.error(String(e)));
    return this.syncing;
  }

  private async syncOnce(): Promise<void> {
    const status = await this.platforms.status();
    const platform = status.kind === 'ready' ? status.platform : undefined;
    const key = platform ? JSON.stringify([platform.name, platform.resolved.apiUrl, platform.resolved.apiKey]) : '';
    if ((this.current?.key ?? '') === key) return;
    this.stop();
    if (!platform) {
      this.platformChanged.fire(undefined);
      this.changed.fire(undefined);
      return;
    }
    const lookups = new ClientLookups(platform.rest, { log: this.log, ...this.options });
    const subscription = lookups.on('changed', (ids) => {
      const found = ids.filter((id) => lookups.peek(id)?.kind === 'found');
      if (found.length > 0) this.index.add('lookups', found);
      this.changed.fire(ids);
    });
    const orgId = platform.resolved.orgId ?? orgFromApiKey(platform.resolved.apiKey);
    this.current = { key, platformName: platform.name, orgId, lookups, subscription };
    this.log.info(`looking up ids in code on ${platform.name}`);
    this.platformChanged.fire(this.current);
    this.changed.fire(undefined);
  }

  private stop(): void {
    const c = this.current;
    this.current = undefined;
    c?.subscription.dispose();
    c?.lookups.dispose();
    this.index.clear();
  }

  dispose(): void {
    this.stop();
    for (const s of this.subscriptions) s.dispose();
  }
}
