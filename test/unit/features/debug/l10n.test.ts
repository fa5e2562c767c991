// Every string of the debugging loop has a Brazilian Portuguese translation with the same
// placeholders and icons: those its views pass to vscode.l10n.t (extracted with @vscode/l10n-dev),
// and the templates of features/debug/words.ts, which the views translate as they are.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { getL10nJson } from '@vscode/l10n-dev';
import { WORDS } from '../../../../src/features/debug/words';

const root = path.resolve(__dirname, '..', '..', '..', '..', '..');
const SOURCES = ['src/views/debug'];

function tsFiles(p: string): string[] {
  const full = path.join(root, p);
  return fs
    .readdirSync(full, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(full, f));
}

const marks = (s: string) => [...s.matchAll(/\{\d+\}|\$\([\w-]+\)/g)].map((m) => m[0]).sort();

describe('l10n: the debugging loop in the pt-BR bundle', () => {
  it('translates every string of the debug views and every template of its words', async () => {
    const files = SOURCES.flatMap(tsFiles).map((f) => ({ extension: '.ts', contents: fs.readFileSync(f, 'utf8') }));
    const strings = [...Object.keys(await getL10nJson(files)), ...Object.values(WORDS)];
    assert.ok(strings.length > 15, `only ${strings.length} strings found`);
    const bundle = JSON.parse(fs.readFileSync(path.join(root, 'l10n', 'bundle.l10n.pt-br.json'), 'utf8')) as Record<
      string,
      string
    >;
    const missing = strings.filter((s) => !(s in bundle));
    assert.deepStrictEqual(missing, [], 'strings without a pt-BR translation');
    for (const s of strings) assert.deepStrictEqual(marks(bundle[s]), marks(s), `placeholders of "${s}"`);
  });
});
