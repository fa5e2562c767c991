// The Clients tree: roots from the active platform's state, a session per refresh whose one
// CancellationTokenSource is cancelled when its rows are replaced (or a newer refresh supersedes
// it) and on dispose, change events for the subtree that changed, and automatic refreshes
// debounced. A refresh loads the new roots first and only then tells VS Code: told that the tree
// changed, VS Code forgets the rows it shows until it has fetched the new ones, and a context-menu
// command chosen on a forgotten row gets no node (it asked for a client instead of using the row).
// A refresh whose rows would draw the same as those shown (rowsSignature) tells VS Code nothing.
import * as vscode from 'vscode';
import type { ClientState, ConnectionStatus } from '../../core/clientState';
import { CONNECTION_STATUSES, type StateQuery } from '../../core/query';
import type { StateSort } from '../../platform/rest/states';
import { signalOf } from '../../vscode/cancellation';
import { ContextKey, type PlatformState } from '../../vscode/contextKeys';
import type { ComponentLog } from '../../platform/log';
import type { PlatformService } from '../../vscode/platforms/service';
import { onSettingsChanged, settings } from '../../vscode/settings';
import { Setting, SORT_ORDERS } from '../../vscode/settingKeys';
import type { CapabilityProvider } from '../../features/clients/contextValue';
import { errorNodes, problemNodes } from './errorNodes';
import type { ClientsNode, TreeSession } from './node';
import type { QueryState } from './queryState';
import { rowsSignature } from './rowsSignature';
import { sentQuery } from '../../features/query/sentQuery';
import { StatusGroupNode } from './statusGroup';
import { SourceHeads } from './sourceNode';
import { sourceSignature } from '../../features/clients/source';
import { messageOf } from '../../core/errors';
import { DisposableStore } from '../../platform/events';

export interface TreeSummary {
  readonly state: PlatformState;
  readonly platformName?: string;
  readonly query: StateQuery;
  /** Clients matching the query, from the API's totals. */
  readonly total?: number;
}

export interface LoadedRecords {
  readonly platformName: string;
  readonly records: readonly ClientState[];
}

const DEBOUNCE_MS = 250;

/** A root another feature puts at the head of the tree (e.g. "Pinned"), for the platform shown. */
export type HeadProvider = (platformName: string) => ClientsNode | undefined;

