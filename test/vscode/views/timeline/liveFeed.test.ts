// One monitor connection per window in a real extension host against the sandbox: the
// watcher of a pinned client, that client's timeline and an unpinned client's timeline share ONE
// application connection; closing the unpinned client's panel unsubscribes its topic only; when
// nothing needs monitoring the connection is closed.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { deviceMonitorTopic } from '../../../../src/core/ids';
import type { IotConnectivityApi } from '../../../../src/extension';
import { waitFor } from '../../../support/waitFor';
import { sandboxAuthHeader } from '../../support/sandbox';
import { extensionApi, Fleet, ready, removeAllPlatforms, sandboxRest, useSandbox } from '../clients/fixture';

const SHOW = 'iotConnectivity.showTimeline';

describe('One monitor connection for the watcher and the timelines', function () {
  this.timeout(60_000);
  let api: IotConnectivityApi;
  const fleet = new Fleet('shared');
  const rest = sandboxRest();
  const pinned = () => fleet.clientId('s-pinned');
  const free = () => fleet.clientId('s-free');
  const topic = (deviceId: string) => deviceMonitorTopic('shared', deviceId);
  const subscribed = () => [...(api.monitors.monitor?.subscribed ?? [])].sort();
  /** The connected applications of this window (the old ids were iotc-watch-… and iotc-timeline-…). */
  const windowApps = async () => {
    const page = await rest.listClientStates({
      query: { clientType: 'application', connectionStatus: 'connected' },
      limit: 100,
    });
    return page.records
      .map((r) => r.id)
      .filter((id) => id.startsWith(`a:${ready().org}:iotc-`))
      .sort();
  };
  const live = (clientId: string) =>
    waitFor(`the timeline of ${clientId} live`, () => api.timeline.get(clientId)?.snapshot().live === true, {
      timeoutMs: 15_000,
    });
  const closeTab = async (title: string) => {
    const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs);
    const tab = await waitFor(`the tab "${title}"`, () =>
      tabs().find((t) => t.input instanceof vscode.TabInputWebview && t.label === title),
    ).catch((error: Error) => {
      throw new Error(
        `${error.message}; the tabs: ${JSON.stringify(tabs().map((t) => [t.label, t.input?.constructor.name]))}`,
      );
    });
    await vscode.window.tabGroups.close(tab);
  };

  before(async () => {
    api = await extensionApi();
    await removeAllPlatforms(api);
    await useSandbox(api);
    await fleet.register('s-pinned', 's-free');
    await fleet.connect('s-pinned');
    await fleet.connect('s-free');
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('iotConnectivity.unpinClient', pinned());
    await fleet.close();
    rest.dispose();
    await removeAllPlatforms(api);
  });

  it('serves the watcher and two timelines over exactly ONE application connection', async () => {
    assert.strictEqual(await vscode.commands.executeCommand('iotConnectivity.pinClient', pinned()), true);
    await waitFor('the status bar to count the pin', () => api.watcher.statusBar.item.text === '$(plug) 1/1', {
      timeoutMs: 15_000,
    });
    await vscode.commands.executeCommand(SHOW, pinned());
    await vscode.commands.executeCommand(SHOW, free());
    await live(pinned());
    await live(free());
    const own = api.monitors.clientId;
    assert.match(own ?? '', new RegExp(`^a:${ready().org}:iotc-monitor-[0-9a-f]{12}$`));
    await waitFor('one connected application of this window', async () => (await windowApps()).length === 1, {
      timeoutMs: 10_000,
      intervalMs: 200,
    });
    assert.deepStrictEqual(await windowApps(), [own]);
    assert.deepStrictEqual(
      subscribed(),
      [topic('s-free'), topic('s-pinned')],
      "the pinned client's topic once, for the watcher and its timeline",
    );
  });

  it("unsubscribes only the unpinned client's topic when its panel closes", async () => {
    await closeTab('Timeline: s-free');
    await waitFor('the unpinned topic dropped', () => subscribed().length === 1, { timeoutMs: 10_000 });
    assert.deepStrictEqual(subscribed(), [topic('s-pinned')]);
    const own = api.monitors.clientId as string;
    await waitFor(
      'the platform to record the unsubscribe',
      async () => (await rest.getClientState(own)).lastActivityEvent === 'mqttUnsubscribe',
      { timeoutMs: 10_000, intervalMs: 200 },
    );
    assert.deepStrictEqual(await windowApps(), [own], 'still the one connection');
    // The pin and its timeline still follow the client, live.
    const r = ready();
    const res = await fetch(`${r.apiUrl}/sandbox/clients/${encodeURIComponent(pinned())}/disconnect`, {
      method: 'POST',
      headers: { authorization: sandboxAuthHeader(r) },
    });
    assert.strictEqual(res.status, 200);
    await waitFor(
      'the status bar to say who is offline',
      () => api.watcher.statusBar.item.text === '$(debug-disconnect) 1 offline: s-pinned',
      { timeoutMs: 10_000 },
    );
    await waitFor(
      'the pinned timeline to show the drop',
      () => api.timeline.get(pinned())?.snapshot().status === 'disconnected',
      { timeoutMs: 10_000 },
    );
  });

  it('closes the connection when nothing needs monitoring', async () => {
    await closeTab('Timeline: s-pinned');
    assert.deepStrictEqual(subscribed(), [topic('s-pinned')], 'the pin still needs it');
    assert.strictEqual(await vscode.commands.executeCommand('iotConnectivity.unpinClient', pinned()), true);
    await waitFor('no connected application of this window', async () => (await windowApps()).length === 0, {
      timeoutMs: 10_000,
      intervalMs: 200,
    });
    assert.strictEqual(api.monitors.monitor?.connection.state, 'idle');
  });
});
