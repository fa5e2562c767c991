import * as assert from 'node:assert/strict';
import type { ConnectionLogEntry } from '../../../../../src/core/connectionLog';
import { LONGEST_CLIENT_ID, ODD_CLIENT_IDS } from '../../../../support/clientIds';
import { ORG, startFixture, type ApiFixture } from '../fixture';

describe('REST: connection logs by client id (platform-contract.md §7.2)', () => {
  const time = (i: number) => new Date(Date.UTC(2024, 5, 1, 0, 0, i)).toISOString();
  let api: ApiFixture;
  before(async () => {
    api = await startFixture();
    api.store.addType({ id: 'sensor', createdDateTime: time(0) });
  });
  after(() => api.close());

  const byId = (clientId: string, more = '') =>
    api.call<ConnectionLogEntry[]>(`/logs/connection?clientId=${encodeURIComponent(clientId)}${more}`);

  it("keeps each id's log apart, newest first, whatever the id holds", async () => {
    const ids = [...ODD_CLIENT_IDS, LONGEST_CLIENT_ID];
    ids.forEach((id, i) => {
      api.store.appendClientLog(id, { message: `first of ${i}`, timestamp: time(i) });
      api.store.appendClientLog(id, { message: `second of ${i}`, timestamp: time(i + 1) });
    });
    for (const [i, id] of ids.entries()) {
      const r = await byId(id);
      assert.equal(r.status, 200);
      assert.deepEqual(
        r.body.map((e) => e.message),
        [`second of ${i}`, `first of ${i}`],
      );
    }
    assert.deepEqual((await byId('never seen')).body, []);
  });

  it("answers a device-form id with its device's log, the one typeId and deviceId read", async () => {
    api.store.appendLog('sensor', 's-9', { message: 'by type and device', timestamp: time(1) });
    api.store.appendClientLog(`d:${ORG}:sensor:s-9`, { message: 'by client id', timestamp: time(2) });
    const both = ['by client id', 'by type and device'];
    assert.deepEqual(
      (await byId(`d:${ORG}:sensor:s-9`)).body.map((e) => e.message),
      both,
    );
    const r = await api.call<ConnectionLogEntry[]>('/logs/connection?typeId=sensor&deviceId=s-9');
    assert.deepEqual(
      r.body.map((e) => e.message),
      both,
    );
  });

  it('pages and windows by client id as by device', async () => {
    for (let i = 0; i < 30; i++) api.store.appendClientLog('busy/one', { message: `m${i}`, timestamp: time(i) });
    assert.equal((await byId('busy/one')).body.length, 20);
    assert.deepEqual(
      (await byId('busy/one', '&limit=2&offset=1')).body.map((e) => e.message),
      ['m28', 'm27'],
    );
    const window = await byId('busy/one', `&fromTime=${time(3)}&toTime=${time(4)}`);
    assert.deepEqual(
      window.body.map((e) => e.message),
      ['m4', 'm3'],
    );
  });

  it('refuses clientId with typeId or deviceId, or empty, with a 400', async () => {
    for (const query of ['clientId=x&typeId=sensor&deviceId=s-9', 'clientId=', 'clientId=x&deviceId=s-9']) {
      assert.equal((await api.call(`/logs/connection?${query}`)).status, 400, query);
    }
  });
});
