// What the registry refuses besides malformed ids (platform-contract.md §5): `.` and `..`, which
// fit the id pattern but which a URL path resolves away (the extension could never address them),
// and registrations past its quota, so the API cannot fill the sandbox's memory and journal.
import * as assert from 'node:assert/strict';
import type { ApiErrorBody } from '../../../../../src/core/apiError';
import { REGISTRY_QUOTA } from '../../../../../src/server/http/routes/registry';
import { startFixture, type ApiFixture } from '../fixture';

describe('sandbox REST: device registry limits', () => {
  let api: ApiFixture;
  beforeEach(async () => (api = await startFixture()));
  afterEach(() => api.close());

  const post = <T>(path: string, body: unknown) =>
    api.call<T>(path, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });

  it('refuses . and .. as device type and device ids with a violation that says why', async () => {
    for (const id of ['.', '..']) {
      const r = await post<ApiErrorBody>('/device/types', { id });
      assert.equal(r.status, 400, id);
      assert.match(r.body.violations[0]?.message ?? '', /URLs resolve it away/);
    }
    assert.equal((await post('/device/types', { id: 'sensor' })).status, 201);
    for (const deviceId of ['.', '..']) {
      assert.equal((await post('/device/types/sensor/devices', { deviceId })).status, 400, deviceId);
    }
    assert.equal((await post('/device/types', { id: '...' })).status, 201, 'three dots are an id like any other');
    assert.equal(api.store.deviceCount(), 0);
  });

  it(`holds at most ${REGISTRY_QUOTA.types} device types`, async () => {
    const at = new Date().toISOString();
    for (let i = 0; i < REGISTRY_QUOTA.types - 1; i++) {
      api.store.addType({ id: `t${i}`, classId: 'Device', description: 'd'.repeat(1000), createdDateTime: at });
    }
    assert.equal((await post('/device/types', { id: 'last' })).status, 201);
    const full = await post<ApiErrorBody>('/device/types', { id: 'one-more' });
    assert.equal(full.status, 400);
    assert.equal(full.body.exception.id, 'CUDRG0413E');
    assert.match(full.body.message, /at most 1000 device types/);
    assert.equal(api.store.typeCount(), REGISTRY_QUOTA.types);
  });

  it(`holds at most ${REGISTRY_QUOTA.devices} devices`, async function () {
    this.timeout(60_000);
    assert.equal((await post('/device/types', { id: 'sensor' })).status, 201);
    const at = new Date().toISOString();
    for (let i = 0; i < REGISTRY_QUOTA.devices - 1; i++) {
      api.store.addDevice({ typeId: 'sensor', deviceId: `d${i}`, gateway: false, tokenHash: 'x', createdDateTime: at });
    }
    assert.equal((await post('/device/types/sensor/devices', { deviceId: 'last' })).status, 201);
    const full = await post<ApiErrorBody>('/device/types/sensor/devices', { deviceId: 'one-more' });
    assert.equal(full.status, 400);
    assert.match(full.body.message, /at most 200000 devices/);
  });
});
