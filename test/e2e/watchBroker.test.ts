// "Watch a Broker…" as a person uses it, in a real VS Code against Debian's real Mosquitto: from the welcome, the
// questions (the password in a password box), the server the extension runs, and the Clients view with the broker
// at its head — its count beside the clients known (Mosquitto lists none: those connected before stay unknown
// until they act), clients whose ids are not of the platform's form, a tooltip; after a reload of the window (a new
// extension host) the server comes back by itself with the history recorded before — then a second broker that does
// not publish its log, shown as a problem row with the lines that fix it. Screenshots in
// test-results/screenshots/watch-*.png.
import * as assert from 'assert';
import * as fs from 'fs';
import { connect, type MqttClient } from 'mqtt';
import { startMosquitto, type Mosquitto } from '../support/brokers/mosquitto';
import { screenshotOnFailure } from './harness/failures';
import type { Ui } from './harness/ui';
import { startWorkbench, type Workbench } from './harness/workbench';

const PASSWORD = 'w@tch me:1%';
const BEFORE = ['boiler-room/1', 'boiler-room/2'];
const AFTER = ['kitchen/sensor 7', 'plus+and#hash 🚀'];
const RELOADED = 'after-reload/1';

/** The server processes (dist/sandbox.js) observing the broker on `port`, by their command lines. */
function observers(port: number): number[] {
  return fs
    .readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((pid) => {
      try {
        const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
        const i = args.indexOf('--observe-mosquitto');
        return args.some((a) => a.endsWith('sandbox.js')) && i >= 0 && args[i + 1]?.endsWith(`@127.0.0.1:${port}`);
      } catch {
        return false;
      }
    })
    .map(Number);
}

async function answer(ui: Ui, prompt: RegExp, value: string): Promise<void> {
  const widget = ui.page.locator('.quick-input-widget');
  await ui.waitVisible(widget.locator('.quick-input-message', { hasText: prompt }), `the prompt ${String(prompt)}`);
  await widget.locator('.quick-input-box input').fill(value);
  await ui.page.keyboard.press('Enter');
}

async function choose(ui: Ui, text: string | RegExp): Promise<void> {
  const row = ui.page
    .locator('.quick-input-widget .monaco-list-row')
    .filter({ has: ui.page.locator('.label-name', { hasText: text }) });
  await (await ui.waitVisible(row, `the entry ${String(text)}`)).click();
}

/** Refreshes the view until a row has `label` and `description` ($SYS counts come each second). */
async function refreshUntil(ui: Ui, label: string, description: string): Promise<void> {
  let seen = '';
  await ui
    .waitUntil(
      `"${label}" with "${description}"`,
      async () => {
        const row = (await ui.treeRows()).find((r) => r.label === label);
        seen = row?.description ?? '(no such row)';
        if (seen === description) return true;
        await ui.runCommand('IoT Connectivity: Refresh');
        return false;
      },
      30_000,
    )
    .catch((error: unknown) => {
      throw new Error(`${String(error)}; the row said "${seen}"`);
    });
}

