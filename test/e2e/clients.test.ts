// A person's way through the Clients view in a real VS Code, against the test's sandbox: the
// welcome's "Connect to Platform…" step by step, both groups with the API's counts, "Load more…",
// a client's tooltip and context menu, a query from the palette, Show Client, and an error item
// whose action fixes it. Screenshots in test-results/screenshots/clients-*.png.
import * as assert from 'assert';
import type { Locator } from 'playwright-core';
import { connected } from '../support/mqtt';
import { startTestSandbox, type DeviceCredentials, type TestSandbox } from '../support/sandbox';
import { screenshotOnFailure } from './harness/failures';
import type { Ui } from './harness/ui';
import { startWorkbench, type Workbench } from './harness/workbench';

const DEVICES = Array.from({ length: 12 }, (_, i) => `s${String(i + 1).padStart(2, '0')}`);

/** Waits until the quick input asks `prompt`, types `value` and presses Enter. */
async function answer(ui: Ui, prompt: RegExp, value: string): Promise<void> {
  const widget = ui.page.locator('.quick-input-widget');
  await ui.waitVisible(widget.locator('.quick-input-message', { hasText: prompt }), `the prompt ${String(prompt)}`);
  await widget.locator('.quick-input-box input').fill(value);
  await ui.page.keyboard.press('Enter');
}

/** Clicks the quick-pick entry whose label has `text`. */
async function choose(ui: Ui, text: string | RegExp): Promise<void> {
  const row = ui.page
    .locator('.quick-input-widget .monaco-list-row')
    .filter({ has: ui.page.locator('.label-name', { hasText: text }) });
  await (await ui.waitVisible(row, `the entry ${String(text)}`)).click();
}

/** Like ui.runCommand, for a command that opens a quick input of its own (titled `opens`). */
async function runCommandInto(ui: Ui, title: string, opens: string): Promise<void> {
  await ui.page.keyboard.press('F1');
  const widget = ui.page.locator('.quick-input-widget');
  await (
    await ui.waitVisible(widget.locator('.quick-input-box input'), 'the command palette')
  ).pressSequentially(title);
  const entry = widget
    .locator('.monaco-list-row.focused')
    .filter({ has: ui.page.locator('.label-name', { hasText: title }) });
  await ui.waitVisible(entry, `"${title}" selected in the command palette`);
  await ui.page.keyboard.press('Enter');
  await ui.waitVisible(widget.locator('.quick-input-title', { hasText: opens }), `the quick input "${opens}"`);
}

function rowWith(ui: Ui, text: string | RegExp): Locator {
  return ui.page.locator('.part.sidebar .pane-body .monaco-list-row').filter({ hasText: text });
}

async function labels(ui: Ui, level?: number): Promise<string[]> {
  return (await ui.treeRows()).filter((r) => level === undefined || r.level === level).map((r) => r.label);
}

