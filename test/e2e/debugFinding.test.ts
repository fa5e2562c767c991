// A person's view of the duplicate client id detective in a real VS Code: a device program from the
// folder's launch.json runs under js-debug and connects with mqtt.js to the test's sandbox; a copy
// of it runs in a terminal-like process of its own with the same client id. Both reconnect after a
// second, so they take the session from each other (288): one notification names both processes,
// with Show Timeline and Copy PID, and the Debug Console shows the session's `[iot]` lines.
// Screenshots in test-results/screenshots/debug-*.png.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startMqttProcess, type MqttProcess } from '../support/mqttProcess';
import { startTestSandbox, type DeviceCredentials, type TestSandbox } from '../support/sandbox';
import { screenshotOnFailure } from './harness/failures';
import { startWorkbench, type Workbench } from './harness/workbench';
import { connectToSandbox } from './timeline.helpers';

const PROGRAM = `const mqtt = require(process.env.MQTT_JS);
const e = process.env;
mqtt.connect(e.IOT_MQTT_URL, { clientId: e.IOT_CLIENT_ID, username: e.IOT_USERNAME, password: e.IOT_PASSWORD,
  keepalive: 30, reconnectPeriod: 1000 }).on('error', () => undefined);
`;

describe('UI: one client id used by two programs, found while debugging', function () {
  this.timeout(240_000);
  let sb: TestSandbox;
  let wb: Workbench;
  let device: DeviceCredentials;
  let copy: MqttProcess | undefined;
  let folder: string;

  before(async () => {
    sb = await startTestSandbox();
    device = sb.registerDevice('boiler', 'boiler-1');
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'iotc-finding-ui-'));
    fs.writeFileSync(path.join(folder, 'device.js'), PROGRAM);
    fs.mkdirSync(path.join(folder, '.vscode'));
    const env = {
      MQTT_JS: require.resolve('mqtt'),
      IOT_MQTT_URL: sb.ready.mqttUrl,
      IOT_CLIENT_ID: device.clientId,
      IOT_USERNAME: 'use-token-auth',
      IOT_PASSWORD: device.token,
    };
    fs.writeFileSync(
      path.join(folder, '.vscode', 'launch.json'),
      JSON.stringify({
        version: '0.2.0',
        configurations: [
          { type: 'node', request: 'launch', name: 'boiler', program: '${workspaceFolder}/device.js', env },
        ],
      }),
    );
    wb = await startWorkbench({ folder, settings: { 'workbench.colorTheme': 'Default Dark Modern' } });
    await connectToSandbox(wb.ui, sb.ready);
  });
  after(async () => {
    await copy?.stop();
    await wb?.close();
    await sb?.close();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });
  screenshotOnFailure(() => wb);

  it('tells one finding naming both processes, with Show Timeline and Copy PID', async () => {
    await wb.ui.runCommand('Debug: Start Debugging');
    await wb.ui.waitVisible(wb.page.locator('.debug-toolbar'), 'the debug toolbar', 60_000);
    await wb.ui.openView('IoT Connectivity');
    await wb.ui.waitVisible(
      wb.page.locator('.part.sidebar .monaco-list-row .label-name', { hasText: /Debug Session: boiler/ }),
      "the session's group",
      60_000,
    );
    copy = await startMqttProcess({
      mqttUrl: sb.ready.mqttUrl,
      clientId: device.clientId,
      username: 'use-token-auth',
      password: device.token,
      reconnectMs: 1000,
    });
    const notice = await wb.ui.waitForNotification(/is used by two programs/, 60_000);
    const text = await notice.innerText();
    assert.ok(text.includes(`process ${copy.pid} `), text);
    assert.match(text, /the program being debugged/);
    assert.deepStrictEqual(
      (await notice.locator('.monaco-button').allInnerTexts()).map((t) => t.trim()).filter(Boolean),
      ['Show Timeline', 'Copy PID'],
    );
    await wb.ui.screenshot('debug-duplicate-finding');
    // The Debug Console opened with the session (the panel below), where its lines are; the
    // notification, which covers their ends, is cleared first.
    await wb.ui.runCommand('Notifications: Clear All Notifications');
    await wb.ui.waitVisible(
      wb.page.locator('.repl .monaco-list-row', { hasText: /\[iot\] boiler-1 dropped: .*\(288\)/ }).first(),
      'the takeover in the Debug Console',
    );
    await wb.ui.screenshot('debug-console-lines');
  });
});