describe('UI: Watch a Broker… against a real Mosquitto', function () {
  this.timeout(300_000);
  let broker: Mosquitto;
  let quiet: Mosquitto;
  let wb: Workbench;
  const clients: MqttClient[] = [];
  const device = async (clientId: string) => {
    const c = connect(broker.url, { clientId, username: 'dev', password: 'dev-pw', reconnectPeriod: 0 });
    c.on('error', () => undefined);
    clients.push(c);
    await new Promise<void>((resolve, reject) => c.once('connect', () => resolve()).once('close', reject));
  };

  before(async () => {
    broker = await startMosquitto({ users: { watcher: PASSWORD, dev: 'dev-pw' } });
    quiet = await startMosquitto({ logTopic: false });
    for (const id of BEFORE) await device(id);
    wb = await startWorkbench();
  });
  after(async () => {
    await Promise.all(clients.map((c) => c.endAsync(true).catch(() => undefined)));
    await wb?.close();
    await broker?.stop();
    await quiet?.stop();
  });
  screenshotOnFailure(() => wb);

  it('asks which broker, its URL, a user and a password in a password box', async () => {
    await wb.ui.openView('IoT Connectivity');
    await wb.ui.waitForView('Clients');
    const button = wb.page.locator('.part.sidebar .welcome-view-content .monaco-button', {
      hasText: 'Watch a Broker…',
    });
    await (await wb.ui.waitVisible(button, "the welcome's Watch a Broker… button")).click();
    await wb.ui.waitVisible(
      wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'RabbitMQ' }),
      'the kinds',
    );
    await wb.ui.screenshot('watch-1-kind');
    await choose(wb.ui, /Mosquitto/);
    await answer(wb.ui, /Mosquitto's MQTT URL/, broker.url);
    await answer(wb.ui, /^User/, 'watcher');
    const widget = wb.page.locator('.quick-input-widget');
    await wb.ui.waitVisible(widget.locator('.quick-input-message', { hasText: /^Password/ }), 'the password prompt');
    assert.strictEqual(await widget.locator('.quick-input-box input').getAttribute('type'), 'password');
    await widget.locator('.quick-input-box input').fill(PASSWORD);
    await wb.ui.screenshot('watch-2-password');
    await wb.page.keyboard.press('Enter');
    await wb.ui.waitForNotification(/Watching Mosquitto 127\.0\.0\.1:\d+: the Clients view shows its clients/, 60_000);
  });

  it("shows the broker at the head of the tree: the broker's count beside the clients known", async () => {
    const head = `Mosquitto ${broker.url}`;
    await wb.ui.treeRow(head);
    // Connected before the server watched: Mosquitto counts them, nobody has seen them act.
    // Mosquitto counts the server's own connection too.
    await refreshUntil(wb.ui, head, "3 connected (broker's count), 0 known");
    for (const id of AFTER) await device(id);
    await refreshUntil(wb.ui, head, "5 connected (broker's count), 2 known");
    await wb.ui.clickTreeRow(head);
    await wb.ui.treeRow(`Broker: ${broker.url}`);
    await wb.ui.clickTreeRow('What Mosquitto cannot tell');
    for (const id of AFTER) await wb.ui.treeRow(id);
    const rows = await wb.ui.treeRows();
    assert.ok(!rows.some((r) => BEFORE.includes(r.label)), 'the clients connected before are not invented');
    assert.match(rows.find((r) => r.label === AFTER[0])?.description ?? '', /^other · active /);
    await wb.ui.screenshot('watch-3-tree');
  });

  it('explains a client of any id in its tooltip: its keep-alive, address and how it is known', async () => {
    await (await wb.ui.treeRow(AFTER[0])).hover();
    const hover = wb.page.locator('.monaco-hover, .workbench-hover').filter({ hasText: 'Keep-alive' });
    await wb.ui.waitVisible(hover, 'the tooltip');
    const text = await hover.first().innerText();
    assert.match(text, /Client ID: kitchen\/sensor 7/);
    assert.match(text, /Keep-alive: 60 s/);
    assert.match(text, /Known as: live/);
    await wb.ui.screenshot('watch-4-tooltip');
    await wb.page.mouse.move(0, 0);
  });

  it('comes back by itself after the window reloads: the history kept, a new client seen live', async () => {
    const before = observers(broker.port);
    assert.strictEqual(before.length, 1, `one server watches the broker: ${before.join(', ')}`);
    await wb.ui.runCommand('Developer: Reload Window');
    await wb.ui.waitVisible(
      wb.page.locator('.monaco-workbench .part.statusbar'),
      'the workbench after the reload',
      60_000,
    );
    // A new extension host: the server of the last one ended with it, and the activation started it again.
    await wb.ui.waitUntil(
      'a new server watching the broker, the old one gone',
      async () => {
        const now = observers(broker.port);
        return now.length === 1 && now[0] !== before[0];
      },
      60_000,
    );
    const head = `Mosquitto ${broker.url}`;
    await wb.ui.treeRow(head);
    // The clients of before the reload are carried: the server cannot know what they did meanwhile.
    await refreshUntil(wb.ui, head, "5 connected (broker's count), 2 known");
    await wb.ui.treeRow(AFTER[0]);
    assert.match(
      (await wb.ui.treeRows()).find((r) => r.label === AFTER[0])?.description ?? '',
      /last known, may be stale/,
    );
    await device(RELOADED);
    await refreshUntil(wb.ui, head, "6 connected (broker's count), 3 known");
    await wb.ui.treeRow(RELOADED);
    assert.match((await wb.ui.treeRows()).find((r) => r.label === RELOADED)?.description ?? '', /^other · active /);
    await wb.ui.screenshot('watch-5-reloaded');
  });

  it('watches a second broker that does not publish its log: a problem row with the lines that fix it', async () => {
    await wb.ui.runCommand('IoT Connectivity: Watch a Broker…');
    await choose(wb.ui, /Another broker/);
    await choose(wb.ui, /Mosquitto/);
    await answer(wb.ui, /Mosquitto's MQTT URL/, quiet.url);
    await answer(wb.ui, /^User/, '');
    await wb.ui.waitForNotification(/not everything can be heard/, 60_000);
    await wb.ui.treeRow(`Mosquitto ${quiet.url}`);
    // A source with problems opens by itself, its problems first.
    await wb.ui.treeRow('log_dest topic');
    await wb.ui.treeRow('connection_messages true');
    const problem = (await wb.ui.treeRows()).find((r) => /does not publish its log/.test(r.label));
    assert.ok(problem, 'the problem row');
    await wb.ui.screenshot('watch-6-problem');
  });
});
