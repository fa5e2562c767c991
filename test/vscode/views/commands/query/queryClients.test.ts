// Queries and single clients from the palette: a query narrows the tree and the view says what
// and how many; Clear Query returns to all; recent queries are kept. Show Client takes a full id
// or a bare device id; Show Details and Copy Client ID act on the full id.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ClientState } from '../../../../../src/core/clientState';
import type { IotConnectivityApi } from '../../../../../src/extension';
import type { ClientsNode } from '../../../../../src/views/clients/node';
import { waitFor } from '../../../../support/waitFor';
import {
  childrenOf,
  extensionApi,
  Fleet,
  freshRoots,
  item,
  label,
  removeAllPlatforms,
  useSandbox,
} from '../../clients/fixture';

describe('Clients view: queries and single clients', () => {
  let api: IotConnectivityApi;
  const fleet = new Fleet('fquery');
  const twin = new Fleet('ftwin');

  before(async () => {
    api = await extensionApi();
    await useSandbox(api);
    await fleet.register('q1', 'q2', 'q3', 'shared');
    await twin.register('shared');
    for (const d of ['q1', 'q2', 'q3', 'shared']) await fleet.connect(d);
    await twin.connect('shared');
    await fleet.disconnect('q1');
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await api.query.clear();
  });
  after(async () => {
    await api.query.clear();
    await fleet.close();
    await twin.close();
    await removeAllPlatforms(api);
  });

  it(
    'runs a query: only its groups, with its description and count in the view; Clear Query returns to ' + 'all',
    async () => {
      const query = { connectionStatus: 'connected', deviceType: 'fquery', connectedAfter: '2d' };
      await vscode.commands.executeCommand('iotConnectivity.queryClients', query);
      const roots = await freshRoots(api);
      assert.deepStrictEqual(roots.map(label), ['Connected (3)']);
      assert.deepStrictEqual((await childrenOf(api, roots[0])).map(label).sort(), ['q2', 'q3', 'shared']);
      await waitFor(
        "the view's message",
        () =>
          api.clients.view.message === 'Query: connected · connected less than 2 days ago · type fquery — 3 clients',
      );
      assert.strictEqual(
        api.clients.view.description,
        'sandbox · connected · connected less than 2 days ago · type fquery',
      );
      assert.deepStrictEqual(api.query.recent()[0], query);
      await vscode.commands.executeCommand('iotConnectivity.clearQuery');
      assert.deepStrictEqual(
        (await freshRoots(api)).map((n) => label(n).replace(/\d+/, 'n')),
        ['Connected (n)', 'Disconnected (n)'],
      );
      await waitFor('the message gone', () => api.clients.view.message === undefined);
    },
  );

  it('refuses a query it cannot send, and keeps the one it has', async () => {
    await vscode.commands.executeCommand('iotConnectivity.queryClients', { connectedAfter: 'yesterday-ish' });
    assert.strictEqual(api.query.active, false);
  });

  it('shows a client by its full id, with its record', async () => {
    const id = fleet.clientId('q1');
    const state = await vscode.commands.executeCommand<ClientState>('iotConnectivity.showClient', id);
    assert.strictEqual(state.id, id);
    assert.strictEqual(state.status, 'disconnected');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });

  it('shows a client by a bare device id; several matches are offered to pick from', async () => {
    const one = await vscode.commands.executeCommand<ClientState>('iotConnectivity.showClient', 'q2');
    assert.strictEqual(one.id, fleet.clientId('q2'));
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    let done = false;
    const picked = vscode.commands
      .executeCommand<ClientState>('iotConnectivity.showClient', 'shared')
      .then((s) => ((done = true), s));
    // The pick of the two "shared" clients is open until something is chosen: choose the first.
    await waitFor(
      'the pick of two clients',
      async () => {
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        return done;
      },
      { timeoutMs: 10_000, intervalMs: 200 },
    );
    assert.ok([fleet.clientId('shared'), twin.clientId('shared')].includes((await picked).id));
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });

  it('Show Details opens the record as read-only JSON; Copy Client ID copies the full id', async () => {
    await api.query.set({ deviceType: 'fquery', connectionStatus: 'connected' });
    const [group] = await freshRoots(api);
    const node = (await childrenOf(api, group)).find((n) => label(n) === 'q3') as ClientsNode & { state: ClientState };
    await vscode.commands.executeCommand('iotConnectivity.showDetails', node);
    const editor = await waitFor(
      'the details editor',
      () =>
        vscode.window.activeTextEditor?.document.uri.scheme === 'iot-connectivity' && vscode.window.activeTextEditor,
    );
    assert.strictEqual(editor.document.languageId, 'json');
    assert.deepStrictEqual(JSON.parse(editor.document.getText()), node.state.raw);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.commands.executeCommand('iotConnectivity.copyClientId', node);
    assert.strictEqual(await vscode.env.clipboard.readText(), fleet.clientId('q3'));
    assert.ok(item(node).contextValue?.startsWith('client;'));
  });
});
