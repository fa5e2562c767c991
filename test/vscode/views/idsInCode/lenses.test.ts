// CodeLenses above client ids in a real extension host against the sandbox: the state and today's
// drops in words; redrawn when the watcher sees a real device drop (pinned) and when the tree reads
// a drop (not pinned), without asking the platform again; unknown ids said so; the setting's
// `off` and `pinned` (per folder of a multi-root workspace: test/e2e/idsInCode.test.ts); nothing
// for a document over 1 MiB; a document edited while its lookups are in flight ends right.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { IotConnectivityApi } from '../../../../src/extension';
import { waitFor } from '../../../support/waitFor';
import { sandboxAuthHeader } from '../../support/sandbox';
import { extensionApi, Fleet, freshRoots, ready, removeAllPlatforms, setSetting, useSandbox } from '../clients/fixture';
import { closeFiles, lenses, lensesWhen, showFile } from './fixture';

/** The Register Device… Node snippet's shape (src/features/register/snippets.ts). */
function deviceFile(clientId: string): string {
  return [
    `const mqtt = require('mqtt');`,
    '',
    `const client = mqtt.connect('mqtt://127.0.0.1:1883', {`,
    `  clientId: ${JSON.stringify(clientId)},`,
    `  username: 'use-token-auth',`,
    `  password: process.env.DEVICE_TOKEN,`,
    `  protocolVersion: 4, // MQTT 3.1.1`,
    `});`,
  ].join('\n');
}

async function adminDisconnect(clientId: string): Promise<void> {
  const res = await fetch(`${ready().apiUrl}/sandbox/clients/${encodeURIComponent(clientId)}/disconnect`, {
    method: 'POST',
    headers: { authorization: sandboxAuthHeader(ready()) },
  });
  assert.strictEqual(res.status, 200);
}

