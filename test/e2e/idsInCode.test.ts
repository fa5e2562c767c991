// A person's view of client ids in code, in a real VS Code against the test's sandbox, in a
// multi-root workspace: a Node device file (the Register Device snippet's shape) shows a lens
// above each id — a device connected with today's drop (a real 160: a session that fell silent), a
// neighbour closed by the administrator (94), an id the platform does not know — and hovering the
// id shows its state in words with the extension's own links. The second folder turns lenses off
// in its settings: its file has none, while its hover still answers. Screenshots:
// test-results/screenshots/ids-in-code-{lenses,hover,second-root}.png.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { MqttClient } from 'mqtt';
import { connected } from '../support/mqtt';
import { RawMqtt } from '../support/rawMqtt';
import { startTestSandbox, type DeviceCredentials, type TestSandbox } from '../support/sandbox';
import { screenshotOnFailure } from './harness/failures';
import type { Ui } from './harness/ui';
import { startWorkbench, type Workbench } from './harness/workbench';
import { connectToSandbox } from './timeline.helpers';

function deviceFile(org: string): string {
  return [
    `const mqtt = require('mqtt');`,
    '',
    `// The boiler in the basement (made with Register Device…).`,
    `const client = mqtt.connect('mqtt://127.0.0.1:1883', {`,
    `  clientId: 'd:${org}:boiler:boiler-1',`,
    `  username: 'use-token-auth',`,
    `  password: process.env.BOILER_TOKEN,`,
    `  protocolVersion: 4, // MQTT 3.1.1`,
    `  keepalive: 60,`,
    `});`,
    '',
    `// Its neighbours, which the back-end also talks to.`,
    `const neighbours = {`,
    `  pump: 'd:${org}:boiler:pump-2',`,
    `  spare: 'd:${org}:boiler:spare-3',`,
    `};`,
    '',
  ].join('\n');
}

/** Quick Open (the palette without its `>`): the file by name, in the active editor group. */
async function openFile(ui: Ui, name: string): Promise<void> {
  const widget = ui.page.locator('.quick-input-widget');
  await ui.page.keyboard.press('F1');
  const input = await ui.waitVisible(widget.locator('.quick-input-box input'), 'the command palette');
  await input.fill(name);
  await ui.waitVisible(widget.locator('.monaco-list-row', { hasText: name }).first(), `${name} in Quick Open`);
  await ui.page.keyboard.press('Enter');
  await ui.waitVisible(ui.page.locator('.part.editor .tab.active', { hasText: name }), `${name} open`);
}

