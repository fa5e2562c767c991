// Keystroke → paint, measured in the workbench page: from a key's `keydown` (its own timestamp,
// taken when the browser made the event) to the first task after the frame in which the editor's
// lines changed (a MutationObserver on the focused editor's lines, then a task queued from it,
// which runs once that frame has been painted). Keys are typed at an uneven cadence — a burst, a
// pause the providers' debounce lets through, a longer one — as people type.
import type { Page } from 'playwright-core';

declare const window: { __iotcKeys?: number[] } & Record<string, unknown>;
declare const document: {
  addEventListener(type: string, fn: (e: { key: string; timeStamp: number }) => void, capture: boolean): void;
  activeElement: { closest(selector: string): { querySelector(s: string): unknown } | null } | null;
};
declare const MutationObserver: new (fn: () => void) => {
  observe(target: unknown, o: Record<string, boolean>): void;
  disconnect(): void;
};
declare const performance: { now(): number };

export async function installProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.__iotcKeys = [];
    document.addEventListener(
      'keydown',
      (e) => {
        if (e.key.length !== 1) return;
        const lines = document.activeElement?.closest('.monaco-editor')?.querySelector('.view-lines');
        if (!lines) return;
        const observer = new MutationObserver(() => {
          observer.disconnect();
          setTimeout(() => window.__iotcKeys?.push(performance.now() - e.timeStamp), 0);
        });
        observer.observe(lines, { subtree: true, childList: true, characterData: true });
      },
      true,
    );
  });
}

const CADENCE_MS = [90, 90, 90, 300, 90, 600];

/** Types `keys` letters at the cadence; the keystroke → paint time of each. */
export async function typeKeys(page: Page, keys: number): Promise<number[]> {
  await page.evaluate(() => (window.__iotcKeys = []));
  for (let i = 0; i < keys; i++) {
    await page.keyboard.press(String.fromCharCode(97 + (i % 26)));
    await page.waitForFunction((n) => (window.__iotcKeys?.length ?? 0) > n, i, { timeout: 10_000 });
    await page.waitForTimeout(CADENCE_MS[i % CADENCE_MS.length]);
  }
  return page.evaluate(() => window.__iotcKeys ?? []);
}

export function summary(times: readonly number[]): { n: number; mean: number; p50: number; p95: number } {
  const s = [...times].sort((a, b) => a - b);
  const at = (q: number) => +s[Math.min(s.length - 1, Math.floor(q * s.length))].toFixed(2);
  return { n: s.length, mean: +(s.reduce((a, b) => a + b, 0) / s.length).toFixed(2), p50: at(0.5), p95: at(0.95) };
}
