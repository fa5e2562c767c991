// The package page as VS Code shows it for the installed .vsix: the extension's details editor
// renders the README from the package, and every image of the project's README loads in it (the
// page has no base address: the package's README carries its images as data: URIs), with the icon
// at the top.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { screenshotOnFailure } from './harness/failures';
import { startWorkbench, type Workbench } from './harness/workbench';

const README_IMAGES = [...fs.readFileSync(path.resolve('README.md'), 'utf8').matchAll(/!\[([^\]]*)\]\(([^)\s]+)\)/g)];

interface ImageState {
  readonly alt: string;
  readonly loaded: boolean;
}

describe("UI: the package page of the installed .vsix (the extension's details)", () => {
  let wb: Workbench;
  before(async () => {
    wb = await startWorkbench();
  });
  after(async () => {
    await wb?.close();
  });
  screenshotOnFailure(() => wb);

  it('shows the icon and every README image, loaded from the package', async () => {
    const { page, ui } = wb;
    await ui.openView('Extensions');
    const entry = page.locator('.part.sidebar .extension-list-item', { hasText: 'IoT Connectivity' });
    await ui.waitVisible(entry, 'IoT Connectivity among the installed extensions', 30_000);
    await entry.first().click();
    const header = page.locator('.extension-editor .header');
    await ui.waitVisible(header.locator('.name', { hasText: 'IoT Connectivity' }), 'the details editor');
    await ui.waitUntil('the icon loaded', () =>
      header.locator('img.icon').evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth > 0),
    );

    const readme = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    const images = readme.locator('img');
    const read = (): Promise<ImageState[]> =>
      images.evaluateAll((els) =>
        els.map((el) => {
          const img = el as unknown as { alt: string; complete: boolean; naturalWidth: number };
          return { alt: img.alt, loaded: img.complete && img.naturalWidth > 0 };
        }),
      );
    await ui.waitUntil('the README rendered with its images', async () => (await images.count()) > 0, 30_000);
    // Each image scrolled into view, as a reader would (the page may load them lazily).
    for (let i = 0; i < (await images.count()); i++) await images.nth(i).scrollIntoViewIfNeeded();
    const loaded = await ui.within(30_000, async () => (await read()).every((s) => s.loaded));
    const states = await read();
    assert.ok(loaded, `every README image loaded: ${JSON.stringify(states)}`);
    assert.ok(README_IMAGES.length >= 5, `${README_IMAGES.length} images in the README`);
    for (const [, alt, link] of README_IMAGES) {
      assert.ok(
        states.some((s) => s.loaded && s.alt === alt),
        `${link} shown: ${states.map((s) => s.alt).join(', ')}`,
      );
    }
    await readme.locator('img').nth(0).scrollIntoViewIfNeeded();
    await ui.screenshot('package-page');
  });
});
