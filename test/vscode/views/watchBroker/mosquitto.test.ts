// Watching Debian's real Mosquitto from the extension host (platform-contract.md §7): the extension runs the bundled
// server observing it (as "Watch a Broker…" does, through its service: the questions are the UI test's), and the
// tree, a timeline and a pinned client follow clients whose ids are not of the platform's form.
import * as assert from 'assert';
import { connect, type IClientOptions, type MqttClient } from 'mqtt';
import * as vscode from 'vscode';
import type { IotConnectivityApi } from '../../../../src/extension';
import type { ClientsNode } from '../../../../src/views/clients/node';
import { startMosquitto, type Mosquitto } from '../../../support/brokers/mosquitto';
import { waitFor } from '../../../support/waitFor';
import { childrenOf, extensionApi, freshRoots, item, label, removeAllPlatforms, rootsWhen } from '../clients/fixture';

const WATCHER = 'watcher';
const WATCHER_PASSWORD = 'p@ss w:rd%25#1';
const KITCHEN = 'kitchen/sensor 7';
const HASH = 'plus+and#hash 🚀';

describe('Watching a Mosquitto in the extension host', function () {
  this.timeout(120_000);
  let api: IotConnectivityApi;
  let broker: Mosquitto;
  const clients = new Map<string, MqttClient>();

  const device = async (clientId: string, o: IClientOptions = {}) => {
    const c = connect(broker.url, { clientId, username: 'dev', password: 'dev-pw', reconnectPeriod: 0, ...o });
    c.on('error', () => undefined);
    clients.set(clientId, c);
    await new Promise<void>((resolve, reject) => c.once('connect', () => resolve()).once('close', reject));
    return c;
  };
  const group = async (status: 'Connected' | 'Disconnected') => {
    const roots = await freshRoots(api);
    return roots.find((r) => label(r).startsWith(status));
  };
  const rowOf = async (status: 'Connected' | 'Disconnected', id: string): Promise<ClientsNode | undefined> => {
    const g = await group(status);
    return g && (await childrenOf(api, g)).find((n) => label(n) === id);
  };

  before(async () => {
    api = await extensionApi();
    await removeAllPlatforms(api);
    broker = await startMosquitto({ users: { [WATCHER]: WATCHER_PASSWORD, dev: 'dev-pw' } });
    await api.brokers.start({ kind: 'mosquitto', url: broker.url, user: WATCHER }, WATCHER_PASSWORD);
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const s of api?.watcher.service.snapshots() ?? []) {
      await vscode.commands.executeCommand('iotConnectivity.unpinClient', s.clientId);
    }
    await Promise.all([...clients.values()].map((c) => c.endAsync(true).catch(() => undefined)));
    await api?.brokers.stopAll();
    if (api) await removeAllPlatforms(api);
    await broker?.stop();
  });

  it('makes the watched broker the active platform, its password sent percent-encoded and kept secret', async () => {
    const status = await api.platforms.status();
    assert.strictEqual(status.kind, 'ready');
    assert.strictEqual(status.kind === 'ready' && status.platform.name, `Mosquitto 127.0.0.1:${broker.port}`);
    const settings = JSON.stringify(vscode.workspace.getConfiguration('iotConnectivity').get('platforms'));
    assert.ok(!settings.includes('p@ss'), 'no broker password in settings');
    const remembered = api.brokers.remembered();
    assert.deepStrictEqual(remembered[0], { kind: 'mosquitto', url: broker.url, user: WATCHER });
    assert.strictEqual(await api.brokers.storedPassword(remembered[0]), WATCHER_PASSWORD);
  });

  it('shows the broker at the head of the tree: its URL, its own count beside the clients known', async () => {
    await device('early-1');
    // Mosquitto counts the server's own connection as well.
    const roots = await rootsWhen(
      api,
      'the source row counting 2 connected',
      (r) =>
        r[0] !== undefined && /^2 connected \(broker's count\), 1 known$/.test(String(item(r[0]).description ?? '')),
    );
    assert.strictEqual(label(roots[0]), `Mosquitto ${broker.url}`);
    const rows = (await childrenOf(api, roots[0])).map(label);
    assert.ok(rows.includes(`Broker: ${broker.url}`), rows.join(' | '));
    assert.ok(
      rows.some((r) => /^Observing since \d{4}-/.test(r)),
      rows.join(' | '),
    );
    assert.ok(rows.includes('What Mosquitto cannot tell'));
    const limits = (await childrenOf(api, (await childrenOf(api, roots[0])).at(-1) as ClientsNode)).map(label);
    assert.ok(
      limits.some((l) => /lists no clients/.test(l)),
      limits.join(' | '),
    );
    assert.ok(limits.some((l) => /cannot close a client from outside/.test(l)));
  });

  it('lists clients of any id by the whole id, with keep-alive and address in the tooltip', async () => {
    await device(KITCHEN, { keepalive: 45 });
    await device(HASH);
    const row = await waitFor('the kitchen sensor under Connected', () => rowOf('Connected', KITCHEN), {
      timeoutMs: 15_000,
    });
    assert.ok(await rowOf('Connected', HASH), 'the id with + and # is listed as it is');
    const tree = item(row);
    assert.match(String(tree.description), /^other · active /);
    const tooltip = (tree.tooltip as vscode.MarkdownString).value;
    assert.ok(tooltip.includes('45 s'), tooltip);
    assert.match(tooltip, /Address: 127\\\.0\\\.0\\\.1\\:\d+/);
    assert.ok(String(tree.contextValue).startsWith('client;other;hasLog;connected'));
    await vscode.commands.executeCommand('iotConnectivity.copyClientId', row);
    assert.strictEqual(await vscode.env.clipboard.readText(), KITCHEN);
  });

  it('finds a client by a part of its id (Query Clients), and shows it (Show Client)', async () => {
    await api.query.set({ clientIdContains: '+and#' });
    try {
      const roots = await freshRoots(api);
      const connected = roots.find((r) => label(r).startsWith('Connected')) as ClientsNode;
      assert.deepStrictEqual((await childrenOf(api, connected)).map(label), [HASH]);
    } finally {
      await api.query.clear();
    }
    const shown = (await vscode.commands.executeCommand('iotConnectivity.showClient', KITCHEN)) as { id: string };
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.strictEqual(shown.id, KITCHEN);
  });

  it("opens a timeline from the client's log by client id, and appends its live disconnect", async () => {
    await vscode.commands.executeCommand('iotConnectivity.showTimeline', KITCHEN);
    const snapshot = () => api.timeline.get(KITCHEN)?.snapshot();
    await waitFor('the log read and live', () => snapshot()?.progress?.state === 'done' && snapshot()?.live, {
      timeoutMs: 20_000,
    });
    const s = snapshot();
    assert.ok(s);
    assert.deepStrictEqual([s.subject.kind, s.subject.hasLog, s.status], ['other', true, 'connected']);
    const connect = s.events.find((e) => e.kind === 'connected');
    assert.ok(connect && connect.keepAliveSeconds === 45 && connect.clientId === KITCHEN, JSON.stringify(connect));
    await clients.get(KITCHEN)?.endAsync();
    await waitFor('the clean disconnect, live', () => snapshot()?.status === 'disconnected', { timeoutMs: 15_000 });
    const last = snapshot()?.events.at(-1);
    assert.ok(last?.kind === 'disconnected' && last.closeCode === 0 && last.cause === 'client', JSON.stringify(last));
  });

  it('pins a client of any id: the status bar follows its drop, live, with the cause', async () => {
    const bar = () => api.watcher.statusBar.item;
    assert.strictEqual(await vscode.commands.executeCommand('iotConnectivity.pinClient', HASH), true);
    await waitFor('the pinned client connected', () => bar().text === '$(plug) 1/1', { timeoutMs: 15_000 });
    // The socket goes without a DISCONNECT: Mosquitto logs "closed its connection" (91).
    clients.get(HASH)?.stream.destroy();
    await waitFor('the pinned client offline', () => bar().text.startsWith('$(debug-disconnect) 1 offline'), {
      timeoutMs: 15_000,
    });
    const [pinned] = api.watcher.service.snapshots();
    assert.strictEqual(pinned.clientId, HASH);
    assert.strictEqual(pinned.status, 'disconnected');
    const last = pinned.lastDisconnect;
    assert.ok(last?.closeCode === 91 && last.initiator === 'client' && last.cause === 'client', JSON.stringify(last));
    assert.strictEqual(last.source, 'monitor', 'told live, by its monitor topic');
  });

  it('keeps the history over a restart of the server, its records "last known" until the broker tells', async () => {
    const target = api.brokers.remembered()[0];
    await api.brokers.start(target, await api.brokers.storedPassword(target));
    const row = await waitFor('early-1 carried over the restart', async () => {
      const r = await rowOf('Connected', 'early-1');
      return r && /last known, may be stale/.test(String(item(r).description)) ? r : undefined;
    });
    assert.match((item(row).tooltip as vscode.MarkdownString).value, /carried/);
    assert.ok(await rowOf('Disconnected', KITCHEN), 'what was observed before the restart is kept');
  });
});
