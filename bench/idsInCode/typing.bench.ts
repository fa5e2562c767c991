// Typing in a 1 MB file with client ids in code on and off, in a real VS Code in headless
// Chromium (the UI tests' harness: the packaged .vsix, code-server, Playwright): keystroke →
// the edited line painted, measured in the page itself. Target: the difference < 5 %.
//   npm run package && node esbuild.js --tests
//   node out/bench/idsInCode/typing.bench.js [rounds=8] [keys=40] [ids=1000]
// One multi-root workspace, two folders holding the same 1 MB device file with 1,000 ids (plain
// text: the ids are read in any language, and a 1 MB script would have VS Code's own TypeScript
// server analyse it on every change in both modes, burying a difference of a few per cent); the
// folder `off` turns the feature's editor requests off (`editor.codeLens`, `editor.links`: VS Code
// then never asks the extension for lenses or links there; hovers need a mouse). Rounds alternate
// on and off in ABBA order in one run, the same keys at the same cadence, so that the shared
// machine's load falls on both alike.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { MqttClient } from 'mqtt';
import { messageOf } from '../../src/core/errors';
import type { Ui } from '../../test/e2e/harness/ui';
import { startWorkbench, type Workbench } from '../../test/e2e/harness/workbench';
import { connectToSandbox } from '../../test/e2e/timeline.helpers';
import { connected } from '../../test/support/mqtt';
import { startTestSandbox, type TestSandbox } from '../../test/support/sandbox';
import { deviceCodeOfSize } from './files';
import { installProbe, summary, typeKeys } from './typingProbe';

const ROUNDS = Number(process.argv[2] ?? 8);
const KEYS = Number(process.argv[3] ?? 40);
const SIZE = 1_000_000;
const IDS = Number(process.argv[4] ?? 1_000);

async function openFile(ui: Ui, name: string): Promise<void> {
  const tab = ui.page.locator('.part.editor .tab', { hasText: name });
  if ((await tab.count()) > 0) {
    await tab.first().click();
    await ui.waitVisible(ui.page.locator('.part.editor .tab.active', { hasText: name }), `${name} active`);
    return;
  }
  const widget = ui.page.locator('.quick-input-widget');
  await ui.page.keyboard.press('Control+P');
  const input = await ui.waitVisible(widget.locator('.quick-input-box input'), 'Quick Open');
  await input.fill(name);
  await ui.waitVisible(widget.locator('.monaco-list-row', { hasText: name }).first(), `${name} in Quick Open`);
  await ui.page.keyboard.press('Enter');
  await ui.waitVisible(ui.page.locator('.part.editor .tab.active', { hasText: name }), `${name} open`);
}

/** The cursor at the end of line `line` (1-based), through Go to Line. */
async function goToLine(ui: Ui, line: number): Promise<void> {
  await ui.page.keyboard.press('Control+G');
  const input = await ui.waitVisible(ui.page.locator('.quick-input-widget .quick-input-box input'), 'Go to Line');
  await input.fill(`:${line}`);
  await ui.page.keyboard.press('Enter');
  await ui.page.keyboard.press('End');
}

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'iotc-bench-typing-'));
  let sb: TestSandbox | undefined;
  let wb: Workbench | undefined;
  const sessions: MqttClient[] = [];
  try {
    sb = await startTestSandbox();
    // 20 devices connected; the other ids are of their type and unknown (one listing says so).
    const devices = Array.from({ length: 20 }, (_, i) => sb!.registerDevice('boiler', `boiler-${i}`));
    for (const d of devices) sessions.push(await connected(sb.device(d)));
    const ids = Array.from({ length: IDS }, (_, i) =>
      i < devices.length ? devices[i].clientId : `d:${sb!.ready.org}:boiler:ghost-${i}`,
    );
    const text = deviceCodeOfSize(ids, SIZE);
    for (const mode of ['on', 'off']) {
      fs.mkdirSync(path.join(root, mode, '.vscode'), { recursive: true });
      fs.writeFileSync(path.join(root, mode, `fleet-${mode}.txt`), text);
    }
    fs.writeFileSync(
      path.join(root, 'off', '.vscode', 'settings.json'),
      JSON.stringify({ 'editor.codeLens': false, 'editor.links': false }),
    );
    const workspace = path.join(root, 'typing.code-workspace');
    fs.writeFileSync(workspace, JSON.stringify({ folders: [{ path: 'on' }, { path: 'off' }] }));
    wb = await startWorkbench({ folder: workspace, settings: { 'editor.minimap.enabled': false } });
    await connectToSandbox(wb.ui, sb.ready);
    await installProbe(wb.page);
    const lenses = wb.page.locator('.part.editor .monaco-editor .codelens-decoration');
    const samples: Record<'on' | 'off', number[]> = { on: [], off: [] };
    const rounds: { mode: string; lensesShown: number; firstLens: string; mean: number }[] = [];
    const loadBefore = os.loadavg();
    const middle = Math.round(text.split('\n').length / 2);
    for (let r = 0; r < ROUNDS + 2; r++) {
      // ABBA: on off off on on off …; the first two rounds warm up and are not counted.
      const mode = [0, 3].includes(r % 4) ? 'on' : 'off';
      await openFile(wb.ui, `fleet-${mode}.txt`);
      await goToLine(wb.ui, middle + r);
      if (mode === 'on') await wb.ui.waitUntil('lenses drawn', async () => (await lenses.count()) > 0, 60_000);
      const times = await typeKeys(wb.page, KEYS);
      const lensesShown = await lenses.count();
      const firstLens = mode === 'on' ? (await lenses.first().innerText()).replace(/\s+/g, ' ').trim() : '';
      if (mode === 'off' && lensesShown > 0) throw new Error('lenses in the folder that turns them off');
      if (r < 2) continue;
      samples[mode].push(...times);
      rounds.push({ mode, lensesShown, firstLens, mean: summary(times).mean });
    }
    const on = summary(samples.on);
    const off = summary(samples.off);
    const result = {
      bench: 'idsInCodeTyping',
      node: process.version,
      file: { chars: text.length, lines: text.split('\n').length, ids: IDS },
      keysPerRound: KEYS,
      on,
      off,
      ratio: {
        mean: +(on.mean / off.mean).toFixed(3),
        p50: +(on.p50 / off.p50).toFixed(3),
        p95: +(on.p95 / off.p95).toFixed(3),
      },
      rounds,
      loadAverage: [...loadBefore, ...os.loadavg()].map((l) => +l.toFixed(2)),
    };
    console.log(JSON.stringify(result));
  } finally {
    await wb?.close();
    await Promise.all(sessions.map((s) => s.endAsync(true)));
    await sb?.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(`[bench:typing] ${messageOf(err)}`);
  process.exit(1);
});
