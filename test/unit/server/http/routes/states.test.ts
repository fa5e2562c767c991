import * as assert from 'node:assert/strict';
import type { ApiErrorBody } from '../../../../../src/core/apiError';
import type { ClientStateList, ClientStateWire } from '../../../../../src/core/clientState';
import { startFixture, type ApiFixture } from '../fixture';
import { at, fill, makeStates, partsOf, reference } from '../stateFixtures';

describe('sandbox REST: client connection states (platform-contract.md §2)', () => {
  const states = makeStates(300);
  let api: ApiFixture;
  before(async () => {
    api = await startFixture();
    fill(api.store, states);
  });
  after(() => api.close());

  /** Every page of a query, following bookmarks; checks total_rows stays the same throughout. */
  async function walk(query: string): Promise<{ ids: string[]; pages: number; total: number }> {
    const ids: string[] = [];
    let bookmark: string | undefined;
    let pages = 0;
    let total = -1;
    do {
      const sep = query === '' ? '' : '&';
      const r = await api.call<ClientStateList>(
        `/clientconnectionstates?${query}${bookmark ? `${sep}_bookmark=${encodeURIComponent(bookmark)}` : ''}`,
      );
      assert.equal(r.status, 200, JSON.stringify(r.body));
      if (total >= 0) assert.equal(r.body.meta.total_rows, total);
      total = r.body.meta.total_rows;
      ids.push(...r.body.results.map((s) => s.id));
      bookmark = r.body.bookmark;
      pages++;
      assert.ok(pages < 500, 'paging does not end');
    } while (bookmark !== undefined);
    return { ids, pages, total };
  }

  it('answers the default page: 25 records by id, a bookmark, and the total', async () => {
    const r = await api.call<ClientStateList>('/clientconnectionstates');
    assert.equal(r.status, 200);
    assert.equal(r.body.meta.total_rows, 300);
    assert.deepEqual(r.body.results, reference(states, () => true, '').slice(0, 25));
    assert.equal(typeof r.body.bookmark, 'string');
  });

  it(
    'walks every page by bookmark in the requested order, ties broken by id, no bookmark on the last ' + 'page',
    async () => {
      for (const sort of [
        '-lastActivityTime',
        'lastDisconnectTime',
        'clientType,-lastConnectTime',
        '-connectionStatus,id',
      ]) {
        const { ids, pages, total } = await walk(`_limit=7&_sort=${sort}`);
        assert.deepEqual(
          ids,
          reference(states, () => true, sort).map((s) => s.id),
          sort,
        );
        assert.equal(total, 300);
        assert.equal(pages, Math.ceil(300 / 7));
      }
    },
  );

  it('applies every filter of platform-contract.md §2.2, alone and together, with exact totals', async () => {
    const t = (v: string | undefined) => (v === undefined ? undefined : Date.parse(v));
    const cases: [string, (s: ClientStateWire) => boolean][] = [
      ['connectionStatus=connected', (s) => s.connectionStatus === 'connected'],
      ['connectionStatus=disconnected', (s) => s.connectionStatus === 'disconnected'],
      ['clientType=gateway', (s) => s.clientType === 'gateway'],
      ['clientType=application', (s) => s.clientType === 'application'],
      ['deviceType=valve', (s) => partsOf(s.id).typeId === 'valve'],
      ['deviceId=s-10', (s) => partsOf(s.id).deviceId === 's-10'],
      [`connectedAfter=${at(25)}`, (s) => t(s.lastConnectTime)! > t(at(25))!],
      [`lastConnectedAfter=${at(25)}`, (s) => t(s.lastConnectTime)! > t(at(25))!],
      [`connectedBefore=${at(10)}`, (s) => t(s.lastConnectTime)! < t(at(10))!],
      [
        `disconnectedAfter=${at(30)}`,
        (s) => s.lastDisconnectTime !== undefined && t(s.lastDisconnectTime)! > t(at(30))!,
      ],
      [
        `disconnectedBefore=${at(30)}`,
        (s) => s.lastDisconnectTime !== undefined && t(s.lastDisconnectTime)! < t(at(30))!,
      ],
      [`lastActivityAfter=${at(40)}`, (s) => t(s.lastActivityTime)! > t(at(40))!],
      [`lastActivityBefore=${at(40)}`, (s) => t(s.lastActivityTime)! < t(at(40))!],
      [
        `connectionStatus=connected&deviceType=sensor&lastActivityAfter=${at(20)}&lastActivityBefore=${at(50)}`,
        (s) =>
          s.connectionStatus === 'connected' &&
          partsOf(s.id).typeId === 'sensor' &&
          t(s.lastActivityTime)! > t(at(20))! &&
          t(s.lastActivityTime)! < t(at(50))!,
      ],
    ];
    for (const [query, keep] of cases) {
      const want = reference(states, keep, '-lastActivityTime');
      assert.ok(want.length > 0 && want.length < 300, `the case ${query} tells nothing`);
      const r = await api.call<ClientStateList>(`/clientconnectionstates?${query}&_limit=100&_sort=-lastActivityTime`);
      assert.equal(r.status, 200, query);
      assert.equal(r.body.meta.total_rows, want.length, query);
      assert.deepEqual(
        r.body.results.map((s) => s.id),
        want.slice(0, 100).map((s) => s.id),
        query,
      );
      assert.equal(r.body.bookmark === undefined, want.length <= 100, query);
    }
  });

  it('reads dates leniently: no zone is UTC, any fraction, an offset', async () => {
    const want = reference(states, (s) => s.lastConnectTime! > at(25), '').length;
    const plus = at(25).replace('T00:', 'T02:').replace('.000Z', '+02:00');
    for (const d of [at(25), at(25).replace('.000Z', ''), at(25).replace('.000Z', '.000456'), plus]) {
      const r = await api.call<ClientStateList>(`/clientconnectionstates?connectedAfter=${encodeURIComponent(d)}`);
      assert.equal(r.status, 200, d);
      assert.equal(r.body.meta.total_rows, want, d);
    }
    // The official SDK puts the date into the URL unencoded, so a `+` offset arrives as a space.
    const unencoded = await api.call<ClientStateList>(`/clientconnectionstates?connectedAfter=${plus}`);
    assert.equal(unencoded.status, 200);
    assert.equal(unencoded.body.meta.total_rows, want);
  });

  it('answers 400 with a violation for every bad value', async () => {
    const other = (await api.call<ClientStateList>('/clientconnectionstates?_sort=id&_limit=5')).body.bookmark!;
    const bad: [string, string][] = [
      ['_limit=-1', '_limit'],
      ['_limit=0', '_limit'],
      ['_limit=101', '_limit'],
      ['_limit=ten', '_limit'],
      ['_limit=1e2', '_limit'],
      ['connectionStatus=maybe', 'connectionStatus'],
      ['clientType=robot', 'clientType'],
      ['connectedAfter=yesterday', 'connectedAfter'],
      ['lastConnectedAfter=2019-02-30T00:00:00Z', 'lastConnectedAfter'],
      ['disconnectedBefore=', 'disconnectedBefore'],
      ['lastActivityAfter=9999999999999', 'lastActivityAfter'],
      ['_sort=color', '_sort'],
      ['_sort=id,-id', '_sort'],
      ['_sort=', '_sort'],
      ['_bookmark=garbage!', '_bookmark'],
      ['_bookmark=eyJ4IjoxfQ', '_bookmark'],
      [`_sort=-id&_bookmark=${other}`, '_bookmark'],
      ['deviceType=%3Cscript%3E', 'deviceType'],
      [`deviceId=${'x'.repeat(5000)}`, 'deviceId'],
      ['connectionStatus=connected&connectionStatus=disconnected', 'connectionStatus'],
    ];
    for (const [query, param] of bad) {
      const r = await api.call<ApiErrorBody>(`/clientconnectionstates?${query}`);
      assert.equal(r.status, 400, query);
      assert.equal(r.body.exception.id, 'CUDCS0400E');
      assert.ok(
        r.body.violations.some((v) => v.exception?.properties.includes(param)),
        `${query}: ${JSON.stringify(r.body.violations)}`,
      );
      assert.ok(JSON.stringify(r.body).length < 2000, `${query}: the error body stays small`);
    }
    const many = await api.call<ApiErrorBody>(
      '/clientconnectionstates?_limit=-1&connectionStatus=maybe&connectedAfter=yesterday',
    );
    assert.equal(many.body.violations.length, 3);
  });

  it('finds one client by its raw id and by the %3A-encoded id', async () => {
    const id = states[3].id;
    for (const path of [id, encodeURIComponent(id), id.replace(/:/g, '%3a')]) {
      const r = await api.call<ClientStateWire>(`/clientconnectionstates/${path}`);
      assert.equal(r.status, 200, path);
      assert.deepEqual(r.body, states[3]);
    }
  });

  it('answers 404 with the id in exception.properties, also for hostile ids', async () => {
    const hostile = [
      'd:org1x2:sensor:nope',
      '<script>alert(1)</script>',
      'command:workbench.action.quit',
      'd:\u202eevil\u202c:x:y',
      'x'.repeat(10 * 1024),
      'a b',
      '%41',
    ];
    for (const id of hostile) {
      const r = await api.call<ApiErrorBody>(`/clientconnectionstates/${encodeURIComponent(id)}`);
      assert.equal(r.status, 404, id.slice(0, 30));
      assert.equal(r.body.exception.id, 'CUDCS0404E');
      assert.deepEqual(r.body.exception.properties, [id]);
      assert.ok(r.body.message.length < 200);
    }
    assert.ok(!api.lines.some((l) => l.includes('\u202e')), 'a bidirectional override never reaches the log raw');
    assert.ok(
      api.lines.every((l) => l.length < 600),
      'log lines stay short',
    );
  });

  it('answers 400 for a path segment that is not valid percent-encoding', async () => {
    const r = await api.call<ApiErrorBody>('/clientconnectionstates/%E0%A4%A');
    assert.equal(r.status, 400);
  });

  it('keeps pages exact while records change between calls', async () => {
    const first = await api.call<ClientStateList>('/clientconnectionstates?_sort=id&_limit=50');
    const seen = new Set(first.body.results.map((s) => s.id));
    // A record already returned changes and a new one appears further on: nothing is repeated or skipped.
    const firstId = first.body.results[0].id;
    api.store.putState({ ...states.find((s) => s.id === firstId)!, connectionStatus: 'disconnected' });
    api.store.putState({ ...states[0], id: 'g:org1x2:zz:new' });
    const rest: string[] = [];
    let bookmark = first.body.bookmark;
    while (bookmark) {
      const r = await api.call<ClientStateList>(`/clientconnectionstates?_sort=id&_limit=50&_bookmark=${bookmark}`);
      rest.push(...r.body.results.map((s) => s.id));
      bookmark = r.body.bookmark;
    }
    assert.ok(rest.every((id) => !seen.has(id)));
    assert.equal(seen.size + rest.length, 301);
  });
});

