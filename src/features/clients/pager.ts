// One query's records, a page at a time (no `vscode` import; tested against the sandbox). Pages
// can overlap when records move while paging (sorted by activity): an id is kept once.

import type { ClientState } from '../../core/clientState';
import type { PlatformRestClient } from '../../platform/rest/client';
import type { StatePageRequest } from '../../platform/rest/states';

export class Pager {
  readonly records: ClientState[] = [];
  private readonly seen = new Set<string>();
  private bookmark?: string;
  private started = false;
  private loading?: Promise<number>;
  /** `meta.total_rows` of the latest page. */
  total?: number;

  constructor(
    private readonly rest: PlatformRestClient,
    private readonly request: Omit<StatePageRequest, 'bookmark'>,
  ) {}

  get hasMore(): boolean {
    return !this.started || this.bookmark !== undefined;
  }

  /** Loads the next page (one call at a time); resolves with the number of new records. */
  next(signal?: AbortSignal): Promise<number> {
    this.loading ??= this.fetch(signal).finally(() => (this.loading = undefined));
    return this.loading;
  }

  private async fetch(signal?: AbortSignal): Promise<number> {
    if (!this.hasMore) return 0;
    const page = await this.rest.listClientStates({ ...this.request, bookmark: this.bookmark }, signal);
    let added = 0;
    for (const record of page.records) {
      if (this.seen.has(record.id)) continue;
      this.seen.add(record.id);
      this.records.push(record);
      added++;
    }
    this.started = true;
    // A bookmark with nothing behind it would offer "Load more…" forever.
    this.bookmark = page.records.length + page.skipped > 0 ? page.bookmark : undefined;
    this.total = page.totalRows ?? this.total;
    return added;
  }
}
