import * as assert from 'assert';
import { readReadyLine } from '../../../../src/features/localSandbox/readyLine';

const READY = {
  event: 'ready',
  org: 'sandbx',
  apiUrl: 'http://127.0.0.1:1/api/v0002',
  mqttUrl: 'mqtt://127.0.0.1:2',
  mqttsUrl: null,
  wsUrl: 'ws://127.0.0.1:3/mqtt',
  wssUrl: null,
  httpsUrl: null,
  apiKey: 'a-sandbx-0123456789',
  apiToken: 'secret-token',
  caFile: null,
};

describe("localSandbox/readyLine: the sandbox's ready line, read defensively", () => {
  it('reads the line the CLI prints', () => {
    assert.deepStrictEqual(readReadyLine(JSON.stringify(READY)), READY);
  });

  it('refuses anything else without echoing it (it could hold a token)', () => {
    for (const line of [
      '',
      'hello',
      '[1]',
      'null',
      JSON.stringify({ ...READY, event: 'started' }),
      'x'.repeat(100_000),
    ]) {
      assert.throws(
        () => readReadyLine(line),
        (err: Error) => /not its ready line/.test(err.message) && !err.message.includes('hello'),
      );
    }
  });

  it('names a missing or unusable field', () => {
    assert.throws(() => readReadyLine(JSON.stringify({ ...READY, apiToken: undefined })), /no usable "apiToken"/);
    assert.throws(() => readReadyLine(JSON.stringify({ ...READY, apiUrl: 42 })), /no usable "apiUrl"/);
    assert.strictEqual(readReadyLine(JSON.stringify({ ...READY, caFile: 7 })).caFile, null);
  });
});
