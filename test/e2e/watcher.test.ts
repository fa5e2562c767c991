// A person's view of the pinned-client watcher in a real VS Code, against the test's sandbox:
// pin a simulated device from its context menu in the Clients view, disconnect it with the
// sandbox's admin call, and see the status-bar item turn to "1 offline: sensor-7" in warning
// colours and the notification say who and why (notify = always). Then `whileDebugging`: the
// same drop without a debug session is only logged; with one (js-debug running a node program
// from the folder's launch.json) it is notified. Screenshots in test-results/screenshots/watcher-*.png.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { MqttClient } from 'mqtt';
import { connected } from '../support/mqtt';
import { startTestSandbox, type DeviceCredentials, type TestSandbox } from '../support/sandbox';
import { screenshotOnFailure } from './harness/failures';
import { EXTENSION_ID } from './harness/ui';
import { waitHidden } from './harness/waits';
import { startWorkbench, type Workbench } from './harness/workbench';
import { connectToSandbox } from './timeline.helpers';

/** `text` as a pattern that allows the Output view to wrap it anywhere between words. */
function loose(text: string): RegExp {
  return new RegExp(
    text
      .split(/\s+/)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('\\s*'),
  );
}

describe('UI: the pinned-client watcher in a real VS Code', function () {
  this.timeout(240_000);
  let sb: TestSandbox;
  let wb: Workbench;
  let device: DeviceCredentials;
  let session: MqttClient;
  let folder: string;
  const statusItem = () => wb.page.locator(`.part.statusbar [id="${EXTENSION_ID}.watcher"]`);
  const toast = (text: string | RegExp) =>
    wb.page.locator('.notifications-toasts .notification-toast').filter({ hasText: text });

  /** The sandbox's admin call: the broker closes the device's connection with 94. */
  const adminDisconnect = async () => {
    const res = await fetch(`${sb.ready.apiUrl}/sandbox/clients/${encodeURIComponent(device.clientId)}/disconnect`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${sb.ready.apiKey}:${sb.ready.apiToken}`).toString('base64')}` },
    });
    assert.strictEqual(res.status, 200);
  };
  const statusText = () => statusItem().innerText();

  before(async () => {
    sb = await startTestSandbox();
    device = sb.registerDevice('sensor', 'sensor-7');
    session = await connected(sb.device(device));
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'iotc-watcher-ui-'));
    // A trivial program to debug, for the whileDebugging scenario.
    fs.writeFileSync(path.join(folder, 'device.js'), 'setInterval(() => {}, 1000);\n');
    fs.mkdirSync(path.join(folder, '.vscode'));
    fs.writeFileSync(
      path.join(folder, '.vscode', 'launch.json'),
      JSON.stringify({
        version: '0.2.0',
        configurations: [
          { type: 'node', request: 'launch', name: 'device code', program: '${workspaceFolder}/device.js' },
        ],
      }),
    );
    wb = await startWorkbench({
      folder,
      settings: { 'workbench.colorTheme': 'Default Dark Modern', 'iotConnectivity.notify': 'always' },
    });
    await connectToSandbox(wb.ui, sb.ready);
  });
  after(async () => {
    await wb?.close();
    await session?.endAsync(true);
    await sb?.close();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });
  screenshotOnFailure(() => wb);

  it('pins a device from its context menu: the status bar counts it connected, "Pinned" heads the tree', async () => {
    await wb.ui.openView('IoT Connectivity');
    await wb.ui.waitForView('Clients');
    await wb.ui.contextMenu('sensor-7', 'Pin Client…');
    await wb.ui.waitUntil('the status-bar item to say 1/1', async () => (await statusText()).trim() === '1/1');
    assert.strictEqual(await statusItem().locator('.codicon-plug').count(), 1, 'the plug icon');
    await wb.ui.waitVisible(
      wb.page.locator('.part.sidebar .monaco-list-row .label-name', { hasText: /^\s*Pinned \(1\)\s*$/ }),
      'the Pinned group at the head of the tree',
    );
    const rows = await wb.ui.treeRows();
    assert.strictEqual(rows[0].label, 'Pinned (1)');
    assert.deepStrictEqual([rows[1].label, rows[1].level], ['sensor-7', 2]);
    await wb.ui.screenshot('watcher-pinned');
  });

  it('shows the drop in the status bar, in warning colours, and notifies who and why', async () => {
    await adminDisconnect();
    await wb.ui.waitUntil(
      'the status-bar item to say who is offline',
      async () => (await statusText()).trim() === '1 offline: sensor-7',
    );
    assert.strictEqual(await statusItem().locator('.codicon-debug-disconnect').count(), 1);
    const classes = await statusItem().evaluate((el) => el.className);
    assert.match(classes, /has-background-color|warning-kind/, `warning colours (classes: ${classes})`);
    const notice = await wb.ui.waitForNotification(
      'sensor-7 disconnected: closed by an administrator (server, code 94)',
    );
    assert.deepStrictEqual(
      (await notice.locator('.monaco-button').allInnerTexts()).map((t) => t.trim()).filter(Boolean),
      ['Show Timeline', 'Unpin'],
    );
    // The Clients view's badge counts the offline pin, on the activity bar's IoT Connectivity entry.
    const badge = wb.page.locator(
      '.part.activitybar .action-item:has(a[aria-label^="IoT Connectivity"]) .badge-content',
    );
    await wb.ui.waitUntil('the badge to count one offline', async () => (await badge.innerText()).trim() === '1');
    await statusItem().hover();
    await wb.ui.waitVisible(
      wb.page.locator('.monaco-hover', { hasText: 'closed by an administrator' }),
      'the tooltip with the cause',
    );
    await wb.ui.screenshot('watcher-offline');
    await notice.locator('.monaco-button', { hasText: 'Show Timeline' }).click();
    const tab = await wb.ui.waitVisible(
      wb.page.locator('.tab', { hasText: 'Timeline: sensor-7' }),
      'the timeline opened from the notification',
    );
    // Its title bar offers Pin Client (a webview keeps the keyboard, so the panel is closed after).
    await wb.ui.waitVisible(
      wb.page.locator('.part.editor .editor-actions [aria-label^="Pin Client"]'),
      "Pin Client… in the timeline's title bar",
    );
    await tab.locator('.tab-actions .codicon-close').click();
    await (await wb.ui.treeRow('Pinned (1)')).click();
  });

  it('whileDebugging: a drop without a debug session is only logged; during one it is notified', async () => {
    fs.writeFileSync(
      path.join(folder, '.vscode', 'settings.json'),
      JSON.stringify({ 'iotConnectivity.notify': 'whileDebugging' }),
    );
    await wb.ui.runCommand('IoT Connectivity: Show Log');
    await wb.ui.outputChannel('notifications: whileDebugging');
    await wb.ui.runCommand('Notifications: Clear All Notifications');
    session = await connected(sb.device(device));
    await wb.ui.waitUntil('sensor-7 back', async () => (await statusText()).trim() === '1/1');
    await adminDisconnect();
    await wb.ui.outputChannel(
      loose(
        'sensor-7 disconnected: closed by an administrator (server, code 94) (not notified: iotConnectivity.notify ' +
          'is whileDebugging and no debug session is active)',
      ),
    );
    assert.strictEqual(await toast(/sensor-7 disconnected/).count(), 0, 'no notification outside a debug session');

    await wb.ui.runCommand('Debug: Start Debugging');
    await wb.ui.waitVisible(wb.page.locator('.debug-toolbar'), 'the debug toolbar', 60_000);
    session = await connected(sb.device(device));
    await wb.ui.waitUntil('sensor-7 back', async () => (await statusText()).trim() === '1/1');
    await adminDisconnect();
    await wb.ui.waitForNotification('sensor-7 disconnected: closed by an administrator (server, code 94)');
    await wb.ui.waitUntil(
      'the status-bar item to say who is offline',
      async () => (await statusText()).trim() === '1 offline: sensor-7',
    );
    await wb.ui.screenshot('watcher-while-debugging');
    await wb.ui.runCommand('Debug: Stop');
    await waitHidden(wb.page, wb.page.locator('.debug-toolbar'), 'the debug toolbar to go');
  });

  it('lists the pinned clients from the status-bar item; choosing one opens its timeline', async () => {
    await statusItem().click();
    const row = wb.page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: 'sensor-7' });
    await wb.ui.waitVisible(
      row.filter({ hasText: /offline, disconnected .*closed by an administrator \(server, code 94\)/ }),
      'sensor-7 in the list, offline with its cause',
    );
    await wb.ui.screenshot('watcher-pinned-list');
    await row.first().click();
    await wb.ui.waitVisible(
      wb.page.locator('.tab', { hasText: 'Timeline: sensor-7' }),
      'the timeline of the chosen client',
    );
  });

  it('keeps the pins across a window reload', async () => {
    await wb.ui.openView('IoT Connectivity');
    await wb.ui.runCommand('Developer: Reload Window');
    await wb.ui.waitVisible(
      wb.page.locator('.monaco-workbench .part.statusbar'),
      'the workbench after the reload',
      60_000,
    );
    // The Clients view, open at the reload, activates the extension; the pin comes from workspace state.
    await wb.ui.waitUntil(
      'the status-bar item back with the pinned client',
      async () => (await statusItem().count()) > 0 && (await statusText()).trim() === '1 offline: sensor-7',
      60_000,
    );
    await wb.ui.waitVisible(
      wb.page.locator('.part.sidebar .monaco-list-row .label-name', { hasText: /^\s*Pinned \(1\)\s*$/ }),
      'the Pinned group after the reload',
    );
  });
});
