// The walkthrough's images are screenshots of the real UI, taken by newcomer.test.ts at the
// moment each step shows. With IOTC_UPDATE_WALKTHROUGH=1 they are written (cropped to the part
// that step is about, reduced to 256 colours by pngquant when present: apt-get install pngquant)
// to media/walkthrough/.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { projectRoot } from '../../scripts/vscode-web/paths';

const REGIONS = {
  sidebar: { x: 0, y: 35, width: 350, height: 460 },
  top: { x: 250, y: 0, width: 780, height: 330 },
  editor: { x: 348, y: 35, width: 932, height: 565 },
  window: { x: 0, y: 0, width: 1280, height: 800 },
} as const;

export const WALKTHROUGH_MEDIA = path.join(projectRoot, 'media', 'walkthrough');

export async function walkthroughShot(page: Page, name: string, region: keyof typeof REGIONS): Promise<void> {
  if (process.env.IOTC_UPDATE_WALKTHROUGH !== '1') return;
  fs.mkdirSync(WALKTHROUGH_MEDIA, { recursive: true });
  const file = path.join(WALKTHROUGH_MEDIA, `${name}.png`);
  await page.mouse.move(1279, 799); // no hover tooltip in the picture
  await page.screenshot({ path: file, clip: REGIONS[region] });
  const reduced = spawnSync('pngquant', ['--force', '--strip', '--output', file, '256', file]);
  if (reduced.status !== 0) console.warn(`      ${name}.png kept in full colour (pngquant not available)`);
}
