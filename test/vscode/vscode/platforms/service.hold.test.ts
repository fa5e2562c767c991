// PlatformService.holdUntil in a real extension host: while npm start's handover is taken (its
// profile names the platform before the token is in secret storage), the status waits for it, so
// the tree never shows "Credentials needed"; a handover that fails lets the status through.
import * as assert from 'assert';
import type { IotConnectivityApi } from '../../../../src/extension';
import { waitFor } from '../../../support/waitFor';
import { extensionApi, ready, removeAllPlatforms, setSetting } from '../../views/clients/fixture';

describe('Platforms: the status waits for a handover', () => {
  let api: IotConnectivityApi;
  before(async () => {
    api = await extensionApi();
    await removeAllPlatforms(api);
  });
  after(async () => {
    await removeAllPlatforms(api);
    await setSetting('activePlatform', undefined);
  });

  it('says nothing of credentials while the platform is set up before its token', async () => {
    const r = ready();
    let release = () => {};
    api.platforms.holdUntil(new Promise<void>((resolve) => (release = resolve)));
    let asked = 0;
    const seen: string[] = [];
    const look = () => {
      asked++;
      void api.platforms.status().then((s) => seen.push(s.kind));
    };
    const listening = api.platforms.onDidChange(look);
    try {
      let settled = false;
      const first = api.platforms.status().finally(() => (settled = true));
      // What npm start's profile holds before the handover: the platform, and no token yet.
      await setSetting('platforms', [{ name: 'held', apiUrl: r.apiUrl, mqttUrl: r.mqttUrl, apiKey: r.apiKey }]);
      await setSetting('activePlatform', 'held');
      await waitFor('the platform in the settings', () => api.platforms.list().some((p) => p.name === 'held'));
      look();
      await api.platforms.setToken('held', r.apiToken);
      assert.strictEqual(settled, false, 'the status came before the handover was taken');
      release();
      assert.strictEqual((await first).kind, 'ready');
      await waitFor('every status asked for during the handover', () => seen.length === asked);
      assert.ok(asked >= 3, `asked ${asked} times`);
      assert.deepStrictEqual(
        seen.filter((kind) => kind !== 'ready'),
        [],
      );
    } finally {
      listening.dispose();
      release();
    }
  });

  it('lets the status through when the handover fails', async () => {
    api.platforms.holdUntil(Promise.reject(new Error('no handover')));
    assert.strictEqual((await api.platforms.status()).kind, 'ready');
  });
});
