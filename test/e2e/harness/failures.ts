// A failed UI test leaves a screenshot named after it (test-results/screenshots/failed-….png).
import type { Workbench } from './workbench';

export function screenshotOnFailure(workbench: () => Workbench | undefined): void {
  afterEach(async function () {
    const test = this.currentTest;
    const wb = workbench();
    if (test?.state !== 'failed' || !wb) return;
    const file = await wb.ui.screenshot(`failed-${test.fullTitle()}`).catch(() => undefined);
    if (file) console.error(`      screenshot: ${file}`);
  });
}
