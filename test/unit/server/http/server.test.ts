import * as assert from 'node:assert/strict';
import type { ApiErrorBody } from '../../../../src/core/apiError';
import { API_KEY, API_TOKEN, basic, rawExchange, startFixture, type ApiFixture } from './fixture';

describe('sandbox REST: auth, routing and bad input (platform-contract.md §2.4)', () => {
  let api: ApiFixture;
  beforeEach(async () => {
    api = await startFixture({ connected: ['d:org1x2:sensor:s-01'] });
  });
  afterEach(() => api.close());

  it('answers 401 for missing or unreadable credentials, 403 for wrong ones', async () => {
    const cases: [string | undefined, number][] = [
      [undefined, 401],
      ['Bearer abc', 401],
      ['Basic', 401],
      ['Basic !!!', 401],
      [`Basic ${Buffer.from('no-colon').toString('base64')}`, 401],
      [`Basic ${Buffer.from(`${API_KEY}:`).toString('base64')}`, 401],
      [`Basic ${'A'.repeat(5000)}`, 401],
      [basic(API_KEY, 'wrong-token'), 403],
      [basic('a-org1x2-unknown000', API_TOKEN), 403],
    ];
    for (const [authorization, status] of cases) {
      const res = await fetch(
        `${api.server.url}/clientconnectionstates`,
        authorization === undefined ? {} : { headers: { authorization } },
      );
      const body = (await res.json()) as ApiErrorBody;
      assert.equal(res.status, status, authorization?.slice(0, 30));
      assert.match(body.exception.id, /^CUD[A-Z]{2}\d{4}E$/);
      if (status === 401) assert.equal(res.headers.get('www-authenticate'), 'Basic realm="iot-sandbox"');
    }
    assert.ok(
      !api.lines.some((l) => l.includes(API_TOKEN) || l.toLowerCase().includes('basic ')),
      'credentials never reach the log',
    );
  });

  it('answers 404 for unknown routes and 405 with Allow for a wrong method', async () => {
    for (const path of ['/nope', '/clientconnectionstates/a/b', '/device/types/x/devices/y/z']) {
      const r = await api.call<ApiErrorBody>(path);
      assert.equal(r.status, 404, path);
      assert.equal(r.body.exception.id, 'CUDAP0404E');
    }
    const outside = await fetch(`${api.server.url.replace('/api/v0002', '')}/index.html`);
    assert.equal(outside.status, 404);
    const r = await api.call<ApiErrorBody>('/clientconnectionstates', { method: 'DELETE' });
    assert.equal(r.status, 405);
    assert.equal(r.headers.get('allow'), 'GET');
    assert.equal((await api.call('/device/types', { method: 'PUT', body: '{}' })).headers.get('allow'), 'GET, POST');
  });

  it('answers 400 for malformed JSON and 413 for a body over the cap', async () => {
    for (const body of ['{"id": "x"', 'not json', '', '\u0000\u0001']) {
      const r = await api.call<ApiErrorBody>('/device/types', { method: 'POST', body });
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.equal(r.body.exception.id, 'CUDAP0400E');
    }
    const big = await api.call<ApiErrorBody>('/device/types', {
      method: 'POST',
      body: JSON.stringify({ id: 'x'.repeat(100 * 1024) }),
    });
    assert.equal(big.status, 413);
    assert.equal(big.body.exception.id, 'CUDAP0413E');
    assert.equal((await api.call('/config/clientstate')).status, 200, 'still serving');
  });

  it('closes a socket that speaks garbage, logs it, and keeps serving', async () => {
    const got = await rawExchange(
      api.server.port,
      Buffer.from([0x10, 0x0c, 0x00, 0x04, 0x4d, 0x51, 0x54, 0x54, 0xff, 0x00, 0x0d, 0x0a, 0x0d, 0x0a]),
    );
    assert.match(got, /^HTTP\/1\.1 400 /);
    assert.ok(api.lines.some((l) => /not a valid HTTP request/.test(l)));
    const huge = await rawExchange(
      api.server.port,
      `GET /api/v0002/clientconnectionstates/${'x'.repeat(300 * 1024)} HTTP/1.1\r\nHost: x\r\n\r\n`,
    );
    assert.match(huge, /^HTTP\/1\.1 431 /);
    assert.equal((await api.call('/config/clientstate')).status, 200);
  });

  it('disconnects a live client through the admin call (94); 404 when it is not connected', async () => {
    const r = await api.call<{ clientId: string; closeCode: number }>(
      '/sandbox/clients/d:org1x2:sensor:s-01/disconnect',
      { method: 'POST' },
    );
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, { clientId: 'd:org1x2:sensor:s-01', closeCode: 94 });
    assert.deepEqual(api.disconnected, ['d:org1x2:sensor:s-01']);
    const encoded = await api.call('/sandbox/clients/d%3Aorg1x2%3Asensor%3As-01/disconnect', { method: 'POST' });
    assert.equal(encoded.status, 200);
    const missing = await api.call<ApiErrorBody>('/sandbox/clients/d:org1x2:sensor:s-09/disconnect', {
      method: 'POST',
    });
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.body.exception.properties, ['d:org1x2:sensor:s-09']);
  });
});

