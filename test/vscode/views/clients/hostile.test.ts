// Ids the platform accepts but Markdown would not leave alone (underscores, dots, dashes): the
// tree shows them as they are, the tooltip escapes them, Show Details keeps them whole.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { IotConnectivityApi } from '../../../../src/extension';
import type { ClientsNode } from '../../../../src/views/clients/node';
import { childrenOf, extensionApi, Fleet, freshRoots, item, label, removeAllPlatforms, useSandbox } from './fixture';

// Not `..`: the sandbox refuses `.` and `..`, which a URL path resolves away (platform-contract.md §5).
const IDS = ['__bold__', '_x_', '...', '-', '-.-_-', 'javascript.alert', 'Z'.repeat(36)];

describe('Clients view: ids that look like Markdown', () => {
  let api: IotConnectivityApi;
  const fleet = new Fleet('__t__');

  before(async () => {
    api = await extensionApi();
    await useSandbox(api);
    await fleet.register(...IDS);
    for (const id of IDS) await fleet.connect(id);
  });
  after(async () => {
    await api.query.clear();
    await fleet.close();
    await removeAllPlatforms(api);
  });

  it('shows each id as it is, with a tooltip that cannot turn it into markup', async () => {
    await api.query.set({ deviceType: '__t__', connectionStatus: 'connected' });
    const [group] = await freshRoots(api);
    const nodes = await childrenOf(api, group);
    assert.deepStrictEqual(nodes.map(label).sort(), [...IDS].sort());
    const bold = nodes.find((n) => label(n) === '__bold__') as ClientsNode;
    const tooltip = item(bold).tooltip as vscode.MarkdownString;
    assert.strictEqual(tooltip.isTrusted, false);
    assert.ok(tooltip.value.includes('\\_\\_bold\\_\\_'), tooltip.value);
    assert.ok(!/(^|[^\\])__bold/.test(tooltip.value), 'an unescaped __ in the tooltip');
    assert.strictEqual(
      item(bold).description?.toString().startsWith('\\_'),
      false,
      'descriptions are plain text, not escaped',
    );
  });

  it('keeps the whole id for actions', async () => {
    await api.query.set({ deviceType: '__t__', connectionStatus: 'connected' });
    const [group] = await freshRoots(api);
    const dots = (await childrenOf(api, group)).find((n) => label(n) === '...') as ClientsNode;
    await vscode.commands.executeCommand('iotConnectivity.copyClientId', dots);
    assert.strictEqual(await vscode.env.clipboard.readText(), fleet.clientId('...'));
  });
});
