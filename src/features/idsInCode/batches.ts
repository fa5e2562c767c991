// Which call answers the most wishes (no `vscode` import; unit-tested through lookups.ts): ids
// wished for together that share a device type (or are all applications) are read from one
// listing of that type, a page of 100 at a time, as long as the pages left are fewer than the ids
// still missing; a listing read to its end also proves that the ids it lacks are unknown to the
// platform. Any other id is read on its own (platform-contract.md §2.1, §2.2).
import type { ClientState } from '../../core/clientState';
import { isDeviceLike, parseClientId } from '../../core/ids';
import { STATE_PAGE_MAX } from '../../core/limits';
import type { StateQuery } from '../../core/query';
import type { LookupRest } from './lookupTypes';

export type Job =
  | { readonly kind: 'single'; readonly id: string }
  | { readonly kind: 'list'; readonly query: StateQuery; readonly ids: readonly string[] };

/** The listing an id belongs to, if it has one. */
function listKey(id: string): { key: string; query: StateQuery } | undefined {
  const parsed = parseClientId(id);
  if (!parsed) return undefined;
  if (isDeviceLike(parsed)) return { key: `type:${parsed.typeId}`, query: { deviceType: parsed.typeId } };
  return { key: 'apps', query: { clientType: 'application' } };
}

/** The next job for the newest wish: a listing when another wish shares it (and it may be listed), else one read. */
export function nextJob(queue: readonly string[], singleOnly: ReadonlySet<string>): Job | undefined {
  const seed = queue[queue.length - 1];
  if (seed === undefined) return undefined;
  const group = singleOnly.has(seed) ? undefined : listKey(seed);
  if (!group) return { kind: 'single', id: seed };
  const ids = queue.filter((id) => !singleOnly.has(id) && listKey(id)?.key === group.key);
  return ids.length >= 2 ? { kind: 'list', query: group.query, ids } : { kind: 'single', id: seed };
}

export interface ListOutcome {
  /** Every record read (wished for or not). */
  readonly records: readonly ClientState[];
  /** Wished-for ids that a listing read to its end did not hold. */
  readonly absent: readonly string[];
  /** Wished-for ids still missing when paging more would cost more calls than reading them one by one. */
  readonly leftOver: readonly string[];
}

/** Pages one listing reads at most: whatever totals a platform claims, the ids still missing after them are
 *  read one by one. */
export const MAX_LISTING_PAGES = 20;

/** Pages of a listing until every wished-for id is found, the listing ends, or paging stops paying. */
export async function runListing(
  rest: LookupRest,
  job: Extract<Job, { kind: 'list' }>,
  call: <T>(fn: () => Promise<T>) => Promise<T>,
  signal: AbortSignal,
): Promise<ListOutcome> {
  const missing = new Set(job.ids);
  const records: ClientState[] = [];
  let bookmark: string | undefined;
  let read = 0;
  for (let pages = 1; ; pages++) {
    const page = await call(() =>
      rest.listClientStates({ query: job.query, limit: STATE_PAGE_MAX, sort: ['id'], bookmark }, signal),
    );
    read += page.records.length + page.skipped;
    for (const r of page.records) {
      records.push(r);
      missing.delete(r.id);
    }
    bookmark = page.bookmark;
    if (missing.size === 0) return { records, absent: [], leftOver: [] };
    if (bookmark === undefined || page.records.length + page.skipped === 0) {
      return { records, absent: [...missing], leftOver: [] };
    }
    const pagesLeft =
      page.totalRows !== undefined ? Math.ceil(Math.max(0, page.totalRows - read) / STATE_PAGE_MAX) : Infinity;
    if (pagesLeft >= missing.size || pages >= MAX_LISTING_PAGES) return { records, absent: [], leftOver: [...missing] };
  }
}
