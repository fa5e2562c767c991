// A hostile platform (a real HTTP server and a real MQTT broker of this test, on loopback) puts a
// `command:` link into each kind of text that reaches a notification: a REST error's message, a
// monitor message's Reason, the client id the registry returns. VS Code would run such a link
// when clicked; what the extension asks VS Code to show must hold none, and read the same.
import * as assert from 'assert';
import type { IotConnectivityApi } from '../../../src/extension';
import { COMMAND_LINK, hasLinkedText } from '../../unit/core/links';
import { apiError } from '../../unit/platform/support/faultServer';
import { startHostilePlatform, type HostilePlatform } from '../support/hostilePlatform';
import { captureMessages, type MessageCapture, type Shown } from '../support/messages';
import { extensionApi, removeAllPlatforms, setSetting } from './clients/fixture';
import * as vscode from 'vscode';

const ORG = 'evil01';
const API_KEY = `a-${ORG}-abcdefghij`;
const DEVICE = `d:${ORG}:t:dev`;

/** The message as the person reads it: the link's text is all there, and none of it is a link. */
function assertInert(message: Shown): void {
  assert.ok(!hasLinkedText(message.text), `a link in the notification: ${JSON.stringify(message.text)}`);
  assert.ok(
    message.text.replace(/\u2009/g, '').includes(COMMAND_LINK),
    `the platform's text is not shown as it is: ${JSON.stringify(message.text)}`,
  );
}

describe('A hostile platform: its text reaches notifications as text, never as a link', () => {
  let api: IotConnectivityApi;
  let platform: HostilePlatform;
  let messages: MessageCapture;

  before(async () => {
    api = await extensionApi();
    platform = await startHostilePlatform();
    messages = captureMessages();
    await api.platforms.save(
      { name: 'hostile', apiUrl: platform.api.apiUrl, mqttUrl: platform.broker.url, apiKey: API_KEY },
      'hostile-token',
    );
  });
  after(async () => {
    messages?.restore();
    await vscode.commands.executeCommand('iotConnectivity.unpinClient', DEVICE);
    await setSetting('notify', undefined);
    if (api) await removeAllPlatforms(api);
    await platform?.close();
  });

  it("a REST error's message (the API's own `message`), through the command error handler", async () => {
    platform.routes.set('POST /device/types', [201, { id: 't' }]);
    platform.routes.set('POST /device/types/t/devices', [500, apiError('CUDRS0500E', COMMAND_LINK)]);
    await vscode.commands.executeCommand('iotConnectivity.registerDevice', { typeId: 't', deviceId: 'dev' });
    assertInert(await messages.next('the error notification', (m) => m.level === 'error'));
  });

  it('a REST error while connecting: "Could not connect to …"', async () => {
    platform.routes.set('GET /config/clientstate', [401, apiError('CUDCS0401E', COMMAND_LINK)]);
    messages.answer = (m) => (m.modal ? m.actions[0] : undefined);
    try {
      await vscode.commands.executeCommand('iotConnectivity.connectPlatform', {
        name: 'hostile-too',
        apiUrl: platform.api.apiUrl,
        apiKey: API_KEY,
        token: 'hostile-token',
      });
    } finally {
      messages.answer = () => undefined;
      platform.routes.set('GET /config/clientstate', [200, { enabled: true }]);
    }
    assertInert(await messages.next('the connect failure', (m) => /Could not connect/.test(m.text)));
  });

  it("a monitor message's Reason, through the pinned-client watcher's notification", async () => {
    await setSetting('notify', 'always');
    await vscode.commands.executeCommand('iotConnectivity.pinClient', DEVICE);
    const topic = 'iot-2/type/t/id/dev/mon';
    await platform.broker.subscribed(topic);
    const base = { ClientID: DEVICE, ClientAddr: '10.0.0.1', Port: 1883, Secure: false, Protocol: 'mqtt4' };
    const at = (ms: number) => new Date(Date.now() - ms).toISOString();
    await platform.broker.publish(topic, JSON.stringify({ ...base, Action: 'Connect', Time: at(2000) }), true);
    await platform.broker.publish(
      topic,
      JSON.stringify({ ...base, Action: 'Disconnect', Time: at(0), ConnectTime: at(2000), Reason: COMMAND_LINK }),
    );
    assertInert(await messages.next('the watcher notification', (m) => /dev disconnected/.test(m.text)));
  });

  it('the client id the registry returns, in "Device … is registered"', async () => {
    platform.routes.set('POST /device/types/t/devices', [
      201,
      { typeId: 't', deviceId: 'dev2', clientId: COMMAND_LINK, authToken: 'device-token' },
    ]);
    await vscode.commands.executeCommand('iotConnectivity.registerDevice', { typeId: 't', deviceId: 'dev2' });
    assertInert(await messages.next('the registration notification', (m) => /is registered/.test(m.text)));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
