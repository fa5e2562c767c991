// "Show Connection Timeline" on a row of the Clients tree while the tree refreshes, in a real
// extension host. A refresh tells VS Code the tree changed only once the new rows are loaded: told
// earlier, VS Code forgets the rows it shows until it has fetched the new ones (REST calls), and a
// context-menu command chosen on such a row arrives with no node (the palette prompt opened).
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { IotConnectivityApi } from '../../../../src/extension';
import type { ClientsNode } from '../../../../src/views/clients/node';
import { waitFor } from '../../../support/waitFor';
import { childrenOf, extensionApi, Fleet, label, removeAllPlatforms, useSandbox } from '../clients/fixture';

describe('Show Connection Timeline from a tree row through a refresh', function () {
  this.timeout(60_000);
  let api: IotConnectivityApi;
  const fleet = new Fleet('ttree');

  before(async () => {
    api = await extensionApi();
    await removeAllPlatforms(api);
    await useSandbox(api);
    await fleet.register('row-1', 'row-2');
    await fleet.connect('row-1');
    await vscode.commands.executeCommand('iotConnectivity.clients.focus');
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await fleet.close();
    await removeAllPlatforms(api);
  });

  const row = async (): Promise<ClientsNode> =>
    waitFor(
      'the row of row-1',
      async () => {
        const roots = await api.clients.provider.getChildren();
        const connected = roots.find((r) => label(r).startsWith('Connected'));
        return connected ? (await childrenOf(api, connected)).find((n) => label(n) === 'row-1') : undefined;
      },
      { timeoutMs: 10_000, intervalMs: 200 },
    );

  it(
    'tells VS Code of a refresh only when the new rows are ready, and the old row still opens its ' + 'timeline',
    async () => {
      const old = await row();
      let loads = 0;
      const loadsWhenTold: number[] = [];
      const subs = [
        api.clients.provider.onDidLoad(() => loads++),
        api.clients.provider.onDidChangeTreeData((n) => n === undefined && loadsWhenTold.push(loads)),
      ];
      try {
        // Something to tell: a refresh that finds the same rows tells VS Code nothing.
        await fleet.connect('row-2');
        loads = 0;
        loadsWhenTold.length = 0;
        const refreshed = api.clients.provider.refresh();
        assert.deepStrictEqual(loadsWhenTold, [], 'not told before the new roots are loaded');
        // Chosen on the row shown while the refresh loads: the command gets that row's node.
        await vscode.commands.executeCommand('iotConnectivity.showTimeline', old);
        await waitFor('the timeline of the row', () => api.timeline.get(fleet.clientId('row-1')) !== undefined);
        await refreshed;
        await waitFor('VS Code told of the new rows', () => loadsWhenTold.length > 0, { timeoutMs: 10_000 });
        assert.deepStrictEqual(loadsWhenTold, [1], 'told once, after the new roots were loaded');
        assert.notStrictEqual(await row(), old, 'new rows replaced the old');
      } finally {
        for (const s of subs) s.dispose();
      }
    },
  );
});