describe('UI: client ids in code in a real VS Code', function () {
  this.timeout(240_000);
  let sb: TestSandbox;
  let wb: Workbench;
  let root: string;
  const sessions: MqttClient[] = [];
  const lenses = () => wb.page.locator('.part.editor .monaco-editor .codelens-decoration');

  before(async () => {
    sb = await startTestSandbox();
    const org = sb.ready.org;
    const boiler: DeviceCredentials = sb.registerDevice('boiler', 'boiler-1');
    const pump = sb.registerDevice('boiler', 'pump-2');
    // boiler-1: a session that falls silent and is closed for it (160), then one that stays.
    const silent = await RawMqtt.open(Number(new URL(sb.ready.mqttUrl).port));
    silent.connect({ clientId: boiler.clientId, username: 'use-token-auth', password: boiler.token, keepalive: 1 });
    await silent.next('connack');
    await silent.closed;
    sessions.push(await connected(sb.device(boiler)));
    // pump-2: closed by the administrator (94).
    sessions.push(await connected(sb.device(pump)));
    const res = await fetch(`${sb.ready.apiUrl}/sandbox/clients/${encodeURIComponent(pump.clientId)}/disconnect`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${sb.ready.apiKey}:${sb.ready.apiToken}`).toString('base64')}` },
    });
    assert.strictEqual(res.status, 200);
    // Two roots: the device code, and a folder whose settings turn lenses off.
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'iotc-ids-ui-'));
    const [device, other] = [path.join(root, 'device-code'), path.join(root, 'back-end')];
    fs.mkdirSync(device);
    fs.mkdirSync(path.join(other, '.vscode'), { recursive: true });
    fs.writeFileSync(path.join(device, 'boiler.js'), deviceFile(org));
    fs.writeFileSync(path.join(other, 'watch.js'), `const watched = ['d:${org}:boiler:boiler-1'];\n`);
    fs.writeFileSync(
      path.join(other, '.vscode', 'settings.json'),
      JSON.stringify({ 'iotConnectivity.codeLens': 'off' }),
    );
    const workspace = path.join(root, 'plant.code-workspace');
    fs.writeFileSync(workspace, JSON.stringify({ folders: [{ path: 'device-code' }, { path: 'back-end' }] }));
    wb = await startWorkbench({
      folder: workspace,
      settings: { 'workbench.colorTheme': 'Default Dark Modern', 'editor.minimap.enabled': false },
    });
    await connectToSandbox(wb.ui, sb.ready);
  });
  after(async () => {
    await wb?.close();
    await Promise.all(sessions.map((s) => s.endAsync(true)));
    await sb?.close();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });
  screenshotOnFailure(() => wb);

  it('shows a lens above each id of a Node device file: state, drops today, unknown', async () => {
    await openFile(wb.ui, 'boiler.js');
    await wb.ui.waitUntil('the three lenses answered', async () => {
      const texts = await lenses().allInnerTexts();
      // A lens is drawn once VS Code has resolved it: until then only its Timeline shows.
      return texts.length === 3 && texts.every((t) => /^[●○?] /.test(t.trim()));
    });
    const texts = (await lenses().allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    assert.match(texts[0], /^● connected (just now|\d+ min) · 1 drop today \(160\) \| Timeline$/);
    assert.match(texts[1], /^○ disconnected (just now|\d+ min) · 1 drop today \(94\) \| Timeline$/);
    assert.strictEqual(texts[2], '? not known to platform sandbox | Timeline');
    await wb.page.mouse.move(1279, 799);
    await wb.ui.screenshot('ids-in-code-lenses');
  });

  it('hovers an id: its state in words, with Show Timeline · Pin · Copy Client ID', async () => {
    const id = `d:${sb.ready.org}:boiler:boiler-1`;
    await wb.page.locator('.part.editor .view-line span', { hasText: id }).last().hover();
    const hover = await wb.ui.waitVisible(
      wb.page.locator('.monaco-hover', { hasText: 'boiler-1 connected' }),
      'the hover of boiler-1',
    );
    const text = await hover.innerText();
    assert.match(text, /Last connected/);
    assert.match(text, /1 drop today \(160\)/);
    // The hover also holds the document link's own line ("… (Ctrl+click)").
    assert.deepStrictEqual((await hover.locator('a').allInnerTexts()).map((t) => t.trim()).slice(0, 3), [
      'Show Timeline',
      'Pin',
      'Copy Client ID',
    ]);
    assert.match(text, /Open the connection timeline \(Ctrl\+click\)/);
    await wb.ui.screenshot('ids-in-code-hover');
  });

  it('reads the second folder’s setting: no lenses there, the hover still answers', async () => {
    await wb.page.mouse.move(1279, 799);
    await openFile(wb.ui, 'watch.js');
    const id = `d:${sb.ready.org}:boiler:boiler-1`;
    await wb.page.locator('.part.editor .view-line span', { hasText: id }).last().hover();
    await wb.ui.waitVisible(
      wb.page.locator('.monaco-hover', { hasText: 'boiler-1 connected' }),
      'the hover in watch.js',
    );
    assert.strictEqual(await lenses().count(), 0, 'no lens in the folder that turned them off');
    await wb.ui.screenshot('ids-in-code-second-root');
  });
});
