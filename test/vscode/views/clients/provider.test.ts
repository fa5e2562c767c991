// The Clients tree against the sandbox: groups and counts equal the API's totals, paging with
// "Load more…", sort, grouping by type, the client item, and automatic refresh.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { IotConnectivityApi } from '../../../../src/extension';
import type { ClientsNode } from '../../../../src/views/clients/node';
import { rowsSignature } from '../../../../src/views/clients/rowsSignature';
import { waitFor } from '../../../support/waitFor';
import {
  childrenOf,
  extensionApi,
  Fleet,
  freshRoots,
  item,
  label,
  removeAllPlatforms,
  sandboxRest,
  setSetting,
  useSandbox,
} from './fixture';

const DEVICES = Array.from({ length: 12 }, (_, i) => `t${String(i + 1).padStart(2, '0')}`);

describe('Clients view: the tree', () => {
  let api: IotConnectivityApi;
  const fleet = new Fleet('ftree');
  const rest = sandboxRest();

  before(async () => {
    api = await extensionApi();
    await useSandbox(api);
    await fleet.register(...DEVICES);
    for (const d of DEVICES) await fleet.connect(d); // in order: later ones are more recently active
    for (const d of DEVICES.slice(0, 4)) await fleet.disconnect(d);
  });
  afterEach(async () => {
    await api.query.clear();
    for (const key of ['pageSize', 'sort', 'groupByType', 'autoRefreshSeconds']) await setSetting(key, undefined);
  });
  after(async () => {
    await fleet.close();
    rest.dispose();
    await removeAllPlatforms(api);
  });

  const clientLabels = (nodes: ClientsNode[]) => nodes.filter((n) => 'state' in n).map(label);

  it('shows "Connected (n)" and "Disconnected (n)" with n equal to the API\'s totals', async () => {
    await waitFor(
      "the tree's counts to equal the API's",
      async () => {
        const [on, off] = await Promise.all(
          ['connected', 'disconnected'].map((s) =>
            rest.listClientStates({ query: { connectionStatus: s as 'connected' }, limit: 1 }),
          ),
        );
        const roots = await freshRoots(api);
        return (
          JSON.stringify(roots.map(label)) ===
          JSON.stringify([`Connected (${on.totalRows})`, `Disconnected (${off.totalRows})`])
        );
      },
      { timeoutMs: 10_000, intervalMs: 200 },
    );
  });

  it('loads a page at a time with a "Load more…" leaf that carries on where the page ended', async () => {
    await setSetting('pageSize', 5);
    await api.query.set({ deviceType: 'ftree', connectionStatus: 'connected' });
    const [group] = await freshRoots(api);
    assert.strictEqual(label(group), 'Connected (8)');
    let children = await childrenOf(api, group);
    assert.strictEqual(clientLabels(children).length, 5);
    const more = children[children.length - 1];
    assert.strictEqual(label(more), 'Load more…');
    assert.strictEqual(item(more).description, '5 of 8 shown');
    const changed = new Promise<unknown>((resolve) =>
      api.clients.provider.onDidChangeTreeData((n) => n === group && resolve(n)),
    );
    await vscode.commands.executeCommand(item(more).command?.command ?? '', ...(item(more).command?.arguments ?? []));
    await changed; // the group's subtree, not the whole tree
    children = await childrenOf(api, group);
    const all = clientLabels(children);
    assert.deepStrictEqual([...all].sort(), DEVICES.slice(4));
    assert.ok(!children.some((n) => label(n) === 'Load more…'));
  });

  it('tells VS Code of a refresh only when the rows changed, so rows on screen keep working', async () => {
    await api.query.set({ deviceType: 'ftree' });
    const provider = api.clients.provider;
    const shown = await freshRoots(api);
    let wholeTree = 0;
    const counting = provider.onDidChangeTreeData((n) => n === undefined && wholeTree++);
    try {
      await provider.refresh();
      const kept = await provider.getChildren();
      // Rows that differ (a relative time crossing a minute) would be news: say which.
      assert.ok(kept[0] === shown[0], `the rows shown kept:\n${rowsSignature(shown)}\n${rowsSignature(kept)}`);
      assert.strictEqual(wholeTree, 0, 'nothing changed: no event');
      await fleet.connect('t01');
      await provider.refresh();
      assert.strictEqual(wholeTree, 1, 't01 connected: one event');
      const [group] = await provider.getChildren();
      assert.strictEqual(label(group), 'Connected (9)');
    } finally {
      counting.dispose();
      await fleet.disconnect('t01');
    }
  });

  it('sorts by the setting: last activity newest first by default, or by id', async () => {
    await api.query.set({ deviceType: 'ftree', connectionStatus: 'connected' });
    let [group] = await freshRoots(api);
    assert.deepStrictEqual(clientLabels(await childrenOf(api, group)), DEVICES.slice(4).reverse());
    await setSetting('sort', 'idAscending');
    [group] = await freshRoots(api);
    assert.deepStrictEqual(clientLabels(await childrenOf(api, group)), DEVICES.slice(4));
  });

  it('groups by device type, with counts, leaving out types without clients', async () => {
    const other = new Fleet('fother');
    try {
      await other.register('t05');
      await other.connect('t05');
      await setSetting('groupByType', true);
      await api.query.set({ connectionStatus: 'connected' });
      const [group] = await freshRoots(api);
      const types = await childrenOf(api, group);
      const names = types.map(label);
      assert.ok(names.includes('ftree (8)') && names.includes('fother (1)'), names.join(', '));
      assert.ok(
        names.every((n) => !/\(0\)$/.test(n)),
        names.join(', '),
      );
      const ftree = types.find((n) => label(n) === 'ftree (8)') as ClientsNode;
      assert.strictEqual(clientLabels(await childrenOf(api, ftree)).length, 8);
    } finally {
      await other.close();
    }
  });

  it('shows a client as its device id, type and time in words, an icon with colour, and an inert tooltip', async () => {
    await api.query.set({ deviceType: 'ftree' });
    const [on, off] = await freshRoots(api);
    const connected = (await childrenOf(api, on))[0];
    const ci = item(connected);
    assert.strictEqual(ci.label, 't12');
    assert.match(String(ci.description), /^ftree · active (just now|\d+ min\. ago)$/);
    assert.ok(ci.iconPath instanceof vscode.ThemeIcon && ci.iconPath.color instanceof vscode.ThemeColor);
    assert.strictEqual(ci.contextValue, 'client;device;hasLog;connected');
    const disconnected = item((await childrenOf(api, off))[0]);
    assert.match(String(disconnected.description), /^ftree · disconnected (just now|\d+ min\. ago)$/);
    const tooltip = disconnected.tooltip as vscode.MarkdownString;
    assert.strictEqual(tooltip.isTrusted, false);
    assert.ok(!tooltip.supportHtml);
    assert.match(tooltip.value, /Disconnected by: the client/);
    assert.match(tooltip.value, /Close code: 0/);
    assert.match(tooltip.value, /MQTT reason code: 0/);
  });

  it('refreshes by itself while the view is visible when autoRefreshSeconds is set', async () => {
    await vscode.commands.executeCommand('iotConnectivity.clients.focus');
    await waitFor('the view to be visible', () => api.clients.view.visible);
    await setSetting('autoRefreshSeconds', 5);
    // Two loads about 5 s apart, with nobody asking: only the timer does that.
    const loads: number[] = [];
    const sub = api.clients.provider.onDidLoad(() => loads.push(Date.now()));
    try {
      await waitFor('two automatic refreshes', () => loads.length >= 2 && loads[loads.length - 1] - loads[0] >= 4000, {
        timeoutMs: 15_000,
        intervalMs: 100,
      });
    } finally {
      sub.dispose();
    }
  });
});
