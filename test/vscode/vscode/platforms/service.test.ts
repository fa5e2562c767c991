// Platforms and credentials in a real extension host: no platform → the welcome state; Connect
// to Platform verifies with a real call and keeps the token out of settings; failures say what
// failed; workspace settings cannot redirect the token, nor a downgrade to plain text. These tests
// call the commands as a link would, so each asks first (views/commands/outsideCall.ts): the
// capture agrees.
import * as assert from 'assert';
import * as net from 'net';
import * as vscode from 'vscode';
import type { IotConnectivityApi } from '../../../../src/extension';
import { waitFor } from '../../../support/waitFor';
import { captureMessages, type MessageCapture } from '../../support/messages';
import { removeWorkspaceSettings, writeWorkspaceSettings } from '../../support/workspaceSettings';
import { extensionApi, freshRoots, label, ready, removeAllPlatforms, useSandbox } from '../../views/clients/fixture';

describe('Clients view: platforms and credentials', () => {
  let api: IotConnectivityApi;
  let messages: MessageCapture;
  before(async () => {
    api = await extensionApi();
    await removeAllPlatforms(api);
    messages = captureMessages();
    messages.answer = (m) => (m.modal ? m.actions[0] : undefined);
  });
  after(async () => {
    messages?.restore();
    await removeAllPlatforms(api);
  });

  it('shows nothing but the welcome (platformState none) while no platform is set up', async () => {
    assert.deepStrictEqual(await freshRoots(api), []);
    assert.strictEqual((await api.platforms.status()).kind, 'none');
  });

  it('connects with a complete draft: verified, token in secret storage, the rest in user settings', async () => {
    const r = ready();
    const outcome = await vscode.commands.executeCommand<{ ok: boolean }>('iotConnectivity.connectPlatform', {
      name: 'sandbox',
      apiUrl: r.apiUrl,
      mqttUrl: r.mqttUrl,
      apiKey: r.apiKey,
      token: r.apiToken,
    });
    assert.deepStrictEqual(outcome, { ok: true, name: 'sandbox', clientStateEnabled: true });
    const inspected = vscode.workspace.getConfiguration('iotConnectivity').inspect('platforms');
    assert.deepStrictEqual(inspected?.globalValue, [
      { name: 'sandbox', apiUrl: r.apiUrl, mqttUrl: r.mqttUrl, apiKey: r.apiKey },
    ]);
    assert.strictEqual(
      vscode.workspace.getConfiguration('iotConnectivity').inspect('activePlatform')?.globalValue,
      'sandbox',
    );
    const everything = JSON.stringify(vscode.workspace.getConfiguration('iotConnectivity'));
    assert.ok(!everything.includes(r.apiToken), 'the token is in the settings');
    const roots = await freshRoots(api);
    assert.deepStrictEqual(
      roots.map((n) => label(n).replace(/ \(\d+\)$/, '')),
      ['Connected', 'Disconnected'],
    );
  });

  it('says precisely what failed for a wrong token, and changes nothing', async () => {
    const r = ready();
    const outcome = await vscode.commands.executeCommand<{ ok: boolean; message: string }>(
      'iotConnectivity.connectPlatform',
      { name: 'wrong', apiUrl: r.apiUrl, apiKey: r.apiKey, token: 'not-the-token' },
    );
    assert.strictEqual(outcome.ok, false);
    assert.match(outcome.message, /^Could not connect to wrong: .*(403|refused|not allowed|credentials)/i);
    assert.ok(!outcome.message.includes('not-the-token'));
    assert.deepStrictEqual(
      api.platforms.list().map((p) => p.name),
      ['sandbox'],
    );
  });

  it('says precisely what failed for a host where nothing listens', async () => {
    const r = ready();
    const closedPort = await freePort();
    const outcome = await vscode.commands.executeCommand<{ ok: boolean; message: string }>(
      'iotConnectivity.connectPlatform',
      { name: 'nowhere', apiUrl: `http://127.0.0.1:${closedPort}/api/v0002`, apiKey: r.apiKey, token: r.apiToken },
    );
    assert.strictEqual(outcome.ok, false);
    assert.match(outcome.message, new RegExp(`127\\.0\\.0\\.1:${closedPort}.*refused`));
  });

  it('ignores platform settings of the workspace: they cannot send the token to another host', async () => {
    const evil = {
      'iotConnectivity.platforms': [
        { name: 'sandbox', apiUrl: 'http://evil.example/api/v0002', apiKey: ready().apiKey },
      ],
      'iotConnectivity.activePlatform': 'sandbox',
      'iotConnectivity.pageSize': 7,
    };
    try {
      await writeWorkspaceSettings(evil);
      const status = await api.platforms.status();
      assert.strictEqual(status.kind, 'ready');
      assert.strictEqual(status.kind === 'ready' && status.platform.resolved.apiUrl, ready().apiUrl);
      assert.deepStrictEqual(
        api.platforms.list().map((p) => p.apiUrl),
        [ready().apiUrl],
      );
    } finally {
      await removeWorkspaceSettings();
    }
  });

  it('refuses the stored token after a downgrade to plain text on the same host and port, saying why', async () => {
    const r = ready();
    const secure = { name: 'tls', apiUrl: r.apiUrl.replace(/^http:/, 'https:'), mqttUrl: r.mqttUrl, apiKey: r.apiKey };
    await api.platforms.save(secure, r.apiToken);
    try {
      const config = vscode.workspace.getConfiguration('iotConnectivity');
      const others = api.platforms.list().filter((p) => p.name !== 'tls');
      // Edited by hand, or by settings sync: the same host and port, without TLS.
      await config.update('platforms', [...others, { ...secure, apiUrl: r.apiUrl }], vscode.ConfigurationTarget.Global);
      // Read again once the settings change is told; on a platform that ignores the scheme it stays ready.
      const status = await waitFor(
        'the stored token refused',
        async () => {
          const s = await api.platforms.status();
          return s.kind === 'problem' ? s : undefined;
        },
        { timeoutMs: 5000 },
      );
      assert.strictEqual(status.kind, 'problem', 'the token would be sent in clear text');
      assert.strictEqual(status.kind === 'problem' && status.fix, 'setCredentials');
      assert.match(status.kind === 'problem' ? status.message : '', /without TLS.*unencrypted/);
    } finally {
      await api.platforms.remove('tls');
      await api.platforms.select('sandbox');
    }
  });

  it('selects and removes platforms; the token goes with its platform', async () => {
    await useSandbox(api, { name: 'second' });
    assert.strictEqual(api.platforms.activeName(), 'second');
    await vscode.commands.executeCommand('iotConnectivity.selectPlatform', 'sandbox');
    assert.strictEqual(api.platforms.activeName(), 'sandbox');
    await api.platforms.remove('second');
    assert.deepStrictEqual(
      api.platforms.list().map((p) => p.name),
      ['sandbox'],
    );
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
