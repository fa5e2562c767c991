// Hostile client ids in code are inert, in a real extension host: ids known to the extension
// that are HTML, Markdown links, icon syntax, bidirectional overrides or 64 KB long get lenses
// whose titles draw no icon, hovers whose only links are the extension's own commands with the
// id as their argument, and document links to Show Timeline only (none for an id too long to carry).
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { IotConnectivityApi } from '../../../../src/extension';
import { waitFor } from '../../../support/waitFor';
import { extensionApi, removeAllPlatforms, useSandbox } from '../clients/fixture';
import { closeFiles, commandOf, hoverAt, hoverLinks, lensesWhen, links, showFile } from './fixture';

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '[x](command:workbench.action.terminal.new)',
  '$(check) fine',
  '\u202Eevil\u202C live',
  '**bold** _em_ `code`',
  'x'.repeat(65_535),
];
const OURS = [
  'iotConnectivity.showTimeline',
  'iotConnectivity.pinClient',
  'iotConnectivity.unpinClient',
  'iotConnectivity.copyClientId',
  'iotConnectivity.registerDevice',
];

describe('Client ids in code: hostile ids are inert', () => {
  let api: IotConnectivityApi;
  let document: vscode.TextDocument;

  before(async () => {
    api = await extensionApi();
    await useSandbox(api);
    await waitFor('the ids session of the platform', () => api.idsInCode.session.active !== undefined);
    api.idsInCode.session.index.add('broker', HOSTILE);
    const editor = await showFile('hostile.json', `${JSON.stringify({ clients: HOSTILE }, null, 2)}\n`);
    document = editor.document;
  });
  after(async () => {
    await closeFiles();
    await removeAllPlatforms(api);
  });

  it('finds each as an id, and its lens title draws no icon and holds no control character', async () => {
    const titles = await lensesWhen(
      document,
      'every lens answered',
      (t) => t.length === HOSTILE.length * 2 && t.every((x) => !x.includes('looking up')),
    );
    for (const title of titles) {
      assert.ok(!title.includes('$('), `icon syntax in "${title.slice(0, 60)}"`);
      assert.ok(
        // eslint-disable-next-line no-control-regex -- control characters are what is looked for
        !/[\u202a-\u202e\u2066-\u2069\u0000-\u001f]/.test(title),
        `a control character in "${title.slice(0, 60)}"`,
      );
      assert.ok(title.length < 200, `a ${title.length}-character title`);
    }
  });

  it('gives hovers whose only links are the extension’s commands with the whole id', async () => {
    for (const id of HOSTILE) {
      const hovers = await hoverAt(document, JSON.stringify(id).slice(1, -1));
      assert.strictEqual(hovers.length, 1, `one hover for ${id.slice(0, 30)}`);
      const [hover] = hovers;
      assert.deepStrictEqual(hover.trusted, { enabledCommands: OURS });
      // Every `](` in the Markdown belongs to one of the extension's links.
      const all = hover.value.match(/\]\(/g) ?? [];
      const ours = hoverLinks(hover.value);
      assert.strictEqual(all.length, ours.length, `a link from the id in ${hover.value.slice(0, 200)}`);
      for (const link of ours) {
        assert.ok(OURS.includes(link.command), link.command);
        if (link.command !== 'iotConnectivity.registerDevice') assert.ok(link.args[0] === id, 'the whole id');
      }
      assert.ok(!/<img|<script/i.test(hover.value.replace(/\\</g, '')), 'raw HTML');
      if (id.length > 4096) assert.deepStrictEqual(ours, [], 'no link carries a 64 KB id');
    }
  });

  it('links each to Show Timeline only, and none that is too long to carry', async () => {
    const found = await links(document);
    const targets = found.map((l) => commandOf(l.target?.toString(true) ?? ''));
    assert.deepStrictEqual(
      targets.map((t) => t.command),
      HOSTILE.filter((id) => id.length <= 4096).map(() => 'iotConnectivity.showTimeline'),
    );
    assert.deepStrictEqual(
      targets.map((t) => t.args[0]),
      HOSTILE.filter((id) => id.length <= 4096),
    );
  });
});
