import * as assert from 'assert';
import { Redaction } from '../../../src/vscode/redaction';

describe('vscode/redaction: no token reaches the log', () => {
  const apiKey = 'a-testor-abcdefghij';
  const token = 'S3cr3t+T0ken/with=chars';

  it('masks a known token in every form it travels in', () => {
    const r = new Redaction();
    r.addSecret(apiKey, token);
    const basic = Buffer.from(`${apiKey}:${token}`).toString('base64');
    const text = r.apply(`token ${token}; url ${encodeURIComponent(token)}; header Basic ${basic}; echoed: "${token}"`);
    assert.ok(!text.includes(token) && !text.includes(encodeURIComponent(token)) && !text.includes(basic), text);
  });

  it('masks anything shaped like a credential, known or not', () => {
    const r = new Redaction();
    assert.strictEqual(r.apply('Authorization: Basic YTpi'), 'Authorization: Basic ***');
    assert.strictEqual(r.apply('{"authToken":"abc123","deviceId":"d1"}'), '{"authToken":"***","deviceId":"d1"}');
    assert.strictEqual(r.apply('password=hunter2&user=x'), 'password=***&user=x');
    assert.strictEqual(r.apply('apiToken: xyz, next'), 'apiToken: ***, next');
  });

  it('leaves ordinary lines alone and accepts anything', () => {
    const r = new Redaction();
    r.addSecret(apiKey, 'ab'); // too short to mask safely
    assert.strictEqual(
      r.apply('[tree] roots of sandbox in 12 ms: connected 3'),
      '[tree] roots of sandbox in 12 ms: connected 3',
    );
    assert.strictEqual(r.apply(undefined as unknown as string), 'undefined');
  });
});
