// Every wait of a UI scenario is on a DOM condition with a deadline. A wait that fails says
// what it waited for and leaves a screenshot of the moment beside the others.
import * as fs from 'fs';
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';
import { screenshotsDir } from '../../../scripts/vscode-web/paths';

export const DEFAULT_WAIT_MS = 15_000;

/** Saves test-results/screenshots/<name>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(screenshotsDir, { recursive: true });
  const file = path.join(screenshotsDir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path: file });
  return file;
}

async function failWithScreenshot(page: Page, what: string, timeoutMs: number, err: unknown): Promise<never> {
  const shot = await saveScreenshot(page, `failed-wait-${Date.now()}`).catch(() => 'none (the page is gone)');
  const cause = err instanceof Error ? err.message.split('\n')[0] : String(err);
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n  screenshot: ${shot}\n  (${cause})`, {
    cause: err,
  });
}

export async function waitVisible(
  page: Page,
  locator: Locator,
  what: string,
  timeoutMs = DEFAULT_WAIT_MS,
): Promise<Locator> {
  try {
    await locator.first().waitFor({ state: 'visible', timeout: timeoutMs });
    return locator.first();
  } catch (err) {
    return failWithScreenshot(page, what, timeoutMs, err);
  }
}

export async function waitHidden(
  page: Page,
  locator: Locator,
  what: string,
  timeoutMs = DEFAULT_WAIT_MS,
): Promise<void> {
  try {
    await locator.first().waitFor({ state: 'hidden', timeout: timeoutMs });
  } catch (err) {
    await failWithScreenshot(page, what, timeoutMs, err);
  }
}

/** Polls `check` (a DOM read) until it returns true. */
export async function waitUntil(
  page: Page,
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = DEFAULT_WAIT_MS,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      if (await check()) return;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > end) {
      await failWithScreenshot(page, what, timeoutMs, lastError ?? new Error('the condition stayed false'));
    }
    await page.waitForTimeout(100);
  }
}
