import * as assert from 'assert';
import {
  draftFromConfig,
  draftToConfig,
  readDraft,
  suggestedName,
  usesTls,
} from '../../../../src/features/platforms/draft';

describe('features/platforms/draft: what Connect to Platform collects', () => {
  it('reads a command argument defensively and infers the mode', () => {
    assert.deepStrictEqual(
      readDraft({
        name: 'sb',
        apiUrl: 'http://127.0.0.1:1/api/v0002',
        apiKey: 'k',
        token: 't',
        rejectUnauthorized: 'no',
        extra: 1,
        caFile: 5,
      }),
      { name: 'sb', apiUrl: 'http://127.0.0.1:1/api/v0002', apiKey: 'k', token: 't', mode: 'urls' },
    );
    assert.deepStrictEqual(readDraft({ orgId: 'abc123' }), { orgId: 'abc123', mode: 'org' });
    assert.deepStrictEqual(readDraft('nonsense'), {});
    assert.deepStrictEqual(readDraft(null), {});
  });

  it('becomes a platform entry only when complete, without the token', () => {
    assert.strictEqual(draftToConfig({ mode: 'org', name: 'n', apiKey: 'k' }), undefined);
    assert.strictEqual(draftToConfig({ mode: 'urls', name: 'n', apiKey: 'k', token: 't' }), undefined);
    assert.deepStrictEqual(
      draftToConfig({ mode: 'org', name: 'n', orgId: 'abc123', apiKey: 'k', token: 't', apiUrl: 'ignored' }),
      { name: 'n', apiKey: 'k', orgId: 'abc123', caFile: undefined, rejectUnauthorized: undefined },
    );
    assert.deepStrictEqual(
      draftToConfig({
        mode: 'urls',
        name: 'n',
        apiUrl: 'https://h/api/v0002',
        mqttUrl: 'mqtts://h:8883',
        apiKey: 'k',
        token: 't',
        rejectUnauthorized: false,
      }),
      {
        name: 'n',
        apiKey: 'k',
        apiUrl: 'https://h/api/v0002',
        mqttUrl: 'mqtts://h:8883',
        caFile: undefined,
        rejectUnauthorized: false,
      },
    );
  });

  it('goes back and forth with a stored entry for editing', () => {
    const config = { name: 'n', apiUrl: 'https://h/api/v0002', apiKey: 'k', caFile: '/ca.pem' };
    assert.deepStrictEqual(draftToConfig({ ...draftFromConfig(config), token: 't' }), {
      ...config,
      mqttUrl: undefined,
      rejectUnauthorized: undefined,
    });
  });

  it('suggests a name and asks about certificates only where TLS is used', () => {
    assert.strictEqual(suggestedName({ mode: 'org', orgId: 'abc123' }), 'abc123');
    assert.strictEqual(suggestedName({ mode: 'urls', apiUrl: 'http://127.0.0.1:8080/api/v0002' }), '127.0.0.1:8080');
    assert.strictEqual(usesTls({ mode: 'org' }), true);
    assert.strictEqual(usesTls({ mode: 'urls', apiUrl: 'http://a', mqttUrl: 'mqtt://a' }), false);
    assert.strictEqual(usesTls({ mode: 'urls', apiUrl: 'http://a', mqttUrl: 'mqtts://a' }), true);
  });
});