describe('sandbox REST: failures inside a handler', () => {
  it('answers 500 with an error body and a log line, then keeps serving', async () => {
    const api = await startFixture({
      admin: {
        disconnectClient: () => {
          throw new Error('broker exploded');
        },
      },
    });
    try {
      const r = await api.call<ApiErrorBody>('/sandbox/clients/x/disconnect', { method: 'POST' });
      assert.equal(r.status, 500);
      assert.equal(r.body.exception.id, 'CUDAP0500E');
      assert.ok(!r.body.message.includes('exploded'), 'internals stay in the log');
      assert.ok(api.lines.some((l) => l.startsWith('error') && l.includes('broker exploded')));
      assert.equal((await api.call('/config/clientstate')).status, 200);
    } finally {
      await api.close();
    }
  });
});

describe('sandbox REST: rate limit (platform-contract.md §2.4)', () => {
  it('answers 429 with Retry-After and the error body past the rate, then serves again', async () => {
    const api = await startFixture({ rateLimit: 2 });
    try {
      const statuses: number[] = [];
      let limited: Awaited<ReturnType<typeof api.call<ApiErrorBody>>> | undefined;
      for (let i = 0; i < 6; i++) {
        const r = await api.call<ApiErrorBody>('/config/clientstate');
        statuses.push(r.status);
        if (r.status === 429) limited ??= r;
      }
      assert.deepEqual(statuses.slice(0, 2), [200, 200]);
      assert.ok(limited, `no 429 in ${statuses.join(',')}`);
      assert.equal(limited.body.exception.id, 'CUDAP0429E');
      const retryAfter = limited.headers.get('retry-after');
      assert.match(retryAfter ?? '', /^[1-9]\d*$/);
      // Poll until the bucket refills: the wait is bounded by Retry-After, not a fixed sleep.
      const deadline = Date.now() + (Number(retryAfter) + 2) * 1000;
      let status = 429;
      while (status === 429 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
        status = (await api.call('/config/clientstate')).status;
      }
      assert.equal(status, 200);
    } finally {
      await api.close();
    }
  });
});

describe('sandbox REST: keep-alive where it cannot be held', () => {
  it('answers 501 to keepalive and hold when the broker offers neither (platform-contract.md §8)', async () => {
    const api = await startFixture();
    try {
      const read = await api.call<ApiErrorBody>('/sandbox/clients/x/keepalive');
      assert.equal(read.status, 501);
      assert.equal(read.body.exception.id, 'CUDSB0501E');
      const hold = await api.call('/sandbox/clients/x/hold', { method: 'POST', body: '{"seconds":5}' });
      assert.equal(hold.status, 501);
      assert.equal((await api.call('/sandbox/clients/x/hold', { method: 'DELETE' })).status, 501);
    } finally {
      await api.close();
    }
  });
});
