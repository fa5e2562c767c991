// Hovers and links of client ids in a real extension host against the sandbox: the state in the
// tree tooltip's words with Show Timeline · Pin · Copy Client ID, which run; an unknown device id
// says so and offers Register Device… filled in; Ctrl+click (a document link) opens the timeline;
// Show Client… starts from the id under the cursor; a known id of any form is found.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { IotConnectivityApi } from '../../../../src/extension';
import { waitFor } from '../../../support/waitFor';
import { extensionApi, Fleet, ready, removeAllPlatforms, useSandbox } from '../clients/fixture';
import { closeFiles, commandOf, hoverAt, hoverLinks, links, showFile } from './fixture';

describe('Client ids in code: hovers and links', () => {
  let api: IotConnectivityApi;
  const fleet = new Fleet('hover');

  before(async () => {
    api = await extensionApi();
    await useSandbox(api);
    await fleet.register('valve-1');
    await fleet.connect('valve-1');
  });
  afterEach(closeFiles);
  after(async () => {
    await vscode.commands.executeCommand('iotConnectivity.unpinClient', fleet.clientId('valve-1'));
    await fleet.close();
    await removeAllPlatforms(api);
  });

  it('says the state in the tooltip’s words, with links that are the extension’s own commands', async () => {
    const id = fleet.clientId('valve-1');
    const editor = await showFile('config.yaml', `device:\n  clientId: ${id}\n`);
    const [hover] = await hoverAt(editor.document, id);
    assert.ok(hover, 'a hover');
    assert.match(hover.value, /\*\*valve\\-1 connected /);
    assert.match(hover.value, /Client ID: d\\:/);
    assert.deepStrictEqual(hover.trusted, {
      enabledCommands: [
        'iotConnectivity.showTimeline',
        'iotConnectivity.pinClient',
        'iotConnectivity.unpinClient',
        'iotConnectivity.copyClientId',
        'iotConnectivity.registerDevice',
      ],
    });
    const found = hoverLinks(hover.value);
    assert.deepStrictEqual(
      found.map((l) => [l.label, l.command, l.args]),
      [
        ['Show Timeline', 'iotConnectivity.showTimeline', [id]],
        ['Pin', 'iotConnectivity.pinClient', [id]],
        ['Copy Client ID', 'iotConnectivity.copyClientId', [id]],
      ],
    );
    assert.strictEqual(hover.range?.start.line, 1);
    // The links run as VS Code would run them.
    await vscode.commands.executeCommand(found[2].command, ...found[2].args);
    assert.strictEqual(await vscode.env.clipboard.readText(), id);
    assert.strictEqual(await vscode.commands.executeCommand(found[1].command, ...found[1].args), true);
    const [again] = await hoverAt(editor.document, id);
    assert.deepStrictEqual(
      hoverLinks(again.value).map((l) => l.label),
      ['Show Timeline', 'Unpin', 'Copy Client ID'],
    );
  });

  it('says an unknown device id is not known, and offers Register Device… filled in', async () => {
    const id = `d:${ready().org}:hover:ghost-1`;
    const editor = await showFile('device.py', `CLIENT_ID = "${id}"\n`);
    const [hover] = await hoverAt(editor.document, id);
    assert.match(hover.value, /ghost\\-1 is not known to platform sandbox \(never connected, or not registered\)\./);
    assert.deepStrictEqual(
      hoverLinks(hover.value).map((l) => [l.label, l.command, l.args]),
      [
        ['Register Device…', 'iotConnectivity.registerDevice', [{ typeId: 'hover', deviceId: 'ghost-1', ask: true }]],
        ['Copy Client ID', 'iotConnectivity.copyClientId', [id]],
      ],
    );
  });

  it('opens the timeline on Ctrl+click: a link to Show Timeline with the id', async () => {
    const id = fleet.clientId('valve-1');
    const editor = await showFile('main.c', `MQTTClient_create(&client, "tcp://127.0.0.1:1883", "${id}", 0, NULL);\n`);
    const found = await links(editor.document);
    assert.strictEqual(found.length, 1);
    const target = found[0].target?.toString(true) ?? '';
    assert.deepStrictEqual(commandOf(target), { command: 'iotConnectivity.showTimeline', args: [id] });
    assert.strictEqual(editor.document.getText(found[0].range), id);
    await vscode.commands.executeCommand('iotConnectivity.showTimeline', ...commandOf(target).args);
    await waitFor('the timeline of the id', () => api.timeline.activeClientId() === id);
  });

  it('starts Show Client… from the id under the cursor', async () => {
    const id = fleet.clientId('valve-1');
    const editor = await showFile('notes.md', `The boiler talks to \`${id}\` at night.\n`);
    const at = editor.document.positionAt(editor.document.getText().indexOf(id) + 5);
    editor.selection = new vscode.Selection(at, at);
    assert.strictEqual(api.idsInCode.idAtCursor(), id);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    assert.strictEqual(api.idsInCode.idAtCursor(), undefined);
  });

  it('finds an id of any form once the extension knows it (an observed broker’s, a debug session’s)', async () => {
    const id = 'sensor/kitchen #2';
    const editor = await showFile('app.js', `client = mqtt.connect(url, { clientId: ${JSON.stringify(id)} });\n`);
    assert.deepStrictEqual(await links(editor.document), []);
    api.idsInCode.session.index.add('broker', [id]);
    const found = await links(editor.document);
    assert.deepStrictEqual(
      found.map((l) => editor.document.getText(l.range)),
      [id],
    );
  });
});
