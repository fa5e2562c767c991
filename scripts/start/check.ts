// `npm start -- --check`: a person's first look, in headless Chromium: the workbench loads, the
// IoT Connectivity view opens by itself, and its tree shows the simulated fleet ("Connected (n)", n > 0).
import { launchBrowser, newWorkbenchPage } from '../vscode-web/browser';
import { withDeadline } from '../vscode-web/waitFor';

const WORKBENCH_MS = 90_000;
const FLEET_MS = 60_000;

export interface CheckResult {
  readonly connected: number;
  readonly rows: string[];
}

export async function checkWorkbench(
  url: string,
  step: (what: string) => void,
  screenshot?: string,
): Promise<CheckResult> {
  const browser = await launchBrowser();
  try {
    const page = await newWorkbenchPage(browser);
    await page.goto(url);
    await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: WORKBENCH_MS });
    step('workbench loaded');
    // Nobody clicks: the window opens on the IoT Connectivity view by itself.
    await page
      .locator('.part.sidebar .composite.title', { hasText: /IoT Connectivity/i })
      .waitFor({ timeout: FLEET_MS });
    step('IoT Connectivity opened');
    const rows = page.locator('.part.sidebar .pane-body .monaco-list-row .label-name');
    const connected = rows.filter({ hasText: /^\s*Connected \(\d+\)\s*$/ });
    await withDeadline(
      (async () => {
        for (;;) {
          await connected.first().waitFor({ timeout: FLEET_MS });
          const n = Number(/\((\d+)\)/.exec(await connected.first().innerText())?.[1] ?? 0);
          if (n > 0) return;
          // The tree refreshes when the handover lands; until then it may count 0.
          await page.waitForTimeout(250);
        }
      })(),
      FLEET_MS,
      'the Clients view did not show a connected fleet',
    );
    if (screenshot) await page.screenshot({ path: screenshot });
    const labels = await rows.allInnerTexts();
    const n = Number(/\((\d+)\)/.exec(await connected.first().innerText())?.[1] ?? 0);
    return { connected: n, rows: labels.map((l) => l.trim()) };
  } finally {
    await browser.close().catch(() => undefined);
  }
}
