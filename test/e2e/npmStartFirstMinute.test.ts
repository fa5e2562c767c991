// The first minute after `npm start`, as a person sees it in a browser: VS Code opens by itself
// on the Clients view with the fleet, under the workspace's title (not "[Extension Development
// Host]"), with the walkthrough in the one editor group and its first step ticked; no
// "Credentials needed" row ever shows while the token is handed over. A second browser (no site
// data) is offered the sandbox's token after a question, and the token is in no log or output.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newWorkbenchPage } from '../../scripts/vscode-web/browser';
import { waitFor } from '../support/waitFor';
import { freePort, RUNNER, runStart, type Run } from './harness/npmStart';
import { saveScreenshot, waitUntil, waitVisible } from './harness/waits';

const SLOW_MS = 90_000;

/** Records, from before the page loads, every text of the side bar that says credentials are missing. */
const RECORD_CREDENTIAL_ROWS = `
  window.credentialRows = [];
  new MutationObserver(() => {
    const text = document.querySelector('.part.sidebar')?.textContent ?? '';
    const hit = /Credentials needed|URLs of platform|No API token/.exec(text);
    if (hit && !window.credentialRows.includes(hit[0])) window.credentialRows.push(hit[0]);
  }).observe(document, { subtree: true, childList: true, characterData: true });
`;

const sidebarTitle = (page: Page) => page.locator('.part.sidebar .composite.title', { hasText: /IoT Connectivity/i });
const rows = (page: Page) => page.locator('.part.sidebar .pane-body .monaco-list-row');

async function connectedCount(page: Page): Promise<number> {
  const labels = await rows(page).locator('.label-name').allInnerTexts();
  const connected = labels.map((l) => /^\s*Connected \((\d+)\)\s*$/.exec(l)).find(Boolean);
  return connected ? Number(connected[1]) : 0;
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

describe('npm start: the first minute in a browser', function () {
  this.timeout(300_000);
  let dataDir: string;
  let run: Run;
  let url: string;
  let browser: Browser;

  before(async () => {
    assert.ok(fs.existsSync(RUNNER), `${RUNNER} is missing: node esbuild.js --tests (or --start)`);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iotc-first-minute-'));
    run = runStart(['--browser', '--data-dir', dataDir, '--fleet', '8', '--port', String(await freePort())]);
    url = await waitFor('the URL to open', () => /^\s+(http:\/\/127\.0\.0\.1:\d+\/\S+)$/m.exec(run.output())?.[1], {
      timeoutMs: 180_000,
      intervalMs: 200,
    });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close().catch(() => undefined);
    if (run && run.child.exitCode === null) {
      run.child.kill('SIGINT');
      await Promise.race([run.exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
      run.child.kill('SIGKILL');
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens on the Clients view with the fleet and the walkthrough, the first step ticked, no error row', async () => {
    const page = await newWorkbenchPage(browser);
    await page.addInitScript({ content: RECORD_CREDENTIAL_ROWS });
    await page.goto(url);
    // Nobody clicks anything.
    await waitVisible(page, sidebarTitle(page), 'the IoT Connectivity view to open by itself', SLOW_MS);
    await waitUntil(page, 'the fleet in the Clients view', async () => (await connectedCount(page)) > 0, SLOW_MS);
    const step = page.locator('[data-done-step-id$="#gettingStarted#platform"]');
    await waitUntil(
      page,
      'the walkthrough with "Start a platform" ticked',
      async () => (await step.getAttribute('aria-checked')) === 'true',
      SLOW_MS,
    );
    await saveScreenshot(page, 'npm-start-first-screen');

    assert.doesNotMatch(await page.title(), /Extension Development Host/);
    assert.match(await page.title(), /workspace/);
    assert.strictEqual(await page.locator('.part.editor .editor-group-container').count(), 1, 'one editor group');
    assert.deepStrictEqual(
      await page.evaluate<string[]>('window.credentialRows'),
      [],
      'no credentials row while the token was handed over',
    );
    await page.context().close();
  });

  it("offers a second browser the sandbox's token, after a question; the token is in no output or log", async () => {
    const page = await newWorkbenchPage(browser); // a new context: no site data, no secrets
    await page.goto(url);
    await waitVisible(page, sidebarTitle(page), 'the IoT Connectivity view to open by itself', SLOW_MS);
    const offer = rows(page).filter({ hasText: "Use the Local Sandbox's Token…" });
    await waitVisible(page, offer, "the offer of the sandbox's token", SLOW_MS);
    assert.strictEqual(await connectedCount(page), 0, 'no fleet before the person agrees');
    await offer.first().click();
    const dialog = page.locator('.monaco-dialog-box');
    await waitVisible(page, dialog, 'the question before the token is used');
    assert.match(await dialog.innerText(), /api-key\.json/, 'the question names the file it reads');
    await saveScreenshot(page, 'npm-start-second-browser-question');
    await dialog.getByRole('button', { name: "Use the Sandbox's Token" }).click();
    await waitUntil(page, 'the fleet in the Clients view', async () => (await connectedCount(page)) > 0, SLOW_MS);
    await page.context().close();

    const { apiToken } = JSON.parse(fs.readFileSync(path.join(dataDir, 'sandbox', 'api-key.json'), 'utf8')) as {
      apiToken: string;
    };
    assert.ok(!run.output().includes(apiToken), 'npm start never prints the token');
    const profile = path.join(dataDir, 'vscode-browser');
    const holding = filesUnder(profile).filter((f) => fs.readFileSync(f).includes(apiToken));
    assert.deepStrictEqual(holding, [], 'no file of the VS Code profile (logs, settings) holds the token');
    assert.ok(
      filesUnder(profile).some((f) => f.endsWith('.log')),
      'the profile has logs to look in',
    );
  });
});
