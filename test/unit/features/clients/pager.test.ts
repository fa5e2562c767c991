// Paging against a real sandbox's REST API: pages in order, totals from the API, overlapping
// pages kept once, and the end when the bookmark ends.
import * as assert from 'assert';
import type { ClientStateWire } from '../../../../src/core/clientState';
import { PlatformRestClient } from '../../../../src/platform';
import { Pager } from '../../../../src/features/clients/pager';
import { startTestSandbox, type TestSandbox } from '../../../support/sandbox';

describe('features/clients/pager: a query a page at a time', () => {
  let sb: TestSandbox;
  let rest: PlatformRestClient;

  before(async () => {
    sb = await startTestSandbox();
    for (let i = 0; i < 23; i++) {
      const state: ClientStateWire = {
        id: `d:${sb.ready.org}:pg:p${String(i).padStart(2, '0')}`,
        clientType: 'device',
        connectionStatus: i % 3 === 0 ? 'disconnected' : 'connected',
        lastActivityTime: new Date(Date.UTC(2024, 0, 1, 0, i)).toISOString(),
      };
      sb.store.putState(state);
    }
    rest = new PlatformRestClient({
      apiUrl: sb.ready.apiUrl,
      apiKey: sb.ready.apiKey,
      apiToken: sb.ready.apiToken,
      callsPerSecond: 1000,
    });
  });
  after(async () => {
    rest.dispose();
    await sb.close();
  });

  it("loads every record once, in the API's order, with the total from the first page on", async () => {
    const pager = new Pager(rest, { query: { deviceType: 'pg' }, limit: 10, sort: ['-lastActivityTime'] });
    assert.strictEqual(pager.hasMore, true);
    assert.strictEqual(await pager.next(), 10);
    assert.strictEqual(pager.total, 23);
    assert.strictEqual(await pager.next(), 10);
    assert.strictEqual(await pager.next(), 3);
    assert.strictEqual(pager.hasMore, false);
    assert.strictEqual(await pager.next(), 0);
    assert.deepStrictEqual(
      pager.records.map((r) => r.id.slice(-3)),
      Array.from({ length: 23 }, (_, i) => `p${String(22 - i).padStart(2, '0')}`),
    );
  });

  it('makes one call when asked twice at once', async () => {
    const pager = new Pager(rest, { query: { deviceType: 'pg', connectionStatus: 'disconnected' }, limit: 5 });
    const [a, b] = await Promise.all([pager.next(), pager.next()]);
    assert.deepStrictEqual([a, b], [5, 5]);
    assert.strictEqual(pager.records.length, 5);
    assert.strictEqual(pager.total, 8);
  });

  it('keeps a record once when it moves into the next page while paging', async () => {
    const pager = new Pager(rest, { query: { deviceType: 'pg' }, limit: 10, sort: ['-lastActivityTime'] });
    await pager.next();
    // The oldest record becomes the newest: the pages after the first shift by one.
    sb.store.putState({
      id: `d:${sb.ready.org}:pg:p00`,
      clientType: 'device',
      connectionStatus: 'connected',
      lastActivityTime: new Date(Date.UTC(2024, 0, 2)).toISOString(),
    });
    while (pager.hasMore) await pager.next();
    const ids = pager.records.map((r) => r.id);
    assert.strictEqual(new Set(ids).size, ids.length);
  });
});
