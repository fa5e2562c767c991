import * as assert from 'node:assert/strict';
import type { ApiErrorBody } from '../../../../../src/core/apiError';
import { closedConnection, tokenAuthSucceeded, type ConnectionLogEntry } from '../../../../../src/core/connectionLog';
import { LOG_ENTRIES_KEPT } from '../../../../../src/core/limits';
import { startFixture, type ApiFixture } from '../fixture';

describe('sandbox REST: connection logs (platform-contract.md §3)', () => {
  const BASE = Date.UTC(2024, 5, 1);
  const time = (i: number) => new Date(BASE + i * 1000).toISOString();
  let api: ApiFixture;
  before(async () => {
    api = await startFixture();
    api.store.addType({ id: 'sensor', createdDateTime: time(0) });
    // 1100 entries, oldest first: more than the API can reach (offset ≤ 1000 + limit ≤ 20).
    for (let i = 0; i < 1100; i++) {
      const message =
        i % 2 === 0 ? tokenAuthSucceeded('d:org1x2:sensor:s-01', '10.0.0.1') : closedConnection('10.0.0.1', 91);
      api.store.appendLog('sensor', 's-01', { message: `${message} #${i}`, timestamp: time(i) });
    }
  });
  after(() => api.close());

  const get = (query: string) => api.call<ConnectionLogEntry[]>(`/logs/connection?typeId=sensor&deviceId=s-01${query}`);
  const index = (e: ConnectionLogEntry) => Number(/#(\d+)$/.exec(e.message)![1]);

  it('answers a bare array, newest first, 20 by default', async () => {
    const r = await get('');
    assert.equal(r.status, 200);
    assert.ok(Array.isArray(r.body));
    assert.deepEqual(
      r.body.map(index),
      Array.from({ length: 20 }, (_, i) => 1099 - i),
    );
    assert.deepEqual(Object.keys(r.body[0]).sort(), ['message', 'timestamp']);
  });

  it('pages with limit 1–20 and offset up to 1000', async () => {
    assert.deepEqual((await get('&limit=1')).body.map(index), [1099]);
    assert.deepEqual((await get('&limit=3&offset=5')).body.map(index), [1094, 1093, 1092]);
    assert.deepEqual(
      (await get('&limit=20&offset=1000')).body.map(index),
      Array.from({ length: 20 }, (_, i) => 99 - i),
    );
  });

  it('keeps at least the last 1000 entries per device, however many are written', () => {
    assert.ok(api.store.listLog('sensor', 's-01').length >= 1020);
    for (let i = 0; i < 3 * LOG_ENTRIES_KEPT; i++) {
      api.store.appendLog('sensor', 'busy', { message: `m${i}`, timestamp: time(i) });
    }
    const kept = api.store.listLog('sensor', 'busy');
    assert.equal(kept.length, LOG_ENTRIES_KEPT);
    assert.equal(kept[0].message, `m${3 * LOG_ENTRIES_KEPT - 1}`);
  });

  it('limits to a time window, fromTime and toTime inclusive', async () => {
    const r = await get(`&fromTime=${time(500)}&toTime=${time(509)}`);
    assert.deepEqual(r.body.map(index), [509, 508, 507, 506, 505, 504, 503, 502, 501, 500]);
    const offset = await get(`&fromTime=${time(500)}&toTime=${time(509)}&offset=8&limit=5`);
    assert.deepEqual(offset.body.map(index), [501, 500]);
    const lenient = await get(`&fromTime=${time(500).replace('.000Z', '')}&toTime=${time(500).replace('.000Z', '')}`);
    assert.deepEqual(lenient.body.map(index), [500]);
  });

  it('answers 400 for bad values, a window half given, and missing ids', async () => {
    const bad: [string, string][] = [
      ['/logs/connection?typeId=sensor&deviceId=s-01&limit=0', 'limit'],
      ['/logs/connection?typeId=sensor&deviceId=s-01&limit=21', 'limit'],
      ['/logs/connection?typeId=sensor&deviceId=s-01&limit=-1', 'limit'],
      ['/logs/connection?typeId=sensor&deviceId=s-01&offset=1001', 'offset'],
      ['/logs/connection?typeId=sensor&deviceId=s-01&offset=x', 'offset'],
      [`/logs/connection?typeId=sensor&deviceId=s-01&fromTime=${time(1)}`, 'toTime'],
      [`/logs/connection?typeId=sensor&deviceId=s-01&toTime=${time(1)}`, 'fromTime'],
      [`/logs/connection?typeId=sensor&deviceId=s-01&fromTime=${time(9)}&toTime=${time(1)}`, 'fromTime'],
      ['/logs/connection?typeId=sensor&deviceId=s-01&fromTime=yesterday&toTime=today', 'fromTime'],
      ['/logs/connection?deviceId=s-01', 'typeId'],
      ['/logs/connection?typeId=sensor', 'deviceId'],
      ['/logs/connection?typeId=%3Cscript%3E&deviceId=s-01', 'typeId'],
    ];
    for (const [path, param] of bad) {
      const r = await api.call<ApiErrorBody>(path);
      assert.equal(r.status, 400, path);
      assert.equal(r.body.exception.id, 'CUDLG0400E');
      assert.ok(
        r.body.violations.some((v) => v.exception?.properties.includes(param)),
        `${path}: ${JSON.stringify(r.body.violations)}`,
      );
    }
  });

  it('answers 404 for an unknown type and an empty array for a device with no log', async () => {
    const r = await api.call<ApiErrorBody>('/logs/connection?typeId=nosuch&deviceId=s-01');
    assert.equal(r.status, 404);
    assert.deepEqual(r.body.exception.properties, ['nosuch']);
    assert.deepEqual((await api.call('/logs/connection?typeId=sensor&deviceId=quiet')).body, []);
  });
});
