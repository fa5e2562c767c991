// Debian's Chromium driven by playwright-core (no browser download), headless, with the flags
// that keep it off the network and quiet on a CI machine without a GPU or a user namespace.
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumPath } from './paths';

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchBrowser(): Promise<Browser> {
  // Signals are this process's to handle: it stops code-server and the browser in order.
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: CHROMIUM_FLAGS,
    timeout: 60_000,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}

/** A page sized like a laptop screen, so screenshots show the whole workbench. */
export async function newWorkbenchPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  return context.newPage();
}