export class ClientsTreeProvider implements vscode.TreeDataProvider<ClientsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ClientsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly loaded = new vscode.EventEmitter<TreeSummary>();
  /** After each refresh's roots are ready. */
  readonly onDidLoad = this.loaded.event;
  private readonly records = new vscode.EventEmitter<LoadedRecords>();
  /** Each page of clients the tree read, with the platform it came from. */
  readonly onDidLoadClients = this.records.event;
  /** The roots shown, and the session their nodes load with. */
  private shown?: Generation;
  /** A refresh's roots while they load: shown, and VS Code told, once loaded. */
  private next?: Generation;
  private timer?: NodeJS.Timeout;
  private readonly capabilities: CapabilityProvider[] = [];
  private readonly heads: HeadProvider[] = [];
  /** The source row's signature on the last load, when the platform observes a broker (sourceWatch.ts). */
  private sourceShown?: string;
  private readonly sources = new SourceHeads();
  private readonly subscriptions = new DisposableStore();

  constructor(
    private readonly platforms: PlatformService,
    private readonly query: QueryState,
    private readonly log: ComponentLog,
  ) {
    this.subscriptions.push(
      platforms.onDidChange(() => this.scheduleRefresh()),
      query.onDidChange(() => this.refresh()),
      onSettingsChanged([Setting.pageSize, Setting.sort, Setting.groupByType], () => this.scheduleRefresh()),
      this.changed,
      this.loaded,
      this.records,
    );
  }

  /**
   * Now: cancels what a previous refresh still loads; the rows shown stay until the new ones are
   * ready. Resolves once the rows are settled: the new ones shown, or the same ones kept.
   */
  async refresh(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    retire(this.next);
    this.next = undefined;
    if (!this.shown) {
      // Nothing fetched yet (the view never shown): nothing to keep, nothing to load ahead.
      this.changed.fire(undefined);
      return;
    }
    const next = (this.next = this.generation());
    void next.roots.then((roots) => {
      if (this.next !== next) return;
      this.next = undefined;
      const before = this.shown?.settled && rowsSignature(this.shown.settled);
      if (before !== undefined && before === rowsSignature(roots)) {
        // The same rows (so no page loaded beyond the first either): keep those shown untouched.
        this.log.debug('refresh: nothing changed');
        retire(next);
        return;
      }
      retire(this.shown);
      this.shown = next;
      this.changed.fire(undefined);
    });
    // A newer refresh may supersede this one meanwhile: settled means no refresh pending.
    while (this.next) await this.next.roots;
  }

  /** Soon: many triggers in a row make one refresh. */
  scheduleRefresh(delayMs = DEBOUNCE_MS): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), delayMs);
  }

  /** Another feature's capability in every client item's contextValue (e.g. `pinned`). */
  addCapability(provider: CapabilityProvider): vscode.Disposable {
    this.capabilities.push(provider);
    // Registered before the first load (in activate), there is nothing to redraw yet: a refresh
    // then would only replace the rows a person may be right-clicking.
    if (this.shown || this.next) this.scheduleRefresh();
    return new vscode.Disposable(() => {
      const i = this.capabilities.indexOf(provider);
      if (i >= 0) this.capabilities.splice(i, 1);
    });
  }

  /** Another feature's root at the head of the tree; it tells changes of its own subtree with nodeChanged. */
  addHead(head: HeadProvider): vscode.Disposable {
    this.heads.push(head);
    if (this.shown || this.next) this.scheduleRefresh();
    return new vscode.Disposable(() => {
      const i = this.heads.indexOf(head);
      if (i >= 0) this.heads.splice(i, 1);
      this.scheduleRefresh();
    });
  }

  /** The signature of the source row last loaded; undefined when the platform observes no broker. */
  get shownSource(): string | undefined {
    return this.sourceShown;
  }

  /** A node's subtree changed (live content of a head, without reloading the rest). */
  nodeChanged(node: ClientsNode): void {
    this.changed.fire(node);
  }

  getTreeItem(node: ClientsNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  getParent(node: ClientsNode): ClientsNode | undefined {
    return node.parent;
  }

  async getChildren(node?: ClientsNode): Promise<ClientsNode[]> {
    // The rows shown: a refresh's rows are handed out only after it has told VS Code of them.
    if (!node) return (this.shown ??= this.generation()).roots;
    try {
      return (await node.getChildren?.()) ?? [];
    } catch (error) {
      this.log.error(`children of ${node.id}: ${messageOf(error)}`);
      return errorNodes(error, node, `${node.id}/failed`, '');
    }
  }

  private generation(): Generation {
    const source = new vscode.CancellationTokenSource();
    const g: Generation = {
      source,
      roots: this.loadRoots(source.token).catch((error: unknown) => this.failedRoots(error)),
    };
    void g.roots.then((roots) => (g.settled = roots));
    return g;
  }

  private async loadRoots(token: vscode.CancellationToken): Promise<ClientsNode[]> {
    const started = Date.now();
    const query = this.query.current;
    const status = await this.platforms.status();
    await vscode.commands.executeCommand('setContext', ContextKey.platformState, status.kind);
    if (status.kind !== 'ready') {
      this.loaded.fire({
        state: status.kind,
        query,
        platformName: status.kind === 'problem' ? status.name : undefined,
      });
      this.sourceShown = undefined;
      return status.kind === 'none' ? [] : problemNodes(status.message, status.fix, status.name);
    }
    const { platform } = status;
    const session: TreeSession = {
      rest: platform.rest,
      platformName: platform.name,
      query: sentQuery(query, Date.now()),
      signal: signalOf(token).signal,
      sort: SORT_ORDERS[settings.sort()] as readonly StateSort[],
      pageSize: settings.pageSize(),
      groupByType: settings.groupByType(),
      capabilities: this.capabilities,
      changed: (node) => !token.isCancellationRequested && this.changed.fire(node),
      loaded: (records) =>
        !token.isCancellationRequested && this.records.fire({ platformName: platform.name, records }),
    };
    const statuses: readonly ConnectionStatus[] = query.connectionStatus
      ? [query.connectionStatus]
      : CONNECTION_STATUSES;
    const groups = statuses.map((s) => new StatusGroupNode(s, session));
    await Promise.all(groups.map((g) => g.prepare()));
    // Asked once the groups answered: a platform that refuses the credentials is not asked once more per load (each
    // refusal counts towards its limit of failed authentications, platform-contract.md §2.4).
    const source = groups.every((g) => g.failed !== undefined) ? undefined : await this.sources.load(session);
    this.sourceShown = source && sourceSignature(source.model);
    const totals = groups.map((g) => g.total);
    this.log.debug(
      `roots of ${platform.name} in ${Date.now() - started} ms: ` +
        `${statuses.map((s, i) => `${s} ${totals[i] ?? '?'}`).join(', ')}`,
    );
    const total = totals.every((t) => t !== undefined) ? totals.reduce((a, b) => (a ?? 0) + (b ?? 0), 0) : undefined;
    this.loaded.fire({ state: 'ready', platformName: platform.name, query, total });
    // Both groups failed alike (credentials, feature off, host down): say it once, at the top.
    const heads = [source, ...this.heads.map((h) => h(platform.name))].filter((n): n is ClientsNode => n !== undefined);
    if (groups.every((g) => g.failed !== undefined)) {
      return [...heads, ...errorNodes(groups[0].failed, undefined, 'root', platform.name)];
    }
    return [...heads, ...groups];
  }

  private failedRoots(error: unknown): ClientsNode[] {
    this.log.error(`roots: ${messageOf(error)}`);
    return errorNodes(error, undefined, 'root', this.platforms.activeName() ?? '');
  }

  dispose(): void {
    clearTimeout(this.timer);
    retire(this.next);
    this.next = undefined;
    retire(this.shown);
    this.subscriptions.dispose();
  }
}

interface Generation {
  readonly source: vscode.CancellationTokenSource;
  readonly roots: Promise<ClientsNode[]>;
  /** The roots, once loaded. */
  settled?: ClientsNode[];
}

function retire(g: Generation | undefined): void {
  g?.source.cancel();
  g?.source.dispose();
}
