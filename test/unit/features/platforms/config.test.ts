import * as assert from 'assert';
import {
  endpointOf,
  hostOf,
  readPlatforms,
  resolvePlatform,
  settingsEntry,
  withoutPlatform,
  withPlatform,
} from '../../../../src/features/platforms/config';

describe('vscode/platforms/config: platform entries of the settings', () => {
  it('keeps entries with a name and an API key and reports the rest', () => {
    const { platforms, problems } = readPlatforms([
      { name: 'a', apiKey: 'k', apiUrl: 'http://127.0.0.1:1/api/v0002', rejectUnauthorized: false, junk: 1 },
      { name: '', apiKey: 'k' },
      'text',
      null,
      { name: 'a', apiKey: 'other' },
      { name: 'x'.repeat(61), apiKey: 'k' },
    ]);
    assert.deepStrictEqual(platforms, [
      {
        name: 'a',
        apiKey: 'k',
        orgId: undefined,
        apiUrl: 'http://127.0.0.1:1/api/v0002',
        mqttUrl: undefined,
        caFile: undefined,
        rejectUnauthorized: false,
      },
    ]);
    assert.strictEqual(problems.length, 5);
    assert.deepStrictEqual(readPlatforms({ not: 'a list' }).problems, [
      'iotConnectivity.platforms must be a list of platforms.',
    ]);
    assert.deepStrictEqual(readPlatforms(undefined), { platforms: [], problems: [] });
  });

  it('resolves the IBM host form from the org id, explicit URLs otherwise', () => {
    assert.deepStrictEqual(resolvePlatform({ name: 'ibm', orgId: 'abc123', apiKey: 'a-abc123-0123456789' }), {
      ok: true,
      platform: {
        name: 'ibm',
        apiUrl: 'https://abc123.internetofthings.ibmcloud.com/api/v0002',
        mqttUrl: 'mqtts://abc123.messaging.internetofthings.ibmcloud.com:8883',
        orgId: 'abc123',
        apiKey: 'a-abc123-0123456789',
        caFile: undefined,
        rejectUnauthorized: true,
      },
    });
    const sandbox = resolvePlatform({
      name: 's',
      apiUrl: 'http://127.0.0.1:8080/api/v0002',
      mqttUrl: 'mqtt://127.0.0.1:1883',
      apiKey: 'a-testor-abcdefghij',
    });
    assert.ok(
      sandbox.ok && sandbox.platform.orgId === 'testor' && sandbox.platform.mqttUrl === 'mqtt://127.0.0.1:1883',
    );
    assert.match(
      (resolvePlatform({ name: 'n', apiKey: 'k' }) as { problem: string }).problem,
      /needs an organization id or an API URL/,
    );
    assert.match(
      (resolvePlatform({ name: 'n', orgId: '<b>', apiKey: 'k' }) as { problem: string }).problem,
      /not 6 letters or digits/,
    );
    assert.match(
      (resolvePlatform({ name: 'n', apiUrl: 'not a url', apiKey: 'k' }) as { problem: string }).problem,
      /not a URL/,
    );
  });

  it('edits the list by name and writes entries without empty fields', () => {
    const a = { name: 'a', apiKey: 'k1', orgId: 'abc123' };
    const b = { name: 'b', apiKey: 'k2', apiUrl: 'http://h/api/v0002', rejectUnauthorized: false };
    assert.deepStrictEqual(withPlatform([a], b), [a, b]);
    assert.deepStrictEqual(withPlatform([a, b], { ...a, apiKey: 'k3' }), [{ ...a, apiKey: 'k3' }, b]);
    assert.deepStrictEqual(withoutPlatform([a, b], 'a'), [b]);
    assert.deepStrictEqual(settingsEntry({ ...b, caFile: undefined, mqttUrl: '' }), {
      name: 'b',
      apiUrl: 'http://h/api/v0002',
      apiKey: 'k2',
      rejectUnauthorized: false,
    });
    assert.strictEqual(hostOf('https://EXAMPLE.com:8443/x'), 'example.com:8443');
    assert.strictEqual(hostOf('nonsense'), undefined);
  });
  it('names an endpoint by scheme, host and port, the default port made explicit', () => {
    assert.strictEqual(endpointOf('https://EXAMPLE.com/api/v0002'), 'https://example.com:443');
    assert.strictEqual(endpointOf('https://example.com:443/x'), 'https://example.com:443');
    assert.strictEqual(endpointOf('http://example.com'), 'http://example.com:80');
    assert.strictEqual(endpointOf('mqtts://Example.com'), 'mqtts://example.com:8883');
    assert.strictEqual(endpointOf('mqtt://example.com'), 'mqtt://example.com:1883');
    assert.strictEqual(endpointOf('wss://example.com/mqtt'), 'wss://example.com:443');
    assert.strictEqual(endpointOf('ws://[::1]:8083/mqtt'), 'ws://[::1]:8083');
    assert.strictEqual(endpointOf('nonsense'), undefined);
  });
});
