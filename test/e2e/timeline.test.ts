// A person's view of the connection timeline in a real VS Code: a device with a known history
// (a clean session, a keep-alive timeout, a bad-token attempt, a takeover), all of it real MQTT
// against the test's sandbox, opened from the Clients view; live events appear while it is open;
// export writes a file; the panel comes back after a window reload. Screenshots in dark and light.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { FrameLocator } from 'playwright-core';
import { startTestSandbox, type DeviceCredentials, type TestSandbox } from '../support/sandbox';
import { screenshotOnFailure } from './harness/failures';
import { startWorkbench, type Workbench } from './harness/workbench';
import { connectToSandbox, driveHistory, rowTexts, timeline, zoomToMark } from './timeline.helpers';

describe('UI: the connection timeline in a real VS Code', function () {
  this.timeout(240_000);
  let sb: TestSandbox;
  let wb: Workbench;
  let device: DeviceCredentials;
  let folder: string;
  let frame: FrameLocator;
  const cause = (c: string) => frame.locator(`.legend [data-cause="${c}"] strong`);

  before(async () => {
    sb = await startTestSandbox();
    device = sb.registerDevice('sensor', 'timeline-1');
    await driveHistory(sb, device);
    // A log line with markup in it, as a device's id or a proxy might put there: it must show as text.
    sb.store.appendLog(device.typeId, device.deviceId, {
      message: '<img src=x onerror=alert(1)></script> odd line',
      timestamp: new Date().toISOString(),
    });
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'iotc-timeline-ui-'));
    wb = await startWorkbench({ folder, settings: { 'workbench.colorTheme': 'Default Dark Modern' } });
    await connectToSandbox(wb.ui, sb.ready);
  });
  after(async () => {
    await wb?.close();
    await sb?.close();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });
  screenshotOnFailure(() => wb);

  it("opens from the device's context menu and shows its sessions and the cause of each disconnect", async () => {
    await wb.ui.openView('IoT Connectivity');
    await wb.ui.waitForView('Clients');
    await wb.ui.contextMenu('timeline-1', 'Show Connection Timeline');
    await wb.ui.waitVisible(
      wb.page.locator('.tab', { hasText: 'Timeline: timeline-1' }),
      'the timeline tab titled with the device',
    );
    frame = timeline(wb.ui);
    await wb.ui.waitVisible(frame.locator('h1', { hasText: 'timeline-1' }), 'the timeline page');
    await wb.ui.waitUntil(
      'the whole log read',
      async () => (await frame.locator('.progress').isHidden()) && (await cause('network').innerText()) === '1',
    );
    assert.strictEqual(await cause('takeover').innerText(), '1', 'one takeover (288)');
    assert.strictEqual(await cause('failed').innerText(), '1', 'one failed attempt (bad token)');
    assert.strictEqual(await cause('client').innerText(), '1', 'one clean disconnect');
    assert.strictEqual((await frame.locator('.status').innerText()).trim(), 'connected');
    assert.strictEqual(await frame.locator('[data-figure="sessions"]').innerText(), '4');
    // The default range is the whole history, from the oldest entry (to the second at least) to now.
    assert.strictEqual(await frame.locator('button[data-range="all"]').getAttribute('aria-pressed'), 'true');
    const oldest = (await rowTexts(frame)).at(-1)?.slice(0, 19) ?? '';
    const range = await frame.locator('[data-figure="range"]').innerText();
    assert.ok(
      /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(oldest) && range.startsWith(oldest),
      `the range "${range}" begins at the oldest entry ${oldest}`,
    );
    assert.match(range, /, whole history\)$/);
    await wb.ui.screenshot('timeline-dark');
    // The picture: four sessions; the marks of the last seconds overlap at this range, so they are
    // clusters with counts; activating one zooms in until each mark stands alone, with its shape.
    assert.strictEqual(await frame.locator('.chart .session').count(), 4);
    await zoomToMark(wb.ui, frame, 'network');
    for (const c of ['failed', 'takeover']) {
      await wb.ui.waitVisible(frame.locator(`.chart .mark.cat-${c}`), `the ${c} mark on its own`);
    }
    assert.strictEqual(await frame.locator('button[aria-pressed="true"]').count(), 0, 'a zoomed window is no preset');
    const rows = (await rowTexts(frame)).join('\n');
    assert.match(rows, /keep-alive timed out \(network, code 160\)/);
    assert.match(rows, /session taken over by a newer connection/);
    assert.match(rows, /failed to connect: not authorized/);
    // Markup from the log is text: shown literally, never an element.
    assert.match(rows, /<img src=x onerror=alert\(1\)><\/script> odd line/);
    assert.strictEqual(await frame.locator('img').count(), 0);
    // The figures now count the zoomed span only, and say so.
    assert.match(await frame.locator('[data-figure="range"]').innerText(), /, zoomed\)$/);
    await wb.ui.screenshot('timeline-dark-zoomed');
  });

  it('shows the detail of a mark on keyboard focus and on hover', async () => {
    await frame.locator('.chart .mark.cat-network').focus();
    const tip = frame.locator('#timeline-tooltip');
    await wb.ui.waitVisible(tip.filter({ hasText: '1.5 × keep-alive' }), 'the tooltip of the timeout on focus');
    await wb.ui.screenshot('timeline-dark-focus');
    await frame.locator('.chart .mark.cat-takeover').hover();
    await wb.ui.waitVisible(tip.filter({ hasText: 'session taken over' }), 'the tooltip of the takeover on hover');
  });

  it('adds live events while the panel is open', async () => {
    const response = await fetch(
      `${sb.ready.apiUrl}/sandbox/clients/${encodeURIComponent(device.clientId)}/disconnect`,
      {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${sb.ready.apiKey}:${sb.ready.apiToken}`).toString('base64')}`,
        },
      },
    );
    assert.strictEqual(response.status, 200);
    await wb.ui.waitUntil("the administrator's disconnect in the list", async () =>
      (await rowTexts(frame)).some((r) => r.includes('closed by an administrator')),
    );
    await wb.ui.waitUntil(
      'the status to say disconnected',
      async () => (await frame.locator('.status').innerText()).trim() === 'disconnected',
    );
    // The figures count the visible range: back to the whole history, which now ends with it.
    await frame.locator('button[data-range="all"]').click();
    await wb.ui.waitUntil("the server's disconnect counted", async () => (await cause('server').innerText()) === '1');
    await wb.ui.screenshot('timeline-dark-live');
  });

  it('exports the events as CSV through the save dialog', async () => {
    const target = path.join(folder, 'timeline-export.csv');
    await frame.locator('button.export-csv').click();
    const input = wb.page.locator('.quick-input-widget .quick-input-box input');
    await wb.ui.waitVisible(input, 'the save dialog');
    // The dialog fills in its proposed path once it has read the folder: type over that, not before it.
    await wb.ui.waitUntil('the save dialog to propose a .csv file', async () =>
      (await input.inputValue()).endsWith('.csv'),
    );
    await input.fill(target);
    await wb.ui.waitUntil('the path typed into the save dialog', async () => (await input.inputValue()) === target);
    await wb.page.keyboard.press('Enter');
    const status = await wb.ui.waitVisible(
      frame.locator('.toolbar-status', { hasText: /^Saved \d+ events to / }),
      'the page saying where it saved',
    );
    assert.ok((await status.innerText()).includes('timeline-export.csv'), await status.innerText());
    const lines = fs.readFileSync(target, 'utf8').trimEnd().split('\r\n');
    assert.ok(lines[0].startsWith('time,kind,cause,closeCode'));
    assert.ok(
      lines.some((l) => /,disconnected,network,160,network,141,/.test(l)),
      'the timeout',
    );
    assert.ok(
      lines.some((l) => /,disconnected,takeover,288,/.test(l)),
      'the takeover',
    );
    assert.ok(
      lines.some((l) => /,failedConnect,,180,/.test(l)),
      'the bad-token attempt',
    );
    assert.ok(
      lines.some((l) => /,disconnected,server,94,/.test(l)),
      'the live administrator disconnect',
    );
  });

  it('comes back after the window reloads, with its range', async () => {
    await frame.locator('button[data-range="1h"]').click();
    await wb.ui.waitUntil(
      'the range chosen',
      async () => (await frame.locator('button[data-range="1h"]').getAttribute('aria-pressed')) === 'true',
    );
    // An orderly reload, as a person does it: the workbench saves the panel's state on the way out.
    await wb.ui.runCommand('Developer: Reload Window');
    await wb.ui.waitVisible(
      wb.page.locator('.monaco-workbench .part.statusbar'),
      'the workbench after the reload',
      60_000,
    );
    frame = timeline(wb.ui);
    await wb.ui.waitVisible(frame.locator('h1', { hasText: 'timeline-1' }), 'the restored timeline page', 60_000);
    await wb.ui.waitUntil(
      'the restored history',
      async () => (await cause('network').innerText()) === '1' && (await cause('server').innerText()) === '1',
      30_000,
    );
    assert.strictEqual(
      await frame.locator('button[data-range="1h"]').getAttribute('aria-pressed'),
      'true',
      'the range survived',
    );
  });

  it('reads well in a light theme', async () => {
    await wb.page.keyboard.press('F1');
    const box = wb.page.locator('.quick-input-widget .quick-input-box input');
    await box.pressSequentially('Preferences: Color Theme');
    const command = wb.page
      .locator('.quick-input-widget .monaco-list-row')
      .filter({ has: wb.page.locator('.label-name', { hasText: /^Preferences: Color Theme$/ }) });
    await (await wb.ui.waitVisible(command, 'the theme command')).click();
    await wb.ui.waitVisible(
      wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Light Modern' }),
      'the theme list',
    );
    await box.pressSequentially('Light Modern');
    await wb.ui.waitVisible(
      wb.page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: 'Light Modern' }),
      'Light Modern chosen',
    );
    await wb.page.keyboard.press('Enter');
    await wb.ui.waitUntil('the light theme', () =>
      wb.page
        .locator('.monaco-workbench.vs')
        .count()
        .then((n) => n > 0),
    );
    frame = timeline(wb.ui);
    await wb.ui.waitVisible(frame.locator('h1', { hasText: 'timeline-1' }), 'the timeline in the light theme');
    await frame.locator('button[data-range="all"]').click();
    await zoomToMark(wb.ui, frame, 'network');
    await frame.locator('.chart .mark.cat-network').focus();
    await wb.ui.screenshot('timeline-light');
  });
});