describe('UI: the Clients view in a real VS Code', function () {
  this.timeout(240_000);
  let sb: TestSandbox;
  let wb: Workbench;
  const devices: DeviceCredentials[] = [];

  before(async () => {
    sb = await startTestSandbox();
    const clients = [];
    for (const id of DEVICES) {
      const d = sb.registerDevice('sensor', id);
      devices.push(d);
      clients.push(await connected(sb.device(d)));
    }
    for (const c of clients.slice(0, 4)) await c.endAsync(); // a clean DISCONNECT: code 0
    wb = await startWorkbench({ settings: { 'iotConnectivity.pageSize': 5 } });
  });
  after(async () => {
    await wb?.close();
    await sb?.close();
  });
  screenshotOnFailure(() => wb);

  it('welcomes with "Connect to Platform…", which connects step by step', async () => {
    await wb.ui.openView('IoT Connectivity');
    await wb.ui.waitForView('Clients');
    const button = wb.page.locator('.part.sidebar .welcome-view-content .monaco-button', {
      hasText: 'Connect to Platform…',
    });
    await wb.ui.waitVisible(button, "the welcome's Connect to Platform… button");
    await wb.ui.screenshot('clients-1-welcome');
    await button.click();
    await choose(wb.ui, 'Another platform by its URLs');
    await answer(wb.ui, /API URL/, sb.ready.apiUrl);
    await answer(wb.ui, /MQTT URL/, sb.ready.mqttUrl);
    await answer(wb.ui, /API key/, sb.ready.apiKey);
    const widget = wb.page.locator('.quick-input-widget');
    await wb.ui.waitVisible(widget.locator('.quick-input-message', { hasText: /API token/ }), 'the token prompt');
    assert.strictEqual(await widget.locator('.quick-input-box input').getAttribute('type'), 'password');
    await answer(wb.ui, /API token/, sb.ready.apiToken);
    await answer(wb.ui, /name for this platform/, 'sandbox');
    await wb.ui.waitForNotification('Connected to sandbox.');
  });

  it('shows both groups with the API\'s counts, a page of clients and "Load more…"', async () => {
    await wb.ui.treeRow('Connected (8)');
    await wb.ui.treeRow('Disconnected (4)');
    await wb.ui.waitUntil(
      'a page of 5 connected clients and Load more…',
      async () => (await labels(wb.ui, 2)).filter((l) => l === 'Load more…').length === 1,
    );
    await wb.ui.screenshot('clients-2-groups');
    const before = await labels(wb.ui, 2);
    assert.deepStrictEqual(before.slice(0, 6), ['s12', 's11', 's10', 's09', 's08', 'Load more…']);
    await wb.ui.clickTreeRow('Load more…');
    await wb.ui.waitUntil(
      'the 3 other connected clients',
      async () => (await labels(wb.ui, 2)).slice(0, 8).join() === 's12,s11,s10,s09,s08,s07,s06,s05',
    );
    const row = (await wb.ui.treeRows()).find((r) => r.label === 's05');
    assert.match(row?.description ?? '', /^sensor · active (just now|\d+ min\. ago)$/);
    await wb.ui.screenshot('clients-3-load-more');
  });

  it('explains a client in its tooltip and opens its record from the context menu', async () => {
    await (await wb.ui.treeRow('s01')).hover();
    const hover = wb.page.locator('.monaco-hover, .workbench-hover').filter({ hasText: 'Disconnected by' });
    await wb.ui.waitVisible(hover, 'the tooltip of s01');
    assert.match(await hover.first().innerText(), /Close code: 0/);
    await wb.ui.screenshot('clients-4-tooltip');
    await wb.ui.contextMenu('s01', 'Show Details');
    const editor = wb.page.locator('.part.editor .view-lines');
    await wb.ui.waitVisible(editor.filter({ hasText: '"connectionStatus": "disconnected"' }), 'the record as JSON');
    await wb.page.keyboard.type('typed');
    await wb.ui.waitVisible(
      wb.page.locator('.monaco-editor-overlaymessage, .monaco-alert', { hasText: /read-only/i }),
      'the read-only notice',
    );
    await wb.ui.screenshot('clients-5-details');
  });

  it('runs a query from the palette and shows its description and count; Clear Query returns to all', async () => {
    await runCommandInto(wb.ui, 'IoT Connectivity: Query Clients…', 'Query Clients');
    await choose(wb.ui, /^Status$/);
    await choose(wb.ui, /^disconnected$/);
    await choose(wb.ui, /Run Query/);
    await wb.ui.waitUntil(
      'only the disconnected group',
      async () => (await labels(wb.ui, 1)).join() === 'Disconnected (4)',
    );
    await wb.ui.waitVisible(
      wb.page.locator('.part.sidebar .pane-body .message', { hasText: 'Query: disconnected — 4 clients' }),
      "the view's message",
    );
    await wb.ui.screenshot('clients-6-query');
    await wb.ui.runCommand('IoT Connectivity: Clear Query');
    await wb.ui.waitUntil(
      'both groups again',
      async () => (await labels(wb.ui, 1)).join() === 'Connected (8),Disconnected (4)',
    );
  });

  it('shows a client by its bare device id, with its record in words and its actions', async () => {
    await wb.ui.runCommand('IoT Connectivity: Show Client…');
    await answer(wb.ui, /client id .*, a device id/, 's07');
    const widget = wb.page.locator('.quick-input-widget');
    await wb.ui.waitVisible(widget.locator('.monaco-list-row', { hasText: 'Show Details' }), 'the actions for s07');
    await wb.ui.waitVisible(
      widget.locator('.monaco-list-row', { hasText: `d:${sb.ready.org}:sensor:s07` }),
      'the record of s07',
    );
    await wb.ui.screenshot('clients-7-show-client');
    await wb.page.keyboard.press('Escape');
  });

  it('turns a wrong token into an error item whose Set Credentials… fixes it', async () => {
    const widget = wb.page.locator('.quick-input-widget');
    await runCommandInto(wb.ui, 'IoT Connectivity: Set Credentials…', 'Set Credentials of sandbox');
    await answer(wb.ui, /API key/, sb.ready.apiKey);
    await wb.ui.waitVisible(widget.locator('.quick-input-message', { hasText: /API token/ }), 'the token prompt');
    await answer(wb.ui, /API token/, 'not-the-token');
    const failed = await wb.ui.waitForNotification(/The credentials of sandbox did not work: .*403/);
    await failed.locator('.monaco-button', { hasText: 'Save Anyway' }).click();
    await wb.ui.waitVisible(rowWith(wb.ui, /403/), 'the error item of the refused token');
    await wb.ui.treeRow('Set Credentials…');
    await wb.ui.screenshot('clients-8-wrong-token');
    await wb.ui.clickTreeRow('Set Credentials…');
    await answer(wb.ui, /API key/, sb.ready.apiKey);
    await answer(wb.ui, /API token/, sb.ready.apiToken);
    await wb.ui.waitUntil(
      'the groups back',
      async () => (await labels(wb.ui, 1)).join() === 'Connected (8),Disconnected (4)',
    );
  });

  it('turns a switched-off state API into an error item whose action switches it on', async () => {
    sb.store.setClientStateEnabled(false);
    await wb.ui.runCommand('IoT Connectivity: Refresh');
    await wb.ui.waitVisible(rowWith(wb.ui, /switched off/), 'the error item');
    await wb.ui.screenshot('clients-9-feature-off');
    await wb.ui.clickTreeRow('Enable Client Connection State API');
    await wb.ui.waitForNotification(/Client Connection State API of sandbox is on/);
    await connected(sb.device(devices[11])); // state was wiped with the switch: a client acts again
    await wb.ui.runCommand('IoT Connectivity: Refresh');
    await wb.ui.waitUntil(
      'the groups back',
      async () => (await labels(wb.ui, 1)).join() === 'Connected (1),Disconnected (0)',
    );
    assert.ok(sb.store.isClientStateEnabled());
  });
});
