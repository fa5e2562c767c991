// Guessing the API token over HTTP: past a threshold of failed authentications from one address,
// or for one API key, every call is answered 429 with Retry-After before its credentials are
// checked — the right token included — until the window lets it in again (platform-contract.md §4.3).

import * as assert from 'node:assert/strict';
import { API_KEY, API_TOKEN, basic, startFixture, type ApiFixture } from './fixture';

describe('sandbox REST API: failed authentications are rate limited before any work', () => {
  let f: ApiFixture | undefined;
  afterEach(async () => f?.close());

  const wrong = (key = API_KEY) => ({ headers: { authorization: basic(key, 'guess') } });

  it('per address: after 5 failures, 429 with Retry-After — for the right token too', async () => {
    f = await startFixture({ authLimits: { perAddress: 5, perId: 100, limitLoopback: true, windowMs: 60_000 } });
    for (let i = 0; i < 5; i++) {
      assert.equal((await f.call('/config/clientstate', wrong(`a-org1x2-guess00000${i}`))).status, 403);
    }
    const limited = await f.call<{ message: string }>('/config/clientstate', wrong());
    assert.equal(limited.status, 429);
    assert.match(limited.headers.get('retry-after') ?? '', /^(59|60)$/);
    assert.match(limited.body.message, /too many failed authentications/i);
    const right = await f.call('/config/clientstate');
    assert.equal(right.status, 429, 'checked before the credentials');
  });

  it('per API key: after 5 failures of one key, 429 for that key from any address; others pass', async () => {
    f = await startFixture({ authLimits: { perAddress: 100, perId: 5, limitLoopback: true, windowMs: 60_000 } });
    for (let i = 0; i < 5; i++) assert.equal((await f.call('/config/clientstate', wrong())).status, 403);
    assert.equal((await f.call('/config/clientstate', wrong())).status, 429);
    assert.equal(
      (await f.call('/config/clientstate', { headers: { authorization: basic(API_KEY, API_TOKEN) } })).status,
      429,
    );
    assert.equal((await f.call('/config/clientstate', wrong('a-org1x2-other00001'))).status, 403, 'another key');
  });

  it('by default: loopback (this machine: the extension, its tests, local tools) is not limited', async () => {
    f = await startFixture();
    for (let i = 0; i < 40; i++) {
      assert.equal(
        (await f.call('/config/clientstate', wrong(`a-org1x2-many${String(i).padStart(6, '0')}`))).status,
        403,
      );
    }
    for (let i = 0; i < 20; i++) assert.equal((await f.call('/config/clientstate', wrong())).status, 403);
    assert.equal((await f.call('/config/clientstate')).status, 200);
  });
});
