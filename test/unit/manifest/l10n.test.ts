// Every message the sources word through l10n.t (vscode.l10n.t in the views, @vscode/l10n in the
// rooms that do not know VS Code, the timeline page included) is in the English bundle
// l10n/bundle.l10n.json, and has a Brazilian Portuguese translation with the same placeholders and
// icons (the original platform documentation this follows is Portuguese).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { bundleText, extractFromFolder, extractFromSource } from '../../../scripts/l10n/extract';
import { readBundle } from '../support/language';

const root = path.resolve(__dirname, '..', '..', '..', '..');
const marks = (s: string) => [...s.matchAll(/\{\d+\}|\$\([\w-]+\)|\*\*/g)].map((m) => m[0]).sort();

describe('l10n: the English and pt-BR bundles', () => {
  const { messages, dynamic } = extractFromFolder(root);

  it('reads messages joined with + and with comments, and reports those that are not literals', () => {
    const out = { messages: {}, dynamic: [] as string[] };
    extractFromSource(
      'x.ts',
      "l10n.t('a ' + 'b {0}', x); vscode.l10n.t({ message: 'c', comment: ['one'] }); l10n.t(name); t('no');",
      out,
    );
    assert.deepStrictEqual(out.messages, { 'a b {0}': 'a b {0}', 'c/one': 'c' });
    assert.deepStrictEqual(out.dynamic, ['x.ts:1']);
  });

  it('finds only literal messages in src', () => {
    assert.deepStrictEqual(dynamic, []);
    assert.ok(Object.keys(messages).length > 400, `only ${Object.keys(messages).length} messages found`);
  });

  it('keeps l10n/bundle.l10n.json as the sources say (npm run l10n writes it)', () => {
    const file = fs.readFileSync(path.join(root, 'l10n', 'bundle.l10n.json'), 'utf8');
    assert.ok(file === bundleText(messages), 'l10n/bundle.l10n.json is stale: run `npm run l10n`');
  });

  it('translates every message, with the same placeholders, icons and bold marks, and nothing else', () => {
    const pt = readBundle('bundle.l10n.pt-br.json');
    assert.deepStrictEqual(
      Object.keys(messages).filter((k) => !(k in pt)),
      [],
      'messages without a pt-BR translation',
    );
    assert.deepStrictEqual(
      Object.keys(pt).filter((k) => !(k in messages)),
      [],
      'pt-BR translations of messages no source has',
    );
    for (const k of Object.keys(messages)) assert.deepStrictEqual(marks(pt[k]), marks(messages[k]), `marks of "${k}"`);
  });
});
