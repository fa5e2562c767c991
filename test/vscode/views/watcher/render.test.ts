// The status-bar item, the "Pinned" rows and the Clients view's badge tell the same story at every
// moment: checked on every change of the live model (before any render) and after every render,
// while a real device drops and comes back, and several devices drop at once.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { IotConnectivityApi } from '../../../../src/extension';
import { waitFor } from '../../../support/waitFor';
import { extensionApi, Fleet, removeAllPlatforms, useSandbox } from '../clients/fixture';

interface Told {
  offline?: number;
  connected?: number;
}

/** What the status bar says: `n offline` or `c/n` connected; undefined for other states. */
function barSays(text: string): Told | undefined {
  const off = /^\$\(debug-disconnect\) (\d+) offline/.exec(text);
  if (off) return { offline: Number(off[1]) };
  const on = /^\$\(plug\) (\d+)\/\d+/.exec(text);
  return on ? { connected: Number(on[1]) } : undefined;
}

describe('Watcher render: status bar, Pinned rows and badge from one frame', () => {
  let api: IotConnectivityApi;
  const fleet = new Fleet('wrender');
  const ids = ['r-1', 'r-2', 'r-3'];
  const disagreements: string[] = [];
  let checks = 0;
  const subscriptions: vscode.Disposable[] = [];

  function check(when: string): void {
    const { statusBar, group } = api.watcher;
    const told = barSays(statusBar.item.text);
    if (!told) return;
    checks++;
    // The group's items as VS Code would draw them now.
    const description = String(group.getTreeItem().description);
    const rows = group.getChildren().filter((n) => /^offline/.test(String(n.getTreeItem().description))).length;
    const badge = api.clients.view.badge?.value ?? 0;
    const expected = told.offline !== undefined ? `${told.offline} offline` : `${told.connected} connected`;
    if (description !== expected || badge !== (told.offline ?? 0) || rows !== (told.offline ?? 0)) {
      disagreements.push(
        `${when}: bar "${statusBar.item.text}", row "${description}", badge ${badge}, rows offline ${rows}`,
      );
    }
  }

  before(async () => {
    api = await extensionApi();
    await useSandbox(api);
    await fleet.register(...ids);
    for (const id of ids) await fleet.connect(id);
    for (const id of ids) await vscode.commands.executeCommand('iotConnectivity.pinClient', fleet.clientId(id));
    await waitFor('all three connected', () => api.watcher.statusBar.item.text === '$(plug) 3/3', {
      timeoutMs: 10_000,
    });
    subscriptions.push(
      api.watcher.service.onDidChange(() => check('on a change')),
      api.watcher.render.onDidRender(() => check('after a render')),
    );
  });
  after(async () => {
    subscriptions.forEach((s) => s.dispose());
    for (const id of ids) await vscode.commands.executeCommand('iotConnectivity.unpinClient', fleet.clientId(id));
    await fleet.close();
    await removeAllPlatforms(api);
  });

  it('shows the offline count as the badge, and agrees all the while through drops and returns', async () => {
    await fleet.disconnect('r-1');
    await waitFor('the badge to count one offline', () => api.clients.view.badge?.value === 1, { timeoutMs: 10_000 });
    assert.match(api.clients.view.badge?.tooltip ?? '', /1 pinned client offline/);
    await Promise.all([fleet.disconnect('r-2'), fleet.disconnect('r-3')]);
    await waitFor('the badge to count three', () => api.clients.view.badge?.value === 3, { timeoutMs: 10_000 });
    assert.strictEqual(api.watcher.statusBar.item.text.startsWith('$(debug-disconnect) 3 offline'), true);
    for (const id of ids) await fleet.connect(id);
    await waitFor('no badge once all are back', () => api.clients.view.badge === undefined, { timeoutMs: 10_000 });
    assert.strictEqual(api.watcher.statusBar.item.text, '$(plug) 3/3');
    assert.ok(checks > 6, `checked on every change and render (${checks})`);
    assert.deepStrictEqual(disagreements, []);
  });
});
