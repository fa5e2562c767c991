import * as assert from 'node:assert/strict';
import type { ClientStateList, ClientStateWire } from '../../../../../src/core/clientState';
import { clientTypeOfId } from '../../../../../src/core/ids';
import { LONGEST_CLIENT_ID, ODD_CLIENT_IDS } from '../../../../support/clientIds';
import { ORG, startFixture, type ApiFixture } from '../fixture';

const record = (id: string, i: number): ClientStateWire => ({
  id,
  clientType: clientTypeOfId(id),
  connectionStatus: i % 2 === 0 ? 'connected' : 'disconnected',
  lastConnectTime: new Date(Date.UTC(2024, 0, 1, 0, i)).toISOString(),
  clientAddr: '127.0.0.1',
  clientPort: 40000 + i,
  keepAliveSeconds: 30,
  observed: 'live',
});

describe('REST: client states of any client id (platform-contract.md §7.2)', () => {
  const platformIds = [`d:${ORG}:sensor:s-1`, `a:${ORG}:app1`];
  const all = [...platformIds, ...ODD_CLIENT_IDS, LONGEST_CLIENT_ID];
  let api: ApiFixture;
  before(async () => {
    api = await startFixture();
    all.forEach((id, i) => api.store.putState(record(id, i)));
  });
  after(() => api.close());

  const list = (query: string) => api.call<ClientStateList>(`/clientconnectionstates?_limit=100&${query}`);

  it('answers each id, percent-encoded in the path, with its record unchanged, the longest too', async () => {
    for (const id of all) {
      const r = await api.call<ClientStateWire>(`/clientconnectionstates/${encodeURIComponent(id)}`);
      assert.equal(r.status, 200, `status for an id of ${id.length} characters`);
      assert.equal(r.body.id, id);
    }
    const missing = await api.call<{ exception: { properties: string[] } }>(
      `/clientconnectionstates/${encodeURIComponent('not/seen #1')}`,
    );
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.body.exception.properties, ['not/seen #1']);
  });

  it('reports ids not of the platform form as clientType "other", and filters by it', async () => {
    const others = await list('clientType=other');
    assert.equal(others.status, 200);
    assert.deepEqual(others.body.results.map((s) => s.id).sort(), [...ODD_CLIENT_IDS, LONGEST_CLIENT_ID].sort());
    assert.ok(others.body.results.every((s) => s.clientType === 'other'));
    assert.equal(others.body.meta.total_rows, ODD_CLIENT_IDS.length + 1);
    assert.deepEqual(
      (await list('clientType=device')).body.results.map((s) => s.id),
      [`d:${ORG}:sensor:s-1`],
    );
  });

  it('keeps the fields an observed broker tells: address, source port, keep-alive, observed', async () => {
    const r = await api.call<ClientStateWire>(`/clientconnectionstates/${encodeURIComponent(ODD_CLIENT_IDS[0])}`);
    assert.equal(r.body.clientAddr, '127.0.0.1');
    assert.equal(r.body.clientPort, 40002);
    assert.equal(r.body.keepAliveSeconds, 30);
    assert.equal(r.body.observed, 'live');
  });

  it('filters by a case-sensitive substring of the id (clientIdContains), wildcards and % as text', async () => {
    const ids = async (contains: string, more = '') =>
      (await list(`clientIdContains=${encodeURIComponent(contains)}${more}`)).body.results.map((s) => s.id).sort();
    assert.deepEqual(await ids('+'), ['plus+and#hash']);
    assert.deepEqual(await ids('#'), ['plus+and#hash']);
    assert.deepEqual(await ids('%'), ['100% sure']);
    assert.deepEqual(await ids('/kitchen/'), ['sensor/kitchen/1']);
    assert.deepEqual(await ids('🚀'), [ODD_CLIENT_IDS[9], LONGEST_CLIENT_ID, 'emoji 🚀 ünïcödé'].sort());
    assert.deepEqual(await ids('SENSOR'), []);
    assert.deepEqual(await ids('sensor'), [`d:${ORG}:sensor:s-1`, 'sensor/kitchen/1']);
    assert.deepEqual(await ids('sensor', '&clientType=other'), ['sensor/kitchen/1']);
  });

  it('refuses an empty clientIdContains and an unknown clientType with a 400 naming the parameter', async () => {
    for (const query of ['clientIdContains=', 'clientType=robot']) {
      const r = await api.call<{ violations: { exception: { properties: string[] } }[] }>(
        `/clientconnectionstates?${query}`,
      );
      assert.equal(r.status, 400, query);
      assert.deepEqual(r.body.violations[0].exception.properties, [query.split('=')[0]]);
    }
  });
});