describe('Client ids in code: CodeLenses', () => {
  let api: IotConnectivityApi;
  const fleet = new Fleet('lens');

  before(async () => {
    api = await extensionApi();
    await useSandbox(api);
    await fleet.register('boiler-1', 'boiler-2', 'boiler-3');
    for (const d of ['boiler-1', 'boiler-2', 'boiler-3']) await fleet.connect(d);
  });
  afterEach(async () => {
    await setSetting('codeLens', undefined);
    await closeFiles();
  });
  after(async () => {
    for (const s of api.watcher.service.snapshots()) {
      await vscode.commands.executeCommand('iotConnectivity.unpinClient', s.clientId);
    }
    await fleet.close();
    await removeAllPlatforms(api);
  });

  it('says the state of a connected device above its line, with Timeline beside it', async () => {
    const editor = await showFile('device.js', deviceFile(fleet.clientId('boiler-1')));
    await lensesWhen(editor.document, 'a lens that says connected', (t) => t[0]?.startsWith('● connected'));
    const all = await lenses(editor.document);
    assert.deepStrictEqual(
      all.map((l) => [l.line, l.command.command, l.command.arguments]),
      [
        [3, 'iotConnectivity.showClient', [fleet.clientId('boiler-1')]],
        [3, 'iotConnectivity.showTimeline', [fleet.clientId('boiler-1')]],
      ],
    );
    assert.match(all[0].title, /^● connected (just now|\d+ min|\d+ h)$/);
    assert.strictEqual(all[1].title, 'Timeline');
  });

  it('follows a real drop seen by the watcher (pinned), without asking the platform again', async () => {
    const id = fleet.clientId('boiler-2');
    await vscode.commands.executeCommand('iotConnectivity.pinClient', id);
    const editor = await showFile('device.js', deviceFile(id));
    await lensesWhen(
      editor.document,
      'connected, no drops',
      (t) => t[0]?.startsWith('● connected') && !t[0].includes('drop'),
    );
    await waitFor('the watcher to see boiler-2 connected', () =>
      api.watcher.service.snapshots().some((s) => s.clientId === id && s.status === 'connected'),
    );
    const lookups = api.idsInCode.session.active?.lookups;
    const calls = { ...lookups?.stats.calls };
    let redrawn = 0;
    const listener = api.idsInCode.lenses.onDidChangeCodeLenses(() => redrawn++);
    try {
      await adminDisconnect(id);
      const titles = await lensesWhen(editor.document, 'the drop in the lens', (t) =>
        /^○ disconnected .* · 1 drop today \(94\)$/.test(t[0] ?? ''),
      );
      assert.match(titles[0], /^○ disconnected (just now|\d+ min) · 1 drop today \(94\)$/);
      await waitFor('the provider to tell VS Code to redraw', () => redrawn > 0);
      assert.strictEqual(lookups?.stats.calls.state, calls.state, 'no state call: the watcher told');
      assert.strictEqual(lookups?.stats.calls.list, calls.list);
    } finally {
      listener.dispose();
    }
  });

  it('follows a drop the Clients tree reads (not pinned)', async () => {
    const id = fleet.clientId('boiler-3');
    const editor = await showFile('device.js', deviceFile(id));
    await lensesWhen(editor.document, 'connected', (t) => t[0]?.startsWith('● connected'));
    await adminDisconnect(id);
    await fleet.stateIs('boiler-3', 'disconnected');
    await freshRoots(api);
    const disconnected = (await api.clients.provider.getChildren()).find((r) =>
      /^Disconnected/.test(String(r.getTreeItem().label)),
    );
    assert.ok(disconnected, 'a Disconnected group');
    await api.clients.provider.getChildren(disconnected);
    await lensesWhen(editor.document, 'the tree’s news in the lens', (t) => /^○ disconnected/.test(t[0] ?? ''));
  });

  it('says when the platform does not know an id', async () => {
    const editor = await showFile('ids.json', JSON.stringify({ ghost: `d:${ready().org}:lens:ghost-9` }, null, 2));
    await lensesWhen(editor.document, 'not known', (t) => t[0] === '? not known to platform sandbox');
  });

  it('puts names on a line of several ids, at most three', async () => {
    const ids = ['boiler-1', 'boiler-2', 'boiler-3', 'ghost'].map((d) => fleet.clientId(d));
    const editor = await showFile('fleet.ts', `export const fleet = [${ids.map((i) => `'${i}'`).join(', ')}];\n`);
    const titles = await lensesWhen(
      editor.document,
      'three named lenses',
      (t) => t.length === 6 && !t.some((x) => x.includes('looking up')),
    );
    assert.deepStrictEqual(
      titles.filter((t) => t !== 'Timeline').map((t) => t.split(':')[0]),
      ['boiler-1', 'boiler-2', 'boiler-3'],
    );
  });

  it('shows none with the setting off, and only pinned ids with `pinned`', async () => {
    const pinned = fleet.clientId('boiler-2');
    const other = fleet.clientId('boiler-1');
    await vscode.commands.executeCommand('iotConnectivity.pinClient', pinned);
    const editor = await showFile('two.py', `A = "${pinned}"\nB = "${other}"\n`);
    await lensesWhen(editor.document, 'both lenses', (t) => t.length === 4);
    await setSetting('codeLens', 'off');
    assert.deepStrictEqual(await lenses(editor.document), []);
    await setSetting('codeLens', 'pinned');
    const only = await lenses(editor.document);
    assert.deepStrictEqual([...new Set(only.map((l) => l.line))], [0]);
  });

  it('reads nothing in a document over 1 MiB', async () => {
    const big = `const id = '${fleet.clientId('boiler-1')}';\n${'// filler\n'.repeat(110_000)}`;
    const editor = await showFile('big.js', big);
    assert.deepStrictEqual(await lenses(editor.document), []);
  });

  it('ends with the right lenses when the document changes while its lookups are in flight', async () => {
    const editor = await showFile('edit.js', `const a = '${fleet.clientId('boiler-1')}';\n`);
    const ids = Array.from({ length: 20 }, (_, i) => `d:${ready().org}:edit${i}:x`);
    for (const id of ids) {
      await editor.edit((e) => e.insert(new vscode.Position(editor.document.lineCount, 0), `'${id}',\n`));
      void lenses(editor.document); // VS Code asks as the text changes, while earlier answers are pending
    }
    await editor.edit((e) => e.delete(new vscode.Range(1, 0, 11, 0)));
    const titles = await lensesWhen(
      editor.document,
      'every lens answered',
      (t) => t.length === 22 && t.every((x) => !x.includes('looking up')),
    );
    assert.strictEqual(titles.filter((t) => t.startsWith('? not known')).length, 10);
    assert.strictEqual(api.idsInCode.session.active?.lookups.stats.overlapping, 0);
  });
});
