// Commands that change where the token goes, run as a `command:` link, a keybinding or another
// extension would run them (vscode.commands.executeCommand with JSON arguments): each asks first
// in a modal naming the URLs, and nothing changes unless the person agrees. The extension's own
// buttons (a tree action) carry its own-call mark and do not ask; Start Local Sandbox and npm
// start's handover do not go through the commands at all (views/sandbox/service.ts, bootstrap.ts).
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { IotConnectivityApi } from '../../../../src/extension';
import { captureMessages, type MessageCapture, type Shown } from '../../support/messages';
import { extensionApi, freshRoots, item, ready, removeAllPlatforms, useSandbox } from '../clients/fixture';

const ELSEWHERE_API = 'http://localhost:1/api/v0002';
const ELSEWHERE_MQTT = 'mqtt://localhost:2';

describe('Commands that change where the token goes ask first when called from outside', () => {
  let api: IotConnectivityApi;
  let messages: MessageCapture;
  let inputs: string[];
  const showInputBox = vscode.window.showInputBox;

  before(async () => {
    api = await extensionApi();
    await removeAllPlatforms(api);
    await useSandbox(api);
    await useSandbox(api, { name: 'second' });
    await api.platforms.select('sandbox');
    messages = captureMessages();
    inputs = [];
    (vscode.window as { showInputBox: unknown }).showInputBox = (o?: vscode.InputBoxOptions) => {
      inputs.push(o?.prompt ?? '');
      return Promise.resolve(undefined);
    };
  });
  afterEach(() => {
    messages.answer = () => undefined;
    messages.shown.length = 0;
    inputs.length = 0;
  });
  after(async () => {
    messages?.restore();
    (vscode.window as { showInputBox: unknown }).showInputBox = showInputBox;
    await removeAllPlatforms(api);
  });

  const asked = (): Shown => {
    const modal = messages.shown.find((m) => m.modal);
    assert.ok(modal, `no question was asked; shown: ${JSON.stringify(messages.shown)}`);
    return modal;
  };
  const words = (m: Shown) => `${m.text}\n${m.detail ?? ''}`;
  const draft = () => ({
    name: 'elsewhere',
    apiUrl: ELSEWHERE_API,
    mqttUrl: ELSEWHERE_MQTT,
    apiKey: ready().apiKey,
    token: ready().apiToken,
  });

  it('Connect to Platform with a complete draft: asks, naming both URLs; dismissed, nothing is saved', async () => {
    const outcome = await vscode.commands.executeCommand<{ ok: boolean }>('iotConnectivity.connectPlatform', draft());
    assert.ok(words(asked()).includes(ELSEWHERE_API), words(asked()));
    assert.ok(words(asked()).includes(ELSEWHERE_MQTT), words(asked()));
    assert.strictEqual(outcome.ok, false);
    assert.deepStrictEqual(
      api.platforms.list().map((p) => p.name),
      ['sandbox', 'second'],
    );
    assert.strictEqual(api.platforms.activeName(), 'sandbox');
  });

  it('Connect to Platform: goes on once the person agrees (here, to a host where nothing listens)', async () => {
    messages.answer = (m) => (m.modal ? m.actions[0] : undefined);
    const outcome = await vscode.commands.executeCommand<{ ok: boolean; message: string }>(
      'iotConnectivity.connectPlatform',
      draft(),
    );
    assert.strictEqual(outcome.ok, false);
    assert.match(outcome.message, /localhost:1/, 'it tried to connect');
  });

  it('Select Platform by name: asks, naming where the token goes; dismissed, the active platform stays', async () => {
    await vscode.commands.executeCommand('iotConnectivity.selectPlatform', 'second');
    assert.ok(words(asked()).includes(ready().apiUrl), words(asked()));
    assert.strictEqual(api.platforms.activeName(), 'sandbox');
    messages.answer = (m) => (m.modal ? m.actions[0] : undefined);
    await vscode.commands.executeCommand('iotConnectivity.selectPlatform', 'second');
    assert.strictEqual(api.platforms.activeName(), 'second');
    await api.platforms.select('sandbox');
  });

  it('Set Credentials by name: asks before any input box; dismissed, none opens', async () => {
    await vscode.commands.executeCommand('iotConnectivity.setCredentials', 'second');
    assert.ok(words(asked()).includes(ready().apiUrl), words(asked()));
    assert.deepStrictEqual(inputs, []);
  });

  it('Remove Platform by name: asks, naming its URLs; dismissed, it stays', async () => {
    await vscode.commands.executeCommand('iotConnectivity.removePlatform', 'second');
    assert.ok(words(asked()).includes(ready().apiUrl), words(asked()));
    assert.deepStrictEqual(
      api.platforms.list().map((p) => p.name),
      ['sandbox', 'second'],
    );
  });

  it("a draft that merely looks like the extension's own mark is still asked about", async () => {
    await vscode.commands.executeCommand('iotConnectivity.setCredentials', 'second', { ownCall: 'iotConnectivity' });
    asked();
    assert.deepStrictEqual(inputs, []);
  });

  it("the extension's own button (the tree's Set Credentials…) does not ask: it goes straight to the key", async () => {
    await useSandbox(api, { name: 'wrong', token: 'wrong-token' });
    try {
      const roots = await freshRoots(api);
      const command = roots.map((n) => item(n).command).find((c) => c?.command === 'iotConnectivity.setCredentials');
      assert.ok(command, 'the tree offers Set Credentials…');
      // As VS Code runs a tree item's command: the same argument objects, in the extension host.
      await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
      assert.strictEqual(
        messages.shown.find((m) => m.modal),
        undefined,
      );
      assert.strictEqual(inputs.length, 1, 'the API key was asked for');
    } finally {
      await api.platforms.remove('wrong');
    }
  });
});