describe('sandbox REST: the clientstate switch (platform-contract.md §2)', () => {
  let api: ApiFixture;
  beforeEach(async () => {
    api = await startFixture();
    fill(api.store, makeStates(20));
  });
  afterEach(() => api.close());

  it('reads and changes the switch; while off, every state call is 403 and the state is gone', async () => {
    assert.deepEqual((await api.call('/config/clientstate')).body, { enabled: true });
    const off = await api.call('/config/clientstate', {
      method: 'PUT',
      body: JSON.stringify({ enabled: false }),
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(off.status, 200);
    assert.deepEqual(off.body, { enabled: false });
    assert.equal(api.store.stateCount(), 0);
    for (const path of [
      '/clientconnectionstates',
      '/clientconnectionstates?_limit=-1',
      '/clientconnectionstates/d:org1x2:sensor:s-0',
    ]) {
      const r = await api.call<ApiErrorBody>(path);
      assert.equal(r.status, 403, path);
      assert.equal(r.body.exception.id, 'CUDCS0403E');
    }
    api.store.putState(makeStates(1)[0]);
    assert.equal(api.store.stateCount(), 0, 'nothing is recorded while off');
    await api.call('/config/clientstate', { method: 'PUT', body: '{"enabled": true}' });
    const r = await api.call<ClientStateList>('/clientconnectionstates');
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, { results: [], meta: { total_rows: 0 } });
  });

  it('answers 400 for a switch body that is not {"enabled": boolean}', async () => {
    for (const body of ['{"enabled": "yes"}', '{}', '[]', 'null', '{"enabled": 1}']) {
      const r = await api.call<ApiErrorBody>('/config/clientstate', { method: 'PUT', body });
      assert.equal(r.status, 400, body);
      assert.ok(r.body.violations.length > 0);
    }
    assert.equal(api.store.isClientStateEnabled(), true);
  });
});
