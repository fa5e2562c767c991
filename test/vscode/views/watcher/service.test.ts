// The pinned-client watcher in a real extension host against the sandbox: pin by command, the
// status-bar item and the "Pinned" tree group follow a real device's drop (the sandbox admin
// call, 94), Unpin removes it, and `whileDebugging` notifications are allowed only while a real
// debug session (js-debug running a node program) is active.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { IotConnectivityApi } from '../../../../src/extension';
import { waitFor } from '../../../support/waitFor';
import { LiveSessions } from '../debug/debuggee';
import { sandboxAuthHeader } from '../../support/sandbox';
import {
  extensionApi,
  Fleet,
  freshRoots,
  childrenOf,
  item,
  label,
  ready,
  removeAllPlatforms,
  setSetting,
  useSandbox,
} from '../clients/fixture';

describe('Pinned-client watcher in the extension host', () => {
  let api: IotConnectivityApi;
  const fleet = new Fleet('wpin');

  before(async () => {
    api = await extensionApi();
    await useSandbox(api);
    await fleet.register('w-sensor-7', 'w-valve-2');
    await fleet.connect('w-sensor-7');
    await fleet.connect('w-valve-2');
  });
  after(async () => {
    for (const s of api.watcher.service.snapshots()) {
      await vscode.commands.executeCommand('iotConnectivity.unpinClient', s.clientId);
    }
    await setSetting('notify', undefined);
    await fleet.close();
    await removeAllPlatforms(api);
  });

  const bar = () => api.watcher.statusBar.item;

  it('pins by id from a command and shows $(plug) n/n', async () => {
    assert.strictEqual(
      await vscode.commands.executeCommand('iotConnectivity.pinClient', fleet.clientId('w-sensor-7')),
      true,
    );
    assert.strictEqual(
      await vscode.commands.executeCommand('iotConnectivity.pinClient', fleet.clientId('w-valve-2')),
      true,
    );
    assert.strictEqual(
      await vscode.commands.executeCommand('iotConnectivity.pinClient', fleet.clientId('w-valve-2')),
      false,
      'pinned once',
    );
    await waitFor('the status bar to count both connected', () => bar().text === '$(plug) 2/2', { timeoutMs: 10_000 });
    assert.deepStrictEqual(
      [...api.watcher.pins.list('sandbox')],
      [fleet.clientId('w-sensor-7'), fleet.clientId('w-valve-2')],
    );
    assert.strictEqual(bar().backgroundColor, undefined);
  });

  it('heads the Clients tree with "Pinned", items marked pinned for the menus', async () => {
    const roots = await freshRoots(api);
    assert.strictEqual(label(roots[0]), 'Pinned (2)');
    // The rows draw the watcher's last frame; once in a full run they read 'unknown' just after the
    // status bar's 2/2 (the watcher starting again after a platform change would do that): wait.
    const pinned = await waitFor('both pinned rows connected', async () => {
      const rows = await childrenOf(api, roots[0]);
      return rows.every((r) => String(item(r).contextValue).includes(';connected;')) ? rows : undefined;
    });
    assert.deepStrictEqual(pinned.map(label), ['w-sensor-7', 'w-valve-2']);
    assert.match(String(item(pinned[0]).contextValue), /^client;device;hasLog;connected;pinned$/);
  });

  it('names its own monitor connection among the applications: "this window\'s monitor"', async () => {
    const own = await waitFor(
      "the window's monitor under Connected",
      async () => {
        const roots = await freshRoots(api);
        const on = roots.find((r) => /^Connected \(\d+\)$/.test(label(r)));
        const rows = on ? await childrenOf(api, on) : [];
        const marked = rows.filter((n) => String(item(n).description).includes("this window's monitor"));
        return marked.length > 0 ? marked : undefined;
      },
      { timeoutMs: 10_000 },
    );
    assert.strictEqual(own.length, 1, "one row, this window's");
    assert.match(label(own[0]), /^iotc-monitor-[0-9a-f]{12}$/);
    assert.match(String(item(own[0]).description), /^application · this window's monitor · active /);
    assert.match(String(item(own[0]).contextValue), /^client;application;connected;thisWindow$/);
  });

  it('follows a real drop: warning colours and "1 offline: w-sensor-7", live in the tree', async () => {
    const id = fleet.clientId('w-sensor-7');
    const res = await fetch(`${ready().apiUrl}/sandbox/clients/${encodeURIComponent(id)}/disconnect`, {
      method: 'POST',
      headers: { authorization: sandboxAuthHeader(ready()) },
    });
    assert.strictEqual(res.status, 200);
    await waitFor(
      'the status bar to say who is offline',
      () => bar().text === '$(debug-disconnect) 1 offline: w-sensor-7',
      { timeoutMs: 10_000 },
    );
    assert.ok(bar().backgroundColor instanceof vscode.ThemeColor);
    assert.strictEqual((bar().backgroundColor as unknown as { id: string }).id, 'statusBarItem.warningBackground');
    assert.match(bar().accessibilityInformation?.label ?? '', /1 of 2 pinned clients offline: w-sensor-7/);
    await waitFor('the tooltip to give the cause', () =>
      /closed by an administrator \\\(server\\, code 94\\\)/.test(
        (bar().tooltip as vscode.MarkdownString | undefined)?.value ?? '',
      ),
    );
    const [group] = await api.clients.provider.getChildren();
    const [sensor] = await childrenOf(api, group);
    assert.match(String(item(sensor).description), /^offline, disconnected/);
    // The status groups follow without a refresh asked for: the drop moved it to Disconnected.
    const provider = api.clients.provider;
    await waitFor(
      'w-sensor-7 under Disconnected without a refresh asked for',
      async () => {
        const roots = await provider.getChildren();
        const off = roots.find((r) => /^Disconnected \(\d+\)$/.test(String(label(r))));
        return off !== undefined && (await childrenOf(api, off)).some((n) => label(n) === 'w-sensor-7');
      },
      { timeoutMs: 10_000 },
    );
  });

  it('allows whileDebugging notifications only during a debug session', async function () {
    this.timeout(60_000);
    await setSetting('notify', 'whileDebugging');
    const allowed = () => api.watcher.notifier.allowed();
    assert.strictEqual(allowed(), false);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iotc-debug-'));
    const program = path.join(dir, 'device.js');
    fs.writeFileSync(program, 'setInterval(() => {}, 1000);\n');
    const sessions = new LiveSessions();
    try {
      const started = await vscode.debug.startDebugging(undefined, {
        type: 'node',
        request: 'launch',
        name: 'device code',
        program,
      });
      assert.strictEqual(started, true, 'the debug session started');
      const root = await waitFor('the debug session', () => sessions.root('device code'), { timeoutMs: 30_000 });
      await waitFor("the program's child session", () => sessions.childOf(root), { timeoutMs: 30_000 });
      assert.strictEqual(allowed(), true);
      await setSetting('notify', 'never');
      assert.strictEqual(allowed(), false);
      await setSetting('notify', 'always');
      // Ended means both of js-debug's sessions told their end: vscode.debug.activeDebugSession may
      // keep naming the parent after it ended (seen on 1.93 when the child ends first,
      // docs/debug-adapters.md), so it is no sign of a session still running.
      await sessions.stopAll();
      assert.strictEqual(allowed(), true);
      await setSetting('notify', 'whileDebugging');
      assert.strictEqual(allowed(), false);
    } finally {
      if (sessions.live.size > 0) await sessions.stopAll();
      sessions.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('unpins: the client leaves the status bar and the tree', async () => {
    assert.strictEqual(
      await vscode.commands.executeCommand('iotConnectivity.unpinClient', fleet.clientId('w-sensor-7')),
      true,
    );
    await waitFor('the status bar to count one', () => bar().text === '$(plug) 1/1', { timeoutMs: 10_000 });
    const roots = await freshRoots(api);
    assert.strictEqual(label(roots[0]), 'Pinned (1)');
  });
});
