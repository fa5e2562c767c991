// Renders media/icon.svg to media/icon.png (128 × 128, the Marketplace icon) with headless
// Chromium (Debian's, or IOTC_CHROMIUM) through playwright-core:
//   node esbuild.js --tests && node out/scripts/icon/render.js
import * as fs from 'fs';
import * as path from 'path';
import { chromium } from 'playwright-core';
import { projectRoot } from '../vscode-web/paths';
import { messageOf } from '../../src/core/errors';

async function main(): Promise<void> {
  const svg = fs.readFileSync(path.join(projectRoot, 'media', 'icon.svg'), 'utf8');
  const browser = await chromium.launch({ executablePath: process.env.IOTC_CHROMIUM ?? '/usr/bin/chromium' });
  try {
    const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
    const out = path.join(projectRoot, 'media', 'icon.png');
    await page.locator('svg').screenshot({ path: out, omitBackground: true });
    console.log(`[icon] ${out}: ${fs.statSync(out).size} bytes`);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(messageOf(error));
  process.exit(1);
});
