// The children of a group: its clients a page at a time, then "Load more…" while the API has
// more, or the error of the last page with its actions, or a word that there is nothing.
import * as vscode from 'vscode';
import type { StateQuery } from '../../core/query';
import { ClientNode } from './clientNode';
import { errorNodes } from './errorNodes';
import type { ClientsNode, TreeSession } from './node';
import { Pager } from '../../features/clients/pager';
import { LoadMoreNode, MessageNode } from './simpleNodes';

export class PagedList {
  private readonly pager: Pager;
  private readonly nodes: ClientNode[] = [];
  private error?: unknown;
  private loadMore?: LoadMoreNode;

  constructor(
    private readonly owner: ClientsNode,
    private readonly session: TreeSession,
    query: StateQuery,
    limit = session.pageSize,
  ) {
    this.pager = new Pager(session.rest, { query, limit, sort: session.sort });
  }

  get total(): number | undefined {
    return this.pager.total;
  }

  get failed(): unknown {
    return this.error;
  }

  /** The next page; a failure is kept and shown as items, never thrown. */
  async load(): Promise<void> {
    try {
      await this.pager.next(this.session.signal);
      this.error = undefined;
      const now = Date.now();
      const page = this.pager.records.slice(this.nodes.length);
      for (const state of page) this.nodes.push(new ClientNode(state, this.owner, now, this.session.capabilities));
      this.session.loaded(page);
    } catch (error) {
      this.error = error;
    }
    const more = this.pager.hasMore && this.nodes.length > 0;
    this.loadMore = more
      ? new LoadMoreNode(`${this.owner.id}/more`, this.owner, this.nodes.length, this.pager.total, () =>
          this.loadNext(),
        )
      : undefined;
  }

  private async loadNext(): Promise<void> {
    await this.load();
    this.session.changed(this.owner);
  }

  children(): ClientsNode[] {
    const out: ClientsNode[] = [...this.nodes];
    if (this.error !== undefined) {
      out.push(...errorNodes(this.error, this.owner, this.owner.id, this.session.platformName));
    }
    // After a failed later page the cursor is still good: "Load more…" tries that page again.
    if (this.loadMore) out.push(this.loadMore);
    else if (this.error === undefined && this.nodes.length === 0) {
      out.push(new MessageNode(`${this.owner.id}/empty`, this.owner, vscode.l10n.t('No clients')));
    }
    return out;
  }
}
