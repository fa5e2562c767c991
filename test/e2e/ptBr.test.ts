// The extension in Brazilian Portuguese in a real VS Code: the display language pt-br (a stand-in
// language pack, harness/languagePack.ts: VS Code's own words stay English), the platform handed
// over as `npm start` does, a device with a known history. code-server runs with --locale pt-br,
// so VS Code's display language and the extension host's vscode.env.language are pt-br. The view's
// and commands' names (package.nls.pt-br.json), the Clients tree, the status-bar item of a pinned
// client and the timeline page show no English from the extension's English bundle
// (test/support/english.ts), the page says lang="pt-br"; screenshots clients-pt-br.png and
// timeline-pt-br.png.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { MqttClient } from 'mqtt';
import { CLOSE_CODES } from '../../src/core/closeCodes';
import { localSandboxPlatform } from '../../src/features/localSandbox/platform';
import { settingsEntry } from '../../src/features/platforms/config';
import { bundles, englishFinder } from '../support/english';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';
import { screenshotOnFailure } from './harness/failures';
import { portugueseLanguagePack } from './harness/languagePack';
import { EXTENSION_ID } from './harness/ui';
import { startWorkbench, type Workbench } from './harness/workbench';
import { driveHistory, timeline } from './timeline.helpers';

const PLATFORM = 'sandbox';

describe('UI: the extension in Brazilian Portuguese', function () {
  this.timeout(240_000);
  const { en, pt } = bundles();
  const english = englishFinder(en, pt);
  /** The platform's own reason sentences (platform-contract.md §4.3) are data, shown as sent. */
  const withoutData = (text: string) => CLOSE_CODES.reduce((t, c) => t.split(c.reason).join(''), text);
  let sb: TestSandbox;
  let wb: Workbench;
  let dir: string;
  let client: MqttClient | undefined;
  const statusItem = () => wb.page.locator(`.part.statusbar [id="${EXTENSION_ID}.watcher"]`);

  before(async () => {
    sb = await startTestSandbox();
    const device = sb.registerDevice('sensor', 'linha-1');
    client = await driveHistory(sb, device);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iotc-pt-br-ui-'));
    const pack = await portugueseLanguagePack(dir);
    const handover = path.join(dir, 'handover.json');
    fs.writeFileSync(handover, `${JSON.stringify({ ...sb.ready, platformName: PLATFORM })}\n`, { mode: 0o600 });
    const { config } = localSandboxPlatform(sb.ready, PLATFORM);
    wb = await startWorkbench({
      folder: path.join(dir, 'workspace'),
      vsixes: [pack],
      locale: 'pt-br',
      env: { IOTC_BOOTSTRAP: handover },
      settings: {
        'workbench.colorTheme': 'Default Dark Modern',
        'iotConnectivity.platforms': [settingsEntry(config)],
        'iotConnectivity.activePlatform': PLATFORM,
      },
    });
  });
  after(async () => {
    await wb?.close();
    await client?.endAsync(true);
    await sb?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });
  screenshotOnFailure(() => wb);

  it('words the Clients tree in Portuguese', async () => {
    await wb.ui.openView('IoT Connectivity');
    await wb.ui.waitForView(pt['views.clients.name']);
    await wb.ui.treeRow('linha-1');
    const rows = await wb.ui.treeRows();
    const text = rows.map((r) => `${r.label} ${r.description}`).join('\n');
    assert.match(text, /Conectados \(\d+\)/, text);
    assert.deepStrictEqual(english(withoutData(text)), [], text);
  });

  it('counts a pinned client in the status bar and heads the tree with it, in Portuguese', async () => {
    await wb.ui.contextMenu('linha-1', pt['command.pinClient']);
    await wb.ui.waitUntil(
      'the status-bar item to say 1/1',
      async () => (await statusItem().innerText()).trim() === '1/1',
    );
    const label = await statusItem().evaluate(
      (el) => el.getAttribute('aria-label') ?? el.querySelector('[aria-label]')?.getAttribute('aria-label') ?? '',
    );
    assert.match(label, /1 de 1 clientes fixados conectados/, label);
    assert.deepStrictEqual(english(label), [], label);
    await wb.ui.waitVisible(
      wb.page.locator('.part.sidebar .monaco-list-row .label-name', { hasText: /^\s*Fixados \(1\)\s*$/ }),
      'the Fixados group at the head of the tree',
    );
    const rows = await wb.ui.treeRows();
    const text = rows.map((r) => `${r.label} ${r.description}`).join('\n');
    assert.match(text, /^Fixados \(1\) 1 conectado$/m, 'one pinned client, in the singular');
    assert.deepStrictEqual(english(withoutData(text)), [], text);
    await wb.ui.screenshot('clients-pt-br');
  });

  it('shows the timeline page in Portuguese, with lang="pt-br"', async () => {
    await wb.ui.contextMenu('linha-1', pt['command.showTimeline']);
    const frame = timeline(wb.ui);
    await wb.ui.waitVisible(frame.locator('h1', { hasText: 'linha-1' }), 'the timeline page');
    await wb.ui.waitUntil(
      'the whole log read',
      async () =>
        (await frame.locator('.progress').isHidden()) &&
        (await frame.locator('.legend [data-cause="network"] strong').innerText()) === '1',
    );
    assert.strictEqual(await frame.locator('html').getAttribute('lang'), 'pt-br');
    const shown = await frame.locator('body').innerText();
    const labels = await frame
      .locator('[aria-label], [title]')
      .evaluateAll((els) => els.flatMap((el) => [el.getAttribute('aria-label') ?? '', el.getAttribute('title') ?? '']));
    const text = [shown, ...labels].join('\n');
    assert.match(text, /Linha do tempo da conexão/);
    assert.deepStrictEqual(english(withoutData(text)), [], text);
    await wb.ui.screenshot('timeline-pt-br');
  });
});
