// Fuzz: the platforms setting is read from settings.json, which anyone may have edited (or synced):
// any value gives platforms with a unique trimmed name and an API key, and problems in words;
// resolving each, and reading any URL's host and endpoint, never throws.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import {
  endpointOf,
  hostOf,
  MAX_NAME,
  readPlatforms,
  resolvePlatform,
} from '../../../../src/features/platforms/config';
import { anyValue, checkProperty, hostileText } from '../../support/fuzz';

const url = fc.oneof(
  fc.webUrl(),
  fc.constantFrom('mqtt://127.0.0.1:1883', 'mqtts://h:8883', 'ws://h/mqtt', 'http://[::1]:8088/api/v0002'),
  hostileText(),
);
const entry = fc.record(
  {
    name: hostileText(),
    apiKey: fc.oneof(fc.constantFrom('a-org1x2-abcdefghij'), hostileText()),
    orgId: fc.oneof(fc.constantFrom('org1x2'), hostileText()),
    apiUrl: url,
    mqttUrl: url,
    caFile: hostileText(),
    rejectUnauthorized: fc.oneof(fc.boolean(), anyValue()),
  },
  { requiredKeys: [] },
);

describe('fuzz: settings', function () {
  this.timeout(30_000);

  it('readPlatforms: any value; unique trimmed names with an API key; each resolves or says why', () => {
    checkProperty(
      'settings.platforms',
      fc.property(fc.oneof(fc.array(fc.oneof(entry, anyValue()), { maxLength: 8 }), anyValue()), (value) => {
        const { platforms, problems } = readPlatforms(value);
        assert.ok(problems.every((p) => typeof p === 'string'));
        assert.equal(new Set(platforms.map((p) => p.name)).size, platforms.length);
        for (const p of platforms) {
          assert.ok(p.name.length > 0 && p.name.length <= MAX_NAME && p.name === p.name.trim());
          assert.ok(p.apiKey.length > 0);
          const r = resolvePlatform(p);
          assert.ok(r.ok || typeof r.problem === 'string');
        }
      }),
    );
  });

  it('hostOf and endpointOf: any text', () => {
    checkProperty(
      'settings.urls',
      fc.property(url, (u) => {
        const host = hostOf(u);
        const endpoint = endpointOf(u);
        assert.ok(host === undefined || typeof host === 'string');
        assert.ok(endpoint === undefined || typeof endpoint === 'string');
      }),
    );
  });
});
