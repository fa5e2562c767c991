// Fuzz: the sandbox's ready line is the first line a child process printed: any line is either a
// ready line with every required field, or refused with words that never repeat the line (it may
// hold the API token).
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { readReadyLine } from '../../../../src/features/localSandbox/readyLine';
import { anyValue, checkProperty, hostileText } from '../../support/fuzz';

const SECRET = 'T0ken-that-must-not-leak';
const ready = fc.record(
  {
    event: fc.oneof(fc.constant('ready'), hostileText()),
    org: hostileText(),
    apiUrl: fc.oneof(fc.constant('http://127.0.0.1:8088/api/v0002'), hostileText()),
    mqttUrl: hostileText(),
    wsUrl: hostileText(),
    apiKey: hostileText(),
    apiToken: fc.oneof(fc.constant(SECRET), hostileText()),
    mqttsUrl: fc.oneof(hostileText(), anyValue()),
    caFile: fc.oneof(hostileText(), anyValue()),
  },
  { requiredKeys: ['event'] },
);
const line = fc.oneof(
  ready.map((r) => JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))),
  hostileText().map((t) => `${t}${SECRET}`),
  fc.jsonValue().map((v) => JSON.stringify(v)),
);

describe('fuzz: ready lines', function () {
  this.timeout(30_000);

  it('readReadyLine: any line; a ready line with every field, or words without the line', () => {
    checkProperty(
      'readyLine',
      fc.property(line, (text) => {
        let info;
        try {
          info = readReadyLine(text);
        } catch (err) {
          assert.ok(err instanceof Error);
          assert.ok(!err.message.includes(SECRET), err.message);
          return;
        }
        assert.equal(info.event, 'ready');
        for (const k of ['org', 'apiUrl', 'mqttUrl', 'wsUrl', 'apiKey', 'apiToken'] as const) {
          assert.ok(typeof info[k] === 'string' && info[k].length > 0, k);
        }
      }),
    );
  });
});
