// One page of a keyset-paged listing without sorting everything: a single pass counts the
// matches and keeps only the best `limit` items after the cursor, so a page costs O(n)
// comparisons against a small candidate list, not an O(n log n) sort per call. Used by the
// registry listings; the state query (stateQuery.ts) is the same idea with its loop inlined.

export interface Selection<T> {
  /** The page, in order. */
  readonly items: T[];
  /** Every match, before or after the cursor (the API's `total_rows`). */
  readonly matched: number;
  /** Whether matches remain after this page. */
  readonly more: boolean;
}

export function selectPage<T>(
  source: Iterable<T>,
  matches: (item: T) => boolean,
  afterCursor: (item: T) => boolean,
  compare: (a: T, b: T) => number,
  limit: number,
): Selection<T> {
  let matched = 0;
  let afterCount = 0;
  let kept: T[] = [];
  // Once `limit` rows are kept, anything not better than the worst of them is skipped at once.
  let worst: T | undefined;
  const flushAt = Math.max(limit * 4, 64);
  for (const item of source) {
    if (!matches(item)) continue;
    matched++;
    if (!afterCursor(item)) continue;
    afterCount++;
    if (worst !== undefined && compare(item, worst) >= 0) continue;
    kept.push(item);
    if (kept.length >= flushAt) {
      kept.sort(compare);
      kept = kept.slice(0, limit);
      worst = kept[limit - 1];
    }
  }
  kept.sort(compare);
  return { items: kept.slice(0, limit), matched, more: afterCount > limit };
}
