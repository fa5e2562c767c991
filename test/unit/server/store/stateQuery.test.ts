import * as assert from 'node:assert/strict';
import { STATE_SORT_FIELDS } from '../../../../src/core/query';
import { SandboxStore } from '../../../../src/server/store/store';
import type { SortKey, StateFilter } from '../../../../src/server/store/stateQuery';
import { selectPage } from '../../../../src/server/store/topK';
import { makeStates, reference, seeded } from '../http/stateFixtures';

describe('sandbox store: state query', () => {
  const states = makeStates(2000, 11);
  const store = new SandboxStore();
  for (const s of states) store.putState(s);

  function walkAll(filter: StateFilter, sort: SortKey[], limit: number): { ids: string[]; totals: Set<number> } {
    const ids: string[] = [];
    const totals = new Set<number>();
    let after;
    for (let guard = 0; guard < 10_000; guard++) {
      const page = store.queryStates({ filter, sort, limit, ...(after ? { after } : {}) });
      assert.ok(page.rows.length <= limit);
      ids.push(...page.rows.map((r) => r.id));
      totals.add(page.total);
      if (page.next === undefined) return { ids, totals };
      after = page.next;
    }
    throw new Error('paging does not end');
  }

  it('pages through any sort exactly like a full sort would, for random sorts and page sizes', () => {
    const rand = seeded(3);
    for (let round = 0; round < 40; round++) {
      const fields = [...STATE_SORT_FIELDS].sort(() => rand() - 0.5).slice(0, 1 + Math.floor(rand() * 3));
      const sort = fields.map((field) => ({ field, desc: rand() < 0.5 }));
      const limit = 1 + Math.floor(rand() * 100);
      const filter: StateFilter = rand() < 0.5 ? { connectionStatus: 'connected' } : {};
      const keep = filter.connectionStatus
        ? (s: { connectionStatus: string }) => s.connectionStatus === 'connected'
        : () => true;
      const text = sort.map((k) => `${k.desc ? '-' : ''}${k.field}`).join(',');
      const want = reference(states, keep, text).map((s) => s.id);
      const got = walkAll(filter, sort, limit);
      assert.deepEqual(got.ids, want, `${text} limit ${limit}`);
      assert.deepEqual([...got.totals], [want.length]);
    }
  });

  it('answers an empty page with a zero total when nothing matches', () => {
    const page = store.queryStates({ filter: { deviceType: 'nosuch' }, sort: [], limit: 25 });
    assert.deepEqual(page, { rows: [], total: 0 });
  });

  it('selects the best items of a page without sorting everything, for every limit', () => {
    const items = Array.from({ length: 1000 }, (_, i) => (i * 7919) % 1000);
    for (const limit of [1, 2, 63, 64, 65, 100, 999, 1000, 1001]) {
      const page = selectPage(
        items,
        (n) => n % 3 !== 0,
        (n) => n > 10,
        (a, b) => a - b,
        limit,
      );
      const want = items.filter((n) => n % 3 !== 0 && n > 10).sort((a, b) => a - b);
      assert.deepEqual(page.items, want.slice(0, limit), `limit ${limit}`);
      assert.equal(page.matched, items.filter((n) => n % 3 !== 0).length);
      assert.equal(page.more, want.length > limit);
    }
  });
});
