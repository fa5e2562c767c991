// The duplicate client id detective in a real extension host: js-debug runs a device program that
// connects with mqtt.js to the sandbox, and a second copy of it runs in a process of its own with
// the same client id; both reconnect after a second (mqtt.js's default), so they take the session
// from each other (288). One notification names both processes and says which one is debugged;
// Copy PID copies the other one's.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import type { IotConnectivityApi } from '../../../../src/extension';
import { startMqttProcess, type MqttProcess } from '../../../support/mqttProcess';
import { waitFor } from '../../../support/waitFor';
import { ourExtension } from '../../support/index';
import { captureMessages, type MessageCapture } from '../../support/messages';
import { extensionApi, ready, removeAllPlatforms, sandboxRest, useSandbox } from '../clients/fixture';
import { Debuggee, LiveSessions } from './debuggee';

describe('Debug sessions: one client id used by two programs', function () {
  this.timeout(60_000);
  let api: IotConnectivityApi;
  let messages: MessageCapture;
  const rest = sandboxRest();
  const debuggee = new Debuggee();
  const sessions = new LiveSessions();
  const clientId = `d:${ready().org}:dbgdup:boiler-1`;
  let token: string;
  let copy: MqttProcess | undefined;

  before(async () => {
    api = await extensionApi();
    await useSandbox(api);
    await rest.createDeviceType('dbgdup').catch(() => undefined);
    token = (await rest.createDevice('dbgdup', { deviceId: 'boiler-1' })).authToken;
    messages = captureMessages();
  });
  after(async () => {
    messages.restore();
    await copy?.stop();
    await sessions.stopAll();
    sessions.dispose();
    debuggee.dispose();
    await removeAllPlatforms(api);
    rest.dispose();
  });

  it('tells one finding naming both processes, with Show Timeline and Copy PID', async () => {
    const env = {
      IOT_MQTT_URL: ready().mqttUrl,
      IOT_CLIENT_ID: clientId,
      IOT_USERNAME: 'use-token-auth',
      IOT_PASSWORD: token,
      RECONNECT_MS: '1000',
    };
    assert.ok(await vscode.debug.startDebugging(undefined, debuggee.configuration('boiler twins', env)));
    const debugged = await debuggee.connected();
    await waitFor('the client of the session', () => api.debug.loop.ownership.ownerOf(clientId), { timeoutMs: 20_000 });
    messages.answer = (m) => (m.text.includes('(288)') ? 'Copy PID' : undefined);
    copy = await startMqttProcess({
      mqttUrl: ready().mqttUrl,
      clientId,
      username: 'use-token-auth',
      password: token,
      reconnectMs: 1000,
      program: path.join(ourExtension().extensionPath, 'out', 'test', 'support', 'mqttProcess.child.js'),
    });
    const shown = await messages.next('the finding', (m) => m.text.includes('(288)'));
    assert.strictEqual(shown.level, 'warning');
    assert.deepStrictEqual(shown.actions, ['Show Timeline', 'Copy PID']);
    assert.ok(shown.text.startsWith(`Client id ${clientId} is used by two programs`), shown.text);
    assert.ok(shown.text.includes(`process ${debugged.pid} `), shown.text);
    assert.ok(shown.text.includes(`process ${copy.pid} `), shown.text);
    assert.match(
      shown.text,
      new RegExp(`process ${debugged.pid} "[^"]*device\\.js[^"]*" at [^,]+, the program being debugged`),
    );
    assert.ok(shown.text.includes(copy.marker), 'the copy by its command line');
    await waitFor(
      'its PID on the clipboard',
      async () => (await vscode.env.clipboard.readText()) === String(copy?.pid),
    );
    // Once per episode: the loop goes on, the notification does not come again.
    assert.strictEqual(api.debug.loop.detective.size, 1, 'one episode');
    await waitFor('the programs to go on taking it', () => debuggee.closed(3), { timeoutMs: 15_000 });
    assert.strictEqual(messages.shown.filter((m) => m.text.includes('(288)')).length, 1);
  });
});
