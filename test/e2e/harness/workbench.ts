// One real VS Code for a UI suite: a fresh profile, the packaged .vsix installed with
// `code-server --install-extension`, code-server isolated on a free port, and the workbench open
// in headless Chromium. Started once per suite (before), closed once (after).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newWorkbenchPage } from '../../../scripts/vscode-web/browser';
import {
  runCodeServerCommand,
  startCodeServer,
  type CodeServer,
  type CodeServerOptions,
} from '../../../scripts/vscode-web/codeServer';
import { checkInstalled, projectRoot } from '../../../scripts/vscode-web/paths';
import { writeUserSettings } from '../../../scripts/vscode-web/settings';
import { workbenchUrl } from '../../../scripts/vscode-web/workbenchUrl';
import { registerLanguagePacks } from './languagePack';
import { Ui } from './ui';

export const VSIX = path.join(projectRoot, 'dist', 'iot-connectivity.vsix');
const WORKBENCH_MS = 60_000;

export interface WorkbenchOptions {
  /** Folder to open, or a `.code-workspace` file (default: an empty temporary folder). */
  folder?: string;
  /** Extra user settings on top of the quiet profile. */
  settings?: Record<string, unknown>;
  /** Extra environment for code-server and so the extension host (e.g. IOT_SANDBOX). */
  env?: Record<string, string>;
  /** More .vsix files to install first (e.g. a language pack). */
  vsixes?: string[];
  /** The display language (code-server's --locale), e.g. pt-br; needs a language pack in `vsixes`. */
  locale?: string;
}

export interface Workbench {
  readonly page: Page;
  readonly ui: Ui;
  readonly server: CodeServer;
  close(): Promise<void>;
}

export async function startWorkbench(options: WorkbenchOptions = {}): Promise<Workbench> {
  checkInstalled();
  if (!fs.existsSync(VSIX)) throw new Error(`${VSIX} is missing: run \`npm run package\` first`);
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iotc-ui-'));
  const folder = options.folder ?? path.join(runDir, 'workspace');
  // A `.code-workspace` file opens a multi-root workspace; a folder is made if missing.
  if (!folder.endsWith('.code-workspace')) fs.mkdirSync(folder, { recursive: true });
  const serverOptions: CodeServerOptions = {
    runDir,
    userDataDir: path.join(runDir, 'user-data'),
    extensionsDir: path.join(runDir, 'extensions'),
    env: options.env,
    locale: options.locale,
  };
  writeUserSettings(serverOptions.userDataDir, options.settings);
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    fs.rmSync(runDir, { recursive: true, force: true });
  };
  const started = Date.now();
  const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
  try {
    for (const vsix of [...(options.vsixes ?? []), VSIX]) {
      await runCodeServerCommand(serverOptions, ['--install-extension', vsix, '--force']);
    }
    if (options.locale && !registerLanguagePacks(serverOptions.extensionsDir, serverOptions.userDataDir).length) {
      throw new Error(
        `no language pack among ${options.vsixes?.join(', ') ?? 'the .vsix files'} for ${options.locale}`,
      );
    }
    const installed = seconds();
    server = await startCodeServer(serverOptions);
    browser = await launchBrowser();
    const page = await newWorkbenchPage(browser);
    const ui = new Ui(page);
    await page.goto(workbenchUrl({ origin: server.origin, folder }));
    await ui.waitVisible(page.locator('.monaco-workbench .part.statusbar'), 'the workbench (status bar)', WORKBENCH_MS);
    await ui.waitVisible(page.locator('.monaco-workbench .part.activitybar'), 'the activity bar', WORKBENCH_MS);
    // The workbench shows before it has read the installed extensions; their commands reach the
    // palette with their view containers, so a scenario starts once ours is in the activity bar.
    await ui.waitVisible(
      page.locator('.part.activitybar a[aria-label^="IoT Connectivity"]'),
      'the IoT Connectivity view container (the extension read)',
      WORKBENCH_MS,
    );
    console.log(`    [e2e] workbench ready in ${seconds()} s (.vsix installed at ${installed} s)`);
    return { page, ui, server, close };
  } catch (err) {
    if (server) console.error(`[e2e] last lines of ${server.logFile}:\n${server.tail(15)}`);
    await close();
    throw err;
  }
}
