// Client ids in code on bad input, in a real extension host against the sandbox: a file of 60,000
// ids (1 MB) gets lenses and links only around what is on screen, which follow the scroll, and
// costs the platform a few listings, not a call per id; 100,000 ids (over 1 MiB) get nothing at
// all; a minified bundle (2,000 ids on one line) gets three named lenses, a link per id and a hover
// for any of them.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { IotConnectivityApi } from '../../../../src/extension';
import { waitFor } from '../../../support/waitFor';
import { extensionApi, ready, removeAllPlatforms, useSandbox } from '../clients/fixture';
import { closeFiles, hoverAt, lenses, links, showFile } from './fixture';

/** Lines within `margin` of the editor's visible lines: the provider's 100 and some, for lenses placed while
 *  more lines were on screen (before the lenses took their room). */
function near(editor: vscode.TextEditor, margin = 150): (line: number) => boolean {
  const { start, end } = editor.visibleRanges[0];
  return (line) => line >= start.line - margin && line <= end.line + margin;
}

describe('Client ids in code: very many ids, minified files', () => {
  let api: IotConnectivityApi;

  before(async () => {
    api = await extensionApi();
    await useSandbox(api);
    await waitFor('the ids session of the platform', () => api.idsInCode.session.active !== undefined);
  });
  afterEach(closeFiles);
  after(async () => {
    await removeAllPlatforms(api);
  });

  it('gives 60,000 ids lenses and links only around the screen, which follow the scroll', async () => {
    const ids = Array.from({ length: 60_000 }, (_, i) => `d:${ready().org}:t:${i}`);
    const text = `${ids.join('\n')}\n`;
    assert.ok(text.length <= 1024 * 1024, `${text.length} characters`);
    const editor = await showFile('many.txt', text);
    const lookups = api.idsInCode.session.active?.lookups;
    const before = { ...lookups?.stats.calls };
    const first = await lenses(editor.document);
    assert.ok(first.length > 0, 'lenses on screen');
    const where = (found: { line: number }[]) =>
      `lenses on lines ${[...new Set(found.map((l) => l.line))].join(',')}, ` +
      `on screen ${JSON.stringify(editor.visibleRanges)}`;
    assert.ok(
      first.every((l) => near(editor)(l.line)),
      where(first),
    );
    editor.revealRange(new vscode.Range(40_000, 0, 40_000, 0), vscode.TextEditorRevealType.AtTop);
    await waitFor('the screen to move', () => editor.visibleRanges[0].start.line >= 39_000);
    await waitFor(
      'lenses around line 40,000',
      async () => {
        const found = await lenses(editor.document);
        return found.length > 0 && found.every((l) => near(editor)(l.line)) ? found : undefined;
      },
      { timeoutMs: 15_000, intervalMs: 100 },
    );
    const found = await links(editor.document);
    assert.ok(found.length > 0 && found.length < 1_000, `${found.length} links`);
    assert.ok(
      found.every((l) => near(editor)(l.range.start.line)),
      'links only near the screen',
    );
    // Every lens on screen answered, by listings of the one type: a few calls, not one per id.
    await waitFor(
      'the lenses on screen answered',
      async () => (await lenses(editor.document)).every((l) => !l.title.includes('looking up')),
      { timeoutMs: 15_000, intervalMs: 200 },
    );
    const calls = lookups?.stats.calls;
    const made = (calls?.state ?? 0) + (calls?.list ?? 0) - (before.state ?? 0) - (before.list ?? 0);
    assert.ok(made > 0 && made <= 10, `${made} calls`);
  });

  it('reads nothing of 100,000 ids in a file over 1 MiB: no lens, no link, no hover', async () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => `d:${ready().org}:many:${i}`);
    const editor = await showFile('huge.txt', `${ids.join('\n')}\n`);
    assert.ok(editor.document.getText().length > 1024 * 1024);
    assert.deepStrictEqual(await lenses(editor.document), []);
    assert.deepStrictEqual(await links(editor.document), []);
    assert.deepStrictEqual(await hoverAt(editor.document, ids[0]), []);
  });

  it('gives a minified bundle three named lenses, a link per id and a hover for any id', async function () {
    this.timeout(120_000); // 2,000 links through VS Code's own command, on a shared machine
    const ids = Array.from({ length: 2_000 }, (_, i) => `d:${ready().org}:mini:dev-${i}`);
    const bundle = ids.map((id, i) => `var a${i}={clientId:"${id}",n:${i}};`).join('');
    const editor = await showFile('bundle.min.js', bundle);
    const found = await lenses(editor.document);
    // VS Code does not keep the order of lenses on one line: compared as sets.
    assert.deepStrictEqual(
      found.map((l) => `${l.line} ${l.command.command} ${String(l.command.arguments?.[0])}`).sort(),
      ids
        .slice(0, 3)
        .flatMap((id) => [`0 iotConnectivity.showClient ${id}`, `0 iotConnectivity.showTimeline ${id}`])
        .sort(),
    );
    assert.ok(
      found.filter((l) => l.command.command === 'iotConnectivity.showClient').every((l) => /^dev-\d: /.test(l.title)),
    );
    assert.strictEqual((await links(editor.document)).length, ids.length);
    const [hover] = await hoverAt(editor.document, ids[1_234]);
    assert.match(hover.value, /dev\\-1234/);
  });
});
