// Lookups against a platform that rate-limits with a long Retry-After (a real HTTP server of the
// test's own: the sandbox's limiter answers with short ones, which the REST client waits out): the
// id says unreachable, every later call waits for the Retry-After, and nothing is left waiting
// once the lookups are disposed.
import * as assert from 'assert';
import { ClientLookups } from '../../../../src/features/idsInCode/lookups';
import { PlatformRestClient } from '../../../../src/platform';
import { waitFor } from '../../../support/waitFor';
import { apiError, json, startFaultServer, type FaultServer } from '../../platform/support/faultServer';

describe('features/idsInCode/lookups against a rate-limiting platform', () => {
  let server: FaultServer;
  before(async () => {
    server = await startFaultServer((_req, res) =>
      json(res, 429, apiError('CUDAP0429E', 'Too many requests'), { 'retry-after': '60' }),
    );
  });
  after(() => server.close());

  it('says unreachable (rate-limited) and holds every later call for the Retry-After', async () => {
    const rest = new PlatformRestClient({
      apiUrl: server.apiUrl,
      apiKey: 'a-org1x2-abcdefghij',
      apiToken: 'token-1234',
    });
    const lookups = new ClientLookups(rest, { callsPerSecond: 10 });
    const [first, second] = ['d:org1x2:t:one', 'a:org1x2:other'];
    lookups.want([first]);
    await waitFor('the first answer', () => lookups.peek(first)?.kind === 'unreachable');
    const entry = lookups.peek(first);
    assert.ok(entry?.kind === 'unreachable' && entry.problem.kind === 'rateLimited', JSON.stringify(entry));
    assert.ok(lookups.stats.heldUntil > Date.now() + 55_000, 'held for the Retry-After');
    const asked = server.requests.length;
    lookups.want([second]);
    await new Promise((resolve) => setImmediate(resolve));
    assert.strictEqual(server.requests.length, asked, 'no call while held');
    assert.strictEqual(lookups.peek(second)?.kind, 'pending');
    lookups.dispose();
    rest.dispose();
  });
});
