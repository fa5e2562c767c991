// A debug session's clients in a real extension host: js-debug runs a device program that
// connects with mqtt.js to the sandbox; the extension finds its client by process id and port,
// watches it as pinned while the session runs (its own tree group, the status bar), and lets it go
// when the session ends — unless the person pinned it meanwhile.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { IotConnectivityApi } from '../../../../src/extension';
import { waitFor } from '../../../support/waitFor';
import {
  extensionApi,
  freshRoots,
  childrenOf,
  item,
  label,
  ready,
  removeAllPlatforms,
  sandboxRest,
  useSandbox,
} from '../clients/fixture';
import { Debuggee, LiveSessions } from './debuggee';

describe('Debug sessions: their clients in the tree and the status bar', function () {
  this.timeout(60_000);
  let api: IotConnectivityApi;
  const rest = sandboxRest();
  const debuggee = new Debuggee();
  const sessions = new LiveSessions();
  const clientId = `d:${ready().org}:dbgtree:boiler-1`;
  let token: string;

  before(async () => {
    api = await extensionApi();
    await useSandbox(api);
    await rest.createDeviceType('dbgtree').catch(() => undefined);
    token = (await rest.createDevice('dbgtree', { deviceId: 'boiler-1' })).authToken;
  });
  after(async () => {
    await sessions.stopAll();
    sessions.dispose();
    debuggee.dispose();
    await vscode.commands.executeCommand('iotConnectivity.unpinClient', clientId);
    await removeAllPlatforms(api);
    rest.dispose();
  });

  const env = () => ({
    IOT_MQTT_URL: ready().mqttUrl,
    IOT_CLIENT_ID: clientId,
    IOT_USERNAME: 'use-token-auth',
    IOT_PASSWORD: token,
    KEEPALIVE: '5',
  });
  const owned = () => api.debug.loop.ownership.ownerOf(clientId)?.client;

  it("finds the program's client by its process id and port", async () => {
    assert.ok(await vscode.debug.startDebugging(undefined, debuggee.configuration('boiler firmware', env())));
    const where = await debuggee.connected();
    const found = await waitFor('the client of the session', () => (owned()?.how === 'pid' ? owned() : undefined), {
      timeoutMs: 20_000,
    });
    assert.strictEqual(found.pid, where.pid);
    assert.strictEqual(found.endpoint, `${where.address}:${where.port}`);
    const child = sessions.childOf(sessions.root('boiler firmware'));
    assert.strictEqual(found.sessionId, child?.id, 'the child session that runs the program');
  });

  it("heads the tree with the session's group and shows it in the status bar", async () => {
    const where = await debuggee.connected();
    const roots = await waitFor('the debug group', async () => {
      const r = await freshRoots(api);
      return label(r[0]) === 'Debug Session: boiler firmware' ? r : undefined;
    });
    assert.strictEqual(item(roots[0]).description, '1 client');
    const rows = await childrenOf(api, roots[0]);
    assert.deepStrictEqual(rows.map(label), ['boiler-1']);
    assert.strictEqual(item(rows[0]).description, `connected · process ${where.pid}`);
    assert.match(String(item(rows[0]).contextValue), /^client;device;hasLog;connected;debugClient$/);
    const bar = api.debug.statusBar.item;
    await waitFor('the status bar', () => bar.text === '$(debug-alt) boiler-1 connected');
  });

  it('watches it as pinned for the session, not under "Pinned"', async () => {
    await waitFor('the watcher to watch it', () =>
      api.watcher.service.snapshots().some((s) => s.clientId === clientId),
    );
    assert.deepStrictEqual([...api.watcher.pins.list('sandbox')], [], 'nothing stored as a pin');
    const roots = await freshRoots(api);
    assert.ok(!roots.some((r) => label(r).startsWith('Pinned')), roots.map(label).join(', '));
  });

  it('lets it go when the session ends', async () => {
    await sessions.stopAll();
    await waitFor('the client to be let go', () => owned() === undefined);
    await waitFor('the watcher to stop watching it', () => api.watcher.service.snapshots().length === 0);
    await waitFor('the status bar to hide', async () => {
      const roots = await freshRoots(api);
      return !roots.some((r) => label(r).startsWith('Debug Session'));
    });
  });

  it('keeps it pinned after the session when the person pinned it meanwhile', async () => {
    assert.ok(await vscode.debug.startDebugging(undefined, debuggee.configuration('boiler again', env())));
    await waitFor('the client of the new session', () => owned(), { timeoutMs: 20_000 });
    assert.strictEqual(await vscode.commands.executeCommand('iotConnectivity.pinClient', clientId), true);
    await sessions.stopAll();
    await waitFor('the session to let go', () => owned() === undefined);
    assert.deepStrictEqual([...api.watcher.pins.list('sandbox')], [clientId]);
    const roots = await freshRoots(api);
    assert.strictEqual(label(roots[0]), 'Pinned (1)');
  });
});
