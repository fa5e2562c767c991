// "Register Device…" in a real extension host against the sandbox of this run: the device is
// created through the registry API, the document's mqtt.js code — run as it is, under the host's
// Node — connects, and the state API shows the device connected; the token is forgotten when the
// document closes; bad ids and an existing device are refused without creating anything.
import * as assert from 'assert';
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { IotConnectivityApi } from '../../../../src/extension';
import type { RegisteredDevice } from '../../../../src/shared/commands';
import { waitFor } from '../../../support/waitFor';
import { ourExtension } from '../../support/index';
import { extensionApi, removeAllPlatforms, sandboxRest, useSandbox } from '../clients/fixture';

function jsBlock(markdown: string): string {
  const m = /^(`{3,})javascript\n([\s\S]*?)\n\1$/m.exec(markdown);
  if (!m) throw new Error(`no javascript block in:\n${markdown}`);
  return m[2];
}

describe('Register Device…', function () {
  this.timeout(60_000);
  let api: IotConnectivityApi;
  const rest = sandboxRest();
  let device: ChildProcess | undefined;
  let dir: string;

  before(async () => {
    api = await extensionApi();
    await useSandbox(api);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iotc-register-'));
  });
  after(async () => {
    device?.kill('SIGKILL');
    rest.dispose();
    await removeAllPlatforms(api);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('registers the device and opens its document; the mqtt.js code in it connects', async () => {
    const result = await vscode.commands.executeCommand<RegisteredDevice>('iotConnectivity.registerDevice', {
      typeId: 'regtest',
      deviceId: 'first-device',
    });
    assert.ok(result, 'the command returned nothing (see the log for its error)');
    assert.match(result.clientId, /^d:\w{6}:regtest:first-device$/);
    assert.strictEqual((await rest.getDevice('regtest', 'first-device')).deviceId, 'first-device');

    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === result.uri);
    assert.ok(doc, 'the document is open');
    assert.strictEqual(doc.languageId, 'markdown');
    assert.ok(vscode.window.visibleTextEditors.some((e) => e.document === doc));
    const text = doc.getText();
    for (const part of ['use-token-auth', result.clientId, '## Python: Eclipse Paho', '## C: Eclipse Paho C']) {
      assert.ok(text.includes(part), `the document names ${part}`);
    }

    const file = path.join(dir, 'device.js');
    fs.writeFileSync(file, jsBlock(text));
    let output = '';
    device = spawn(process.execPath, [file], {
      env: {
        ...process.env,
        ELECTRON_RUN_AS_NODE: '1',
        NODE_PATH: path.join(ourExtension().extensionPath, 'node_modules'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    device.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    device.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    await waitFor(
      `${result.clientId} connected in the state API (device output: ${output})`,
      async () => (await rest.getClientState(result.clientId).catch(() => undefined))?.status === 'connected',
      { timeoutMs: 15_000, intervalMs: 100 },
    );
    await waitFor('the device code to say it is connected', () => /connected as d:/.test(output), { timeoutMs: 5000 });
  });

  it('forgets the token when its tab closes', async () => {
    const result = await vscode.commands.executeCommand<RegisteredDevice>('iotConnectivity.registerDevice', {
      typeId: 'regtest',
      deviceId: 'second-device',
    });
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === result.uri);
    assert.ok(doc);
    const token = /Password \(device token\): `([^`]+)`/.exec(doc.getText())?.[1];
    assert.ok(token);
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    // VS Code may keep the closed document a while: its text changes instead.
    await waitFor('the token to leave the closed document', () => !doc.getText().includes(token), {
      timeoutMs: 10_000,
      intervalMs: 100,
    });
    const reopened = await vscode.workspace.openTextDocument(vscode.Uri.parse(result.uri));
    assert.ok(!reopened.getText().includes(token), 'the reopened document has no token');
    assert.match(reopened.getText(), /no longer in memory/);
  });

  it('refuses bad ids and an existing device without creating anything', async () => {
    const before = (await rest.listDeviceTypes()).length;
    assert.strictEqual(
      await vscode.commands.executeCommand('iotConnectivity.registerDevice', { typeId: '<img src=x>', deviceId: 'd' }),
      undefined,
    );
    assert.strictEqual(
      await vscode.commands.executeCommand('iotConnectivity.registerDevice', {
        typeId: 'regtest',
        deviceId: 'x'.repeat(64 * 1024),
      }),
      undefined,
    );
    assert.strictEqual((await rest.listDeviceTypes()).length, before);
    assert.strictEqual(
      await vscode.commands.executeCommand('iotConnectivity.registerDevice', {
        typeId: 'regtest',
        deviceId: 'first-device',
      }),
      undefined,
    );
  });
});
