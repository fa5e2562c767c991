import * as assert from 'node:assert/strict';
import type { ApiErrorBody } from '../../../../../src/core/apiError';
import { startFixture, type ApiFixture } from '../fixture';

interface DeviceBody {
  typeId: string;
  deviceId: string;
  clientId: string;
  classId: string;
  authToken?: string;
}
interface Page<T> {
  results: T[];
  bookmark?: string;
  meta: { total_rows: number };
}

describe('sandbox REST: device registry (platform-contract.md §5)', () => {
  let api: ApiFixture;
  beforeEach(async () => {
    api = await startFixture();
  });
  afterEach(() => api.close());

  const post = <T>(path: string, body: unknown) =>
    api.call<T>(path, {
      method: 'POST',
      body: typeof body === 'string' ? body : JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });

  it('creates and lists device types; 409 for an existing one', async () => {
    const r = await post<{ id: string; classId: string }>('/device/types', {
      id: 'sensor',
      description: 'Temperature',
    });
    assert.equal(r.status, 201);
    assert.equal(r.body.id, 'sensor');
    assert.equal(r.body.classId, 'Device');
    assert.equal((await post('/device/types', { id: 'gw', classId: 'Gateway' })).status, 201);
    const again = await post<ApiErrorBody>('/device/types', { id: 'sensor' });
    assert.equal(again.status, 409);
    assert.deepEqual(again.body.exception.properties, ['sensor']);
    const one = await api.call<{ id: string; description: string }>('/device/types/sensor');
    assert.equal(one.status, 200);
    assert.equal(one.body.description, 'Temperature');
    assert.equal((await api.call('/device/types/nosuch')).status, 404);
    const list = await api.call<Page<{ id: string }>>('/device/types');
    assert.deepEqual(
      list.body.results.map((t) => t.id),
      ['gw', 'sensor'],
    );
    assert.equal(list.body.meta.total_rows, 2);
  });

  it('registers a device with a generated token shown only in the 201 response', async () => {
    await post('/device/types', { id: 'sensor' });
    const r = await post<DeviceBody>('/device/types/sensor/devices', { deviceId: 's-01' });
    assert.equal(r.status, 201);
    assert.equal(r.body.clientId, 'd:org1x2:sensor:s-01');
    assert.match(r.body.authToken!, /^[A-Za-z0-9_-]{20}$/);
    assert.ok(api.store.verifyDeviceToken('sensor', 's-01', r.body.authToken!));
    const one = await api.call<DeviceBody>('/device/types/sensor/devices/s-01');
    assert.equal(one.status, 200);
    assert.equal(one.body.authToken, undefined);
    assert.ok(!JSON.stringify(one.body).includes(r.body.authToken!));
    assert.ok(!api.lines.some((l) => l.includes(r.body.authToken!)), 'the token is never logged');
  });

  it('takes the bodies the official SDK sends, with null for what was not given', async () => {
    // RegistryClient.registerDeviceType / registerDevice of @wiotp/sdk send every field, given or not.
    const type = await post('/device/types', {
      id: 'sensor',
      classId: 'Device',
      deviceInfo: null,
      description: null,
      metadata: null,
    });
    assert.equal(type.status, 201);
    const device = await post<DeviceBody>('/device/types/sensor/devices', {
      deviceId: 's-01',
      authToken: null,
      deviceInfo: null,
      location: null,
      metadata: null,
    });
    assert.equal(device.status, 201);
    assert.ok(device.body.authToken);
  });

  it('keeps a given token, and makes gateway clients for a Gateway type', async () => {
    await post('/device/types', { id: 'gw', classId: 'Gateway' });
    const r = await post<DeviceBody>('/device/types/gw/devices', { deviceId: 'g-01', authToken: 'my-own-token-1' });
    assert.equal(r.body.authToken, 'my-own-token-1');
    assert.equal(r.body.clientId, 'g:org1x2:gw:g-01');
    assert.ok(api.store.verifyDeviceToken('gw', 'g-01', 'my-own-token-1'));
  });

  it(
    'answers 400 with violations for bad ids and bodies, 404 for an unknown type, 409 for an existing ' + 'device',
    async () => {
      await post('/device/types', { id: 'sensor' });
      const badTypes: unknown[] = [
        { id: '<script>' },
        { id: 'x'.repeat(37) },
        { id: '' },
        { id: 42 },
        {},
        { id: 'ok', classId: 'Robot' },
        { id: 'ok', description: 'd'.repeat(2000) },
        [],
        'null',
      ];
      for (const body of badTypes) {
        const r = await post<ApiErrorBody>('/device/types', body);
        assert.equal(r.status, 400, JSON.stringify(body).slice(0, 50));
        assert.ok(r.body.violations.length > 0);
      }
      const badDevices: unknown[] = [
        { deviceId: 'a:b' },
        { deviceId: 'command:x' },
        { deviceId: 's-2', authToken: 'short' },
        { deviceId: 's-2', authToken: 'has space in it' },
        { deviceId: 's-2', authToken: 7 },
      ];
      for (const body of badDevices) {
        const r = await post<ApiErrorBody>('/device/types/sensor/devices', body);
        assert.equal(r.status, 400, JSON.stringify(body));
      }
      const noType = await post<ApiErrorBody>('/device/types/nosuch/devices', { deviceId: 's-1' });
      assert.equal(noType.status, 404);
      assert.deepEqual(noType.body.exception.properties, ['nosuch']);
      assert.equal((await post('/device/types/sensor/devices', { deviceId: 's-1' })).status, 201);
      const again = await post<ApiErrorBody>('/device/types/sensor/devices', { deviceId: 's-1' });
      assert.equal(again.status, 409);
      assert.deepEqual(again.body.exception.properties, ['sensor', 's-1']);
      assert.equal(api.store.deviceCount(), 1);
    },
  );

  it('pages the devices of a type by bookmark with a total', async () => {
    await post('/device/types', { id: 'sensor' });
    await post('/device/types', { id: 'other' });
    for (let i = 0; i < 57; i++) {
      api.store.addDevice({
        typeId: 'sensor',
        deviceId: `s-${String(i).padStart(3, '0')}`,
        gateway: false,
        tokenHash: 'x',
        createdDateTime: new Date().toISOString(),
      });
    }
    api.store.addDevice({
      typeId: 'other',
      deviceId: 'o-1',
      gateway: false,
      tokenHash: 'x',
      createdDateTime: new Date().toISOString(),
    });
    const ids: string[] = [];
    let bookmark: string | undefined;
    let pages = 0;
    do {
      const r = await api.call<Page<DeviceBody>>(
        `/device/types/sensor/devices?_limit=10${bookmark ? `&_bookmark=${bookmark}` : ''}`,
      );
      assert.equal(r.status, 200);
      assert.equal(r.body.meta.total_rows, 57);
      ids.push(...r.body.results.map((d) => d.deviceId));
      bookmark = r.body.bookmark;
      pages++;
    } while (bookmark);
    assert.equal(pages, 6);
    assert.deepEqual(
      ids,
      Array.from({ length: 57 }, (_, i) => `s-${String(i).padStart(3, '0')}`),
    );
    assert.equal((await api.call('/device/types/sensor/devices?_limit=0')).status, 400);
    assert.equal((await api.call('/device/types/sensor/devices?_bookmark=nope')).status, 400);
    assert.equal((await api.call('/device/types/nosuch/devices')).status, 404);
  });

  it('gets and deletes one device; 404 for an unknown one', async () => {
    await post('/device/types', { id: 'sensor' });
    await post('/device/types/sensor/devices', { deviceId: 's-1' });
    const del = await api.call('/device/types/sensor/devices/s-1', { method: 'DELETE' });
    assert.equal(del.status, 204);
    assert.equal(api.store.getDevice('sensor', 's-1'), undefined);
    const gone = await api.call<ApiErrorBody>('/device/types/sensor/devices/s-1');
    assert.equal(gone.status, 404);
    assert.deepEqual(gone.body.exception.properties, ['sensor', 's-1']);
    assert.equal((await api.call('/device/types/sensor/devices/s-1', { method: 'DELETE' })).status, 404);
  });
});
