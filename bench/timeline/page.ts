// The timeline's real webview bundle (dist/webview/timeline.js) and stylesheet in headless
// Chromium, outside VS Code: a stand-in for acquireVsCodeApi records what the page posts, and
// snapshots are handed to it as the host would. For benchmarks and looking at the page; without
// the bundle (`app: false`), a blank page to time what reaches it.
import * as fs from 'fs';
import * as path from 'path';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { chromiumPath, projectRoot } from '../../scripts/vscode-web/paths';
import type { FromView, ToView } from '../../src/shared/protocol';

export const BUNDLE = path.join(projectRoot, 'dist', 'webview', 'timeline.js');
const CSS = path.join(projectRoot, 'media', 'timeline', 'timeline.css');

/** A few of VS Code's dark theme variables, so the page looks like it does in the editor. */
const THEME = `:root{${[
  '--vscode-foreground:#ccc',
  '--vscode-editor-background:#1e1e1e',
  '--vscode-font-family:sans-serif',
  '--vscode-font-size:13px',
  '--vscode-descriptionForeground:#9d9d9d',
  '--vscode-charts-green:#89d185',
  '--vscode-charts-red:#f14c4c',
  '--vscode-charts-orange:#d18616',
  '--vscode-charts-blue:#3794ff',
  '--vscode-charts-purple:#b180d7',
  '--vscode-charts-lines:rgba(128,128,128,.5)',
  '--vscode-focusBorder:#007fd4',
  '--vscode-button-background:#0e639c',
  '--vscode-button-foreground:#fff',
  '--vscode-button-secondaryBackground:#3a3d41',
  '--vscode-button-secondaryForeground:#ccc',
  '--vscode-list-activeSelectionBackground:#04395e',
  '--vscode-list-hoverBackground:#2a2d2e',
  '--vscode-errorForeground:#f48771',
  '--vscode-panel-border:#444',
].join(';')}}`;

/** What the page's globals look like from here (this project's Node typings have no DOM). */
interface PageGlobals {
  posted: unknown[];
  state: unknown;
  acquireVsCodeApi(): unknown;
  next: unknown;
  postMessage(message: unknown, targetOrigin: string): void;
  addEventListener(type: 'message', listener: () => void, options: { once: boolean }): void;
  requestAnimationFrame(callback: () => void): number;
}

export interface TimelinePage {
  readonly page: Page;
  /** How long the page's bundle took from loading to saying `ready` (ms). */
  readonly bootMs: number;
  /** Messages the page posted to its host. */
  posted(): Promise<FromView[]>;
  /**
   * Hands a message to the page as the host would; resolves after it was handled and painted, with the time that took
   * (ms).
   */
  send(message: ToView): Promise<number>;
  /** The same, with the CPU time the page spent on it. */
  sendMeasured(message: ToView): Promise<Handled>;
  /** Runs `work` (which resolves with its wall time in ms) and adds the page's CPU time it took. */
  measured(work: () => Promise<number>): Promise<Handled>;
  close(): Promise<void>;
}

export interface Handled {
  readonly wallMs: number;
  /**
   * CPU time (ms) of the page's main thread, and of its renderer process (all threads: GC helpers,
   * compositing). Unlike wall time, it hardly grows when the machine is busy with other work.
   */
  readonly threadCpuMs: number;
  readonly processCpuMs: number;
}

export async function openTimelinePage(
  options: { width?: number; height?: number; state?: unknown; app?: boolean } = {},
): Promise<TimelinePage> {
  const app = options.app ?? true;
  if (app && !fs.existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run \`node esbuild.js\` first`);
  const browser: Browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: options.width ?? 1200, height: options.height ?? 900 } });
    await page.setContent(
      `<!doctype html><html><head><style>${THEME}</style></head><body><div id="app"></div></body></html>`,
    );
    await page.addStyleTag({ path: CSS });
    await page.evaluate((state) => {
      const w = globalThis as unknown as PageGlobals;
      w.posted = [];
      w.state = state;
      w.acquireVsCodeApi = () => ({
        postMessage: (m: unknown) => w.posted.push(m),
        getState: () => w.state,
        setState: (s: unknown) => {
          w.state = s;
        },
      });
    }, options.state);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const booting = performance.now();
    if (app) await page.addScriptTag({ path: BUNDLE });
    const bootMs = performance.now() - booting;
    const measured = (work: () => Promise<number>) => measure(cdp, work);
    return {
      page,
      bootMs,
      posted: () => page.evaluate(() => (globalThis as unknown as PageGlobals).posted as FromView[]),
      send: async (message) => (await sendMeasured(page, measured, message)).wallMs,
      sendMeasured: (message) => sendMeasured(page, measured, message),
      measured,
      close: () => browser.close(),
    };
  } catch (err) {
    await browser.close();
    throw err;
  }
}

async function sendMeasured(page: Page, measured: TimelinePage['measured'], message: ToView): Promise<Handled> {
  // The message reaches the page first; then it is posted to the page itself, so that it
  // arrives as VS Code delivers it (postMessage, structured clone) and that is timed.
  await page.evaluate((m) => {
    (globalThis as unknown as PageGlobals).next = m;
  }, message);
  return measured(() =>
    page.evaluate(async () => {
      const w = globalThis as unknown as PageGlobals;
      const start = performance.now();
      const handled = new Promise<void>((resolve) => w.addEventListener('message', () => resolve(), { once: true }));
      w.postMessage(w.next, '*');
      await handled;
      // Until the frame with the change has been laid out and painted.
      await new Promise<void>((resolve) => w.requestAnimationFrame(() => w.requestAnimationFrame(() => resolve())));
      return performance.now() - start;
    }),
  );
}

async function measure(cdp: CDPSession, work: () => Promise<number>): Promise<Handled> {
  const before = await cpuMs(cdp);
  const wallMs = await work();
  const after = await cpuMs(cdp);
  return { wallMs, threadCpuMs: after.thread - before.thread, processCpuMs: after.process - before.process };
}

/** CPU time used so far by the page's main thread and its renderer process (ms). */
async function cpuMs(cdp: CDPSession): Promise<{ thread: number; process: number }> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string) => (metrics.find((m) => m.name === name)?.value ?? Number.NaN) * 1000;
  return { thread: value('ThreadTime'), process: value('ProcessTime') };
}
