// A listing of a device type ends, whatever the platform answers: one that always claims a few
// more pages than the ids still missing (so paging seems to pay) is read for at most
// MAX_LISTING_PAGES pages; the ids still missing are then read one by one.
import * as assert from 'node:assert/strict';
import { MAX_LISTING_PAGES, runListing } from '../../../../src/features/idsInCode/batches';
import { faultClient } from '../../platform/support/clients';
import { json, startFaultServer, type FaultServer } from '../../platform/support/faultServer';

describe('features/idsInCode/batches: a listing is bounded', () => {
  let server: FaultServer | undefined;
  afterEach(async () => server?.close());

  it('stops after MAX_LISTING_PAGES pages of a platform that always promises the ids on the next pages', async () => {
    server = await startFaultServer((_req, res, i) =>
      json(res, 200, {
        results: [{ id: `d:o:t:other${i}`, connectionStatus: 'connected' }],
        bookmark: `b${i}`,
        // One page fewer than the ids missing: paging on looks cheaper than reading them one by one.
        meta: { total_rows: i + 1 + 100 },
      }),
    );
    const rest = faultClient(server.apiUrl, { callsPerSecond: 1000 });
    const ids = ['d:o:t:a', 'd:o:t:b', 'd:o:t:c'];
    const stillPaging = server.waitForRequests(MAX_LISTING_PAGES * 3, 30_000).then(() => {
      throw new Error('still paging');
    });
    const out = await Promise.race([
      runListing(rest, { kind: 'list', query: { deviceType: 't' }, ids }, (fn) => fn(), new AbortController().signal),
      stillPaging,
    ]);
    assert.deepEqual([...out.leftOver].sort(), ids);
    assert.equal(server.requests.length, MAX_LISTING_PAGES);
    rest.dispose();
  });
});
