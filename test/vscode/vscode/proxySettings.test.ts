// VS Code's proxy settings in a real extension host, through a real proxy (tinyproxy): with
// `http.proxy` set, the Clients tree's REST calls go to the platform's URL through it and the
// window's monitor tunnels its MQTT over WebSocket to the platform's host; when the setting is
// cleared, the next calls go direct again.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { IotConnectivityApi } from '../../../src/extension';
import { startTinyproxy, type Tinyproxy } from '../../unit/platform/support/tinyproxy';
import { waitFor } from '../../support/waitFor';
import { extensionApi, freshRoots, ready, removeAllPlatforms } from '../views/clients/fixture';

async function setHttp(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('http').update(key, value, vscode.ConfigurationTarget.Global);
}

describe('Proxy settings (http.proxy, http.noProxy) in the extension host', () => {
  let api: IotConnectivityApi;
  let proxy: Tinyproxy;
  const pinned = () => `d:${ready().org}:proxied:dev-1`;

  before(async () => {
    api = await extensionApi();
    proxy = await startTinyproxy();
    const r = ready();
    await api.platforms.save({ name: 'proxied', apiUrl: r.apiUrl, mqttUrl: r.wsUrl, apiKey: r.apiKey }, r.apiToken);
  });
  after(async () => {
    await vscode.commands.executeCommand('iotConnectivity.unpinClient', pinned());
    await setHttp('proxy', undefined);
    await setHttp('noProxy', undefined);
    await removeAllPlatforms(api);
    await proxy.close();
  });

  it("sends the tree's REST calls through http.proxy, to the platform's URL only", async () => {
    await setHttp('noProxy', ['<-loopback>']);
    await setHttp('proxy', proxy.url);
    await waitFor(
      'the platform read again with the proxy',
      async () => (await api.platforms.status()).kind === 'ready',
    );
    await freshRoots(api);
    const requests = proxy.requests();
    assert.ok(requests.length > 0, 'the proxy was used');
    for (const r of requests) assert.ok(r.startsWith(`GET ${ready().apiUrl}/`), r);
  });

  it("tunnels the window's monitor (MQTT over WebSocket) to the platform's host", async () => {
    await vscode.commands.executeCommand('iotConnectivity.pinClient', pinned());
    const host = new URL(ready().wsUrl).host;
    await waitFor('a CONNECT to the broker', () => proxy.requests().includes(`CONNECT ${host}`), {
      timeoutMs: 15_000,
    });
    await waitFor('the watcher connected', () => api.watcher.service.connection.state === 'connected', {
      timeoutMs: 15_000,
    });
    assert.ok(!proxy.log().includes(ready().apiToken), 'the token never reaches the proxy');
  });

  it('goes direct again once http.proxy is cleared', async () => {
    await setHttp('proxy', undefined);
    const before = proxy.requests().length;
    await freshRoots(api);
    assert.strictEqual(proxy.requests().length, before);
  });
});
