// One extension-test run the way `code --extensionTestsPath=…` does it: code-server serves the
// workbench, headless Chromium opens it with the development and tests paths in the payload,
// the extension host runs the tests, and the workbench reports the exit code.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import type { HostArgs } from './args';
import { exposeAutomationHooks } from './automation';
import { launchBrowser, newWorkbenchPage } from './browser';
import { startCodeServer, type CodeServer } from './codeServer';
import { checkInstalled, screenshotsDir } from './paths';
import { writeUserSettings } from './settings';
import { withDeadline } from './waitFor';
import { workbenchUrl } from './workbenchUrl';

const WORKBENCH_MS = 60_000;

export interface RunOptions {
  /** Deadline for the whole test run, after the workbench appeared. */
  timeoutMs: number;
  signal: AbortSignal;
}

function aborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) =>
    signal.addEventListener('abort', () => reject(new Error(`interrupted (${String(signal.reason)})`)), { once: true }),
  );
}

function write(level: string, message: string): void {
  (level === 'error' ? process.stderr : process.stdout).write(`${message}\n`);
}

async function saveScreenshot(page: Page | undefined): Promise<void> {
  if (!page) return;
  const file = path.join(screenshotsDir, `extension-host-failure-${Date.now()}.png`);
  await page.screenshot({ path: file }).then(
    () => console.error(`[vscode-web] screenshot: ${file}`),
    () => undefined,
  );
}

export async function runExtensionTests(args: HostArgs, options: RunOptions): Promise<number> {
  checkInstalled();
  if (!args.extensionTestsPath) {
    throw new Error('--extensionTestsPath=… is required: this executable only runs extension tests');
  }
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iotc-vscode-'));
  const userDataDir = path.resolve(args.userDataDir ?? path.join(runDir, 'user-data'));
  writeUserSettings(userDataDir);
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  const interrupted = aborted(options.signal);
  try {
    server = await Promise.race([
      startCodeServer({
        runDir,
        userDataDir,
        extensionsDir: path.resolve(args.extensionsDir ?? path.join(runDir, 'extensions')),
      }),
      interrupted,
    ]);
    browser = await Promise.race([launchBrowser(), interrupted]);
    page = await newWorkbenchPage(browser);
    const hooks = await exposeAutomationHooks(page, write);
    const ended = Promise.race([
      hooks.exitCode,
      interrupted,
      server.exited.then(() => Promise.reject(new Error(`code-server exited during the tests:\n${server?.tail()}`))),
      new Promise<never>((_, reject) => page?.on('crash', () => reject(new Error('the workbench page crashed')))),
    ]);
    const url = workbenchUrl({
      origin: server.origin,
      folder: args.folder,
      extensionDevelopmentPaths: args.extensionDevelopmentPaths,
      extensionTestsPath: args.extensionTestsPath,
    });
    await page.goto(url);
    await Promise.race([
      withDeadline(
        page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 0 }),
        WORKBENCH_MS,
        `the workbench did not appear at ${server.origin}`,
      ),
      ended,
    ]);
    return await withDeadline(
      ended,
      options.timeoutMs,
      'VS Code did not report the end of the extension tests (set IOTC_VSCODE_TIMEOUT_SECONDS for a longer deadline)',
    );
  } catch (err) {
    if (options.signal.aborted) throw err;
    await saveScreenshot(page);
    if (server) console.error(`[vscode-web] last lines of ${server.logFile}:\n${server.tail(15)}`);
    throw err;
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    fs.rmSync(runDir, { recursive: true, force: true });
  }
}
