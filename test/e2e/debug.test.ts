// A person debugging device code in a real VS Code, against the test's sandbox: the folder's
// launch.json runs a Node program that connects with mqtt.js (keep-alive 16 s); it stops on a
// `debugger;` statement when the test asks. The status bar and the tree row count down to the
// broker's drop in warning colours, the drop is explained as the pause's doing, and the timeline
// marks the pause on its axis. Holding is off here (the setting), so the broker drops it.
// Screenshots in test-results/screenshots/debug-*.png.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startTestSandbox, type DeviceCredentials, type TestSandbox } from '../support/sandbox';
import { screenshotOnFailure } from './harness/failures';
import { EXTENSION_ID } from './harness/ui';
import { waitHidden } from './harness/waits';
import { startWorkbench, type Workbench } from './harness/workbench';
import { connectToSandbox } from './timeline.helpers';

const PROGRAM = `const fs = require('fs');
const path = require('path');
const mqtt = require(process.env.MQTT_JS);
const e = process.env;
const client = mqtt.connect(e.IOT_MQTT_URL, {
  clientId: e.IOT_CLIENT_ID,
  username: e.IOT_USERNAME,
  password: e.IOT_PASSWORD,
  keepalive: 16,
  reconnectPeriod: 0,
});
client.on('error', () => undefined);
const ask = path.join(__dirname, 'pause');
setInterval(() => {
  if (fs.existsSync(ask)) {
    fs.unlinkSync(ask);
    debugger; // the test's pause
  }
}, 50);
`;

describe('UI: a paused program’s keep-alive in a real VS Code', function () {
  this.timeout(240_000);
  let sb: TestSandbox;
  let wb: Workbench;
  let device: DeviceCredentials;
  let folder: string;
  const statusItem = () => wb.page.locator(`.part.statusbar [id="${EXTENSION_ID}.debug"]`);
  const statusText = async () => (await statusItem().count()) > 0 && (await statusItem().innerText()).trim();

  before(async () => {
    sb = await startTestSandbox();
    device = sb.registerDevice('boiler', 'boiler-3');
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'iotc-debug-ui-'));
    fs.writeFileSync(path.join(folder, 'device.js'), PROGRAM);
    fs.mkdirSync(path.join(folder, '.vscode'));
    const env = {
      MQTT_JS: require.resolve('mqtt'),
      IOT_MQTT_URL: sb.ready.mqttUrl,
      IOT_CLIENT_ID: device.clientId,
      IOT_USERNAME: 'use-token-auth',
      IOT_PASSWORD: device.token,
    };
    const configuration = { type: 'node', request: 'launch', name: 'boiler firmware', env };
    fs.writeFileSync(
      path.join(folder, '.vscode', 'launch.json'),
      JSON.stringify({
        version: '0.2.0',
        configurations: [{ ...configuration, program: '${workspaceFolder}/device.js' }],
      }),
    );
    wb = await startWorkbench({
      folder,
      settings: {
        'workbench.colorTheme': 'Default Dark Modern',
        'iotConnectivity.debug.holdKeepAliveWhilePaused': false,
        // The side bar keeps the clients at a break (the default shows Run and Debug).
        'debug.openDebug': 'neverOpen',
      },
    });
    await wb.ui.openView('IoT Connectivity');
    await wb.ui.waitForView('Clients');
    await connectToSandbox(wb.ui, sb.ready);
  });
  after(async () => {
    await wb?.close();
    await sb?.close();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });
  screenshotOnFailure(() => wb);

  it('shows the session’s client connected in the status bar and in its tree group', async () => {
    await wb.ui.runCommand('Debug: Start Debugging');
    await wb.ui.waitVisible(wb.page.locator('.debug-toolbar'), 'the debug toolbar', 60_000);
    await wb.ui.waitUntil(
      'the status-bar item with the session’s client',
      async () => (await statusText()) === 'boiler-3 connected',
      60_000,
    );
    // Starting a session shows Run and Debug in the side bar; the person goes back to the clients.
    await wb.ui.openView('IoT Connectivity');
    await wb.ui.waitVisible(
      wb.page.locator('.part.sidebar .monaco-list-row .label-name', { hasText: 'Debug Session: boiler firmware' }),
      'the debug session’s group at the head of the tree',
    );
  });

  it('counts down to the drop while the program is paused, in warning colours in the last 10 s', async () => {
    fs.writeFileSync(path.join(folder, 'pause'), '');
    // Up to 24 s (16 s × 1.5 from the last packet): first the tree row, then the last 10 s.
    await wb.ui.waitVisible(
      wb.page.locator('.part.sidebar .monaco-list-row', { hasText: /boiler-3\s*drops in \d+ s · process \d+/ }),
      'the countdown in the tree row',
      30_000,
    );
    await wb.ui.waitUntil(
      'the countdown in the status bar, in its last 10 s',
      async () => /^boiler-3 drops in ([1-9]|10) s$/.test(String(await statusText())),
      30_000,
    );
    assert.strictEqual(await statusItem().locator('.codicon-warning').count(), 1, 'the warning icon');
    const classes = await statusItem().evaluate((el) => el.className);
    assert.match(classes, /has-background-color|warning-kind/, `warning colours (classes: ${classes})`);
    await wb.ui.screenshot('debug-countdown');
  });

  it('explains the drop as the pause’s doing, and marks the pause on the timeline', async () => {
    const notice = await wb.ui.waitForNotification(
      /boiler-3 was dropped: the program was paused in the debugger for \d+ s, longer than its keep-alive allows \(16 s × 1\.5\)/,
      30_000,
    );
    await wb.ui.waitUntil(
      'the status bar to say so',
      async () => (await statusText()) === 'boiler-3 dropped while paused',
    );
    assert.deepStrictEqual(
      (await notice.locator('.monaco-button').allInnerTexts()).map((t) => t.trim()).filter(Boolean),
      ['Show Timeline', 'Hold Keep-Alive While Paused'],
    );
    await wb.ui.screenshot('debug-drop-explained');
    await notice.locator('.monaco-button', { hasText: 'Show Timeline' }).click();
    await wb.ui.waitVisible(wb.page.locator('.tab', { hasText: 'Timeline: boiler-3' }), 'the timeline');
    const page = wb.ui.webviewFrame();
    await wb.ui.waitVisible(page.locator('.chart .pause.ongoing'), 'the pause on the time axis, still going');
    await wb.ui.screenshot('debug-timeline-pause');
    await wb.ui.runCommand('Debug: Stop');
    await waitHidden(wb.page, wb.page.locator('.debug-toolbar'), 'the debug toolbar to go');
  });
});
