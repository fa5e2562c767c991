// A watched broker over a restart of VS Code (views/watchBroker/resume.ts), against Debian's real Mosquitto: the
// server of the last session ends with its window (what deactivation does: SIGTERM to the child), and the path the
// extension runs at activation starts it again by itself — the same data dir in global storage, the password from
// secret storage — so the history recorded before is in the tree and a timeline ("last known" where the server cannot
// know, platform-contract.md §7.2) and a new client is seen live. A server that cannot start again (its data dir held
// by another process) is said in the tree with its own words, with Retry and Watch a Broker…; Retry brings it back.
// Selecting the platform again starts its server too; the settings of a workspace start nothing. The UI test
// (test/e2e/watchBroker.test.ts) reloads a real window.
import * as assert from 'assert';
import { connect, type MqttClient } from 'mqtt';
import * as path from 'path';
import * as vscode from 'vscode';
import type { IotConnectivityApi } from '../../../../src/extension';
import { startSandboxChild, type SandboxChild } from '../../../../src/features/localSandbox/child';
import { withCredentials, type BrokerTarget } from '../../../../src/features/watchBroker/target';
import type { ClientsNode } from '../../../../src/views/clients/node';
import type { WatchStarted } from '../../../../src/views/watchBroker/service';
import { startMosquitto, type Mosquitto } from '../../../support/brokers/mosquitto';
import { removeWorkspaceSettings, writeWorkspaceSettings } from '../../support/workspaceSettings';
import { waitFor } from '../../../support/waitFor';
import { ourExtension } from '../../support/index';
import { childrenOf, extensionApi, freshRoots, item, label, removeAllPlatforms, rootsWhen } from '../clients/fixture';
import { pidAlive } from '../../../support/brokers/processes';

const WATCHER = 'watcher';
const PASSWORD = 'r3start:me%20@';
const BEFORE = 'before-restart/1';
const AFTER = 'after-restart 🚀';

