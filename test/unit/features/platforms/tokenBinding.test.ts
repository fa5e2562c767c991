import * as assert from 'assert';
import { bindToken, readStoredToken, tokenFit } from '../../../../src/features/platforms/tokenBinding';

describe('features/platforms/tokenBinding: a token goes only to the scheme, host and port it was given for', () => {
  const platform = {
    name: 'p',
    apiUrl: 'http://127.0.0.1:8080/api/v0002',
    mqttUrl: 'mqtt://127.0.0.1:1883',
    apiKey: 'k',
    rejectUnauthorized: true,
  };
  const secure = { ...platform, apiUrl: 'https://h.example:8443/api/v0002', mqttUrl: 'mqtts://h.example:8883' };

  it('fits the platform it was stored for, however its default ports are written', () => {
    const stored = readStoredToken(JSON.stringify(bindToken('secret', platform)));
    assert.deepStrictEqual(stored, { token: 'secret', api: 'http://127.0.0.1:8080', mqtt: 'mqtt://127.0.0.1:1883' });
    assert.deepStrictEqual(tokenFit(stored, platform), { ok: true });
    const ibm = { ...platform, apiUrl: 'https://o.example/api/v0002', mqttUrl: 'mqtts://m.example' };
    const again = { ...ibm, apiUrl: 'https://o.example:443/api/v0002', mqttUrl: 'mqtts://m.example:8883' };
    assert.deepStrictEqual(tokenFit(bindToken('secret', ibm), again), { ok: true });
  });

  it('does not fit once either URL points elsewhere, and says which', () => {
    const stored = bindToken('secret', platform);
    assert.deepStrictEqual(tokenFit(stored, { ...platform, apiUrl: 'http://evil.example/api/v0002' }), {
      ok: false,
      downgrade: false,
      was: 'http://127.0.0.1:8080',
      now: 'http://evil.example:80',
    });
    assert.strictEqual(tokenFit(stored, { ...platform, mqttUrl: 'mqtt://evil.example:1883' }).ok, false);
    assert.strictEqual(tokenFit(stored, { ...platform, mqttUrl: 'mqtt://127.0.0.1:1884' }).ok, false);
  });

  it('does not fit after a downgrade on the same host and port: https → http, mqtts → mqtt, wss → ws', () => {
    const stored = bindToken('secret', secure);
    assert.deepStrictEqual(tokenFit(stored, { ...secure, apiUrl: 'http://h.example:8443/api/v0002' }), {
      ok: false,
      downgrade: true,
      was: 'https://h.example:8443',
      now: 'http://h.example:8443',
    });
    assert.deepStrictEqual(tokenFit(stored, { ...secure, mqttUrl: 'mqtt://h.example:8883' }), {
      ok: false,
      downgrade: true,
      was: 'mqtts://h.example:8883',
      now: 'mqtt://h.example:8883',
    });
    const ws = bindToken('secret', { ...secure, mqttUrl: 'wss://h.example:8443/mqtt' });
    assert.strictEqual(tokenFit(ws, { ...secure, mqttUrl: 'ws://h.example:8443/mqtt' }).ok, false);
  });

  it('does not fit an MQTT URL added after the token was stored', () => {
    const stored = bindToken('secret', { ...platform, mqttUrl: undefined });
    assert.strictEqual(tokenFit(stored, platform).ok, false);
    assert.deepStrictEqual(tokenFit(bindToken('secret', platform), { ...platform, mqttUrl: undefined }), { ok: true });
  });

  it('reads nothing from what is not a stored token, nor from one bound by host alone (before schemes)', () => {
    for (const text of [
      undefined,
      '',
      'secret',
      '{"token":""}',
      '{"token":"x"}',
      '[1]',
      '{"token":5,"api":"h"}',
      '{"token":"x","apiHost":"127.0.0.1:8080","mqttHost":"127.0.0.1:1883"}',
    ]) {
      assert.strictEqual(readStoredToken(text), undefined);
    }
  });
});
