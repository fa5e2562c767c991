// What the timeline's UI scenario needs beyond the shared harness: connecting the extension to the
// test's sandbox as a person would ("Connect to Platform…" step by step), a device with a known
// history driven by real clients, and reading the timeline's webview.
import type { FrameLocator } from 'playwright-core';
import type { ReadyInfo } from '../../src/core/readyInfo';
import { closed, connected, refusedWith } from '../support/mqtt';
import { RawMqtt } from '../support/rawMqtt';
import type { DeviceCredentials, TestSandbox } from '../support/sandbox';
import type { Ui } from './harness/ui';

/** Waits until the quick input asks `prompt`, types `value` into it and presses Enter. */
async function answer(ui: Ui, prompt: RegExp, value: string): Promise<void> {
  const widget = ui.page.locator('.quick-input-widget');
  await ui.waitVisible(widget.locator('.quick-input-message', { hasText: prompt }), `the prompt ${String(prompt)}`);
  await widget.locator('.quick-input-box input').fill(value);
  await ui.page.keyboard.press('Enter');
}

/** "Connect to Platform…" → Another platform by its URLs → API URL, MQTT URL, key, token, name. */
export async function connectToSandbox(ui: Ui, ready: ReadyInfo): Promise<void> {
  await ui.runCommand('IoT Connectivity: Connect to Platform…');
  const widget = ui.page.locator('.quick-input-widget');
  await ui.waitVisible(
    widget.locator('.monaco-list-row', { hasText: 'Another platform by its URLs' }),
    'the choice of platform kind',
  );
  await widget.locator('.monaco-list-row', { hasText: 'Another platform by its URLs' }).click();
  await answer(ui, /API URL/, ready.apiUrl);
  await answer(ui, /MQTT URL/, ready.mqttUrl);
  await answer(ui, /API key/, ready.apiKey);
  await answer(ui, /API token/, ready.apiToken);
  await answer(ui, /name for this platform/, 'sandbox');
}

/**
 * A device's known history, all of it real MQTT: a session closed cleanly, a session that stops
 * answering and times out (160), a bad-token attempt, and a takeover (288) by a second client
 * that stays connected. Returns that last client (connected).
 */
export async function driveHistory(sb: TestSandbox, d: DeviceCredentials) {
  const first = sb.device(d);
  await connected(first);
  await first.endAsync();

  const port = Number(new URL(sb.ready.mqttUrl).port);
  const silent = await RawMqtt.open(port);
  silent.connect({ clientId: d.clientId, username: 'use-token-auth', password: d.token, keepalive: 1 });
  await silent.next('connack');
  await silent.closed; // nothing sent for 1.5 × keep-alive: the server closes with 160

  const wrong = sb.device({ ...d, token: 'not-the-token' });
  await refusedWith(wrong);

  const older = sb.device(d);
  await connected(older);
  const newer = sb.device(d);
  await connected(newer);
  await closed(older);
  return newer;
}

/** The timeline's page inside the active webview. */
export function timeline(ui: Ui): FrameLocator {
  return ui.webviewFrame();
}

/** The text of the entry list's rows in view. */
export function rowTexts(frame: FrameLocator): Promise<string[]> {
  return frame.locator('.list .row').allInnerTexts();
}

/** Activates clusters (each zooms in) until the mark of `category` stands alone; at most five steps. */
export async function zoomToMark(ui: Ui, frame: FrameLocator, category: string): Promise<void> {
  const mark = frame.locator(`.chart .mark.cat-${category}`);
  for (let step = 0; step < 5 && (await mark.count()) === 0; step++) {
    const cluster = frame
      .locator('.chart .cluster')
      .filter({ has: frame.locator(`path`) })
      .first();
    await ui.waitVisible(cluster, 'a cluster of marks to zoom into');
    await cluster.click();
  }
  await ui.waitVisible(mark, `the ${category} mark on its own`);
}