describe('Watching a Mosquitto over a restart of VS Code', function () {
  this.timeout(120_000);
  let api: IotConnectivityApi;
  let broker: Mosquitto;
  let target: BrokerTarget;
  let first: WatchStarted;
  let blocker: SandboxChild | undefined;
  const clients: MqttClient[] = [];
  const name = () => `Mosquitto 127.0.0.1:${broker.port}`;

  const device = async (clientId: string) => {
    const c = connect(broker.url, { clientId, username: 'dev', password: 'dev-pw', reconnectPeriod: 0 });
    c.on('error', () => undefined);
    clients.push(c);
    await new Promise<void>((resolve, reject) => c.once('connect', () => resolve()).once('close', reject));
  };
  const connectedRow = async (id: string): Promise<ClientsNode | undefined> => {
    const group = (await freshRoots(api)).find((r) => label(r).startsWith('Connected'));
    return group && (await childrenOf(api, group)).find((n) => label(n) === id);
  };
  /** What deactivation does to the servers of the window (dispose: SIGTERM), awaited. */
  const windowCloses = async (pid: number) => {
    assert.strictEqual(await api.brokers.stopAll(), 1);
    await waitFor(`the server ${pid} gone`, () => !pidAlive(pid));
  };

  before(async () => {
    api = await extensionApi();
    await removeAllPlatforms(api);
    broker = await startMosquitto({ users: { [WATCHER]: PASSWORD, dev: 'dev-pw' } });
    target = { kind: 'mosquitto', url: broker.url, user: WATCHER };
    first = await api.brokers.start(target, PASSWORD);
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await Promise.all(clients.map((c) => c.endAsync(true).catch(() => undefined)));
    await blocker?.stop();
    await api?.brokers.stopAll();
    if (api) await removeAllPlatforms(api);
    await broker?.stop();
  });

  it('starts the server again by itself at activation: the history kept, a new client seen live', async () => {
    await device(BEFORE);
    await waitFor(`${BEFORE} under Connected`, () => connectedRow(BEFORE), { timeoutMs: 15_000 });
    const restartedAt = Date.now();
    await windowCloses(first.pid);

    // The path activate() runs (register.ts), in a window whose platform is the watched broker's.
    const again = await api.brokers.resume('activation');
    assert.ok(again, 'the server started again');
    assert.ok(pidAlive(again.pid) && again.pid !== first.pid, `a new server process (${first.pid} → ${again.pid})`);
    assert.strictEqual(again.dataDir, first.dataDir, 'the same data dir in global storage');
    assert.strictEqual(api.brokers.pidOf(target), again.pid);
    const status = await api.platforms.status();
    assert.ok(status.kind === 'ready', status.kind);
    assert.strictEqual(status.platform.name, name());
    assert.strictEqual(status.platform.resolved.apiUrl, again.ready.apiUrl);

    const row = await waitFor('the client of before the restart, carried', async () => {
      const r = await connectedRow(BEFORE);
      return r && /last known, may be stale/.test(String(item(r).description)) ? r : undefined;
    });
    assert.match((item(row).tooltip as vscode.MarkdownString).value, /carried/);
    await vscode.commands.executeCommand('iotConnectivity.showTimeline', BEFORE);
    const snapshot = () => api.timeline.get(BEFORE)?.snapshot();
    await waitFor('its timeline read', () => snapshot()?.progress?.state === 'done', { timeoutMs: 20_000 });
    const connected = snapshot()?.events.find((e) => e.kind === 'connected');
    assert.ok(
      connected && (connected.time ?? Infinity) < restartedAt,
      `its connect, recorded before: ${JSON.stringify(connected)}`,
    );

    await device(AFTER);
    const live = await waitFor(`${AFTER} under Connected`, () => connectedRow(AFTER), { timeoutMs: 15_000 });
    assert.doesNotMatch(String(item(live).description), /last known/);
    assert.strictEqual(await api.brokers.resume('activation'), undefined, 'a running server is not started twice');
    assert.strictEqual(api.brokers.pidOf(target), again.pid);
  });

  it("says in the tree why the server cannot start again, in the server's words; Retry brings it back", async () => {
    await windowCloses(api.brokers.pidOf(target) ?? 0);
    // Another server holds the data dir (as one of another window would).
    blocker = await startSandboxChild({
      cliPath: path.join(ourExtension().extensionPath, 'dist', 'sandbox.js'),
      args: ['--http-port', '0', '--mqtt-port', '0', '--ws-port', '0', '--data-dir', first.dataDir],
    });
    assert.strictEqual(await api.brokers.resume('activation'), undefined);
    const roots = await rootsWhen(api, 'the problem row with Retry', (r) =>
      r.some((n) => item(n).command?.command === 'iotConnectivity.watchBrokerAgain'),
    );
    const [error, retry, edit] = roots.map(item);
    const said = `${String(error.label)} ${String(error.description)} ${JSON.stringify(error.tooltip)}`;
    assert.ok(said.includes(`data dir is in use by process ${blocker.pid}`), said);
    assert.ok(said.includes(`could not start again`), said);
    assert.strictEqual(retry.command?.command, 'iotConnectivity.watchBrokerAgain');
    assert.strictEqual(edit.command?.command, 'iotConnectivity.watchBroker');
    assert.ok(!said.includes(PASSWORD) && !said.includes(withCredentials(broker.url, WATCHER, PASSWORD)));

    await blocker.stop();
    const back = (await vscode.commands.executeCommand(retry.command.command, ...(retry.command.arguments ?? []))) as
      { pid: number } | undefined;
    assert.ok(back && pidAlive(back.pid), 'Retry started it');
    assert.ok(await waitFor('the history again', () => connectedRow(BEFORE), { timeoutMs: 15_000 }));
  });

  it('starts the server again when its platform is selected', async () => {
    await windowCloses(api.brokers.pidOf(target) ?? 0);
    await api.platforms.save(
      { name: 'Elsewhere', apiUrl: 'http://127.0.0.1:9/api/v0002', apiKey: 'a-elsewh-0123456789' },
      'elsewhere-token',
    );
    assert.strictEqual(api.brokers.pidOf(target), undefined, 'another platform active: nothing started');
    await api.platforms.select(name());
    const pid = await waitFor('the server started again', () => api.brokers.pidOf(target), { timeoutMs: 30_000 });
    assert.ok(pidAlive(pid));
    assert.ok(await waitFor('the history again', () => connectedRow(AFTER), { timeoutMs: 15_000 }));
  });
  it("starts nothing for a workspace's settings: they choose neither the platform nor where it goes", async () => {
    await windowCloses(api.brokers.pidOf(target) ?? 0);
    await api.platforms.save(
      { name: 'Elsewhere', apiUrl: 'http://127.0.0.1:9/api/v0002', apiKey: 'a-elsewh-0123456789' },
      'elsewhere-token',
    );
    const watched = api.platforms.list().find((p) => p.name === name());
    assert.ok(watched);
    const evil = {
      'iotConnectivity.platforms': [{ ...watched, apiUrl: 'http://evil.example/api/v0002' }],
      'iotConnectivity.activePlatform': name(),
      'iotConnectivity.pageSize': 7,
    };
    try {
      await writeWorkspaceSettings(evil);
      assert.strictEqual(api.platforms.activeName(), 'Elsewhere');
      assert.strictEqual(await api.brokers.resume('activation'), undefined);
      assert.strictEqual(api.brokers.pidOf(target), undefined, 'no server started');
    } finally {
      await removeWorkspaceSettings();
    }
  });
});
