// Every string the hovers, lenses and links of client ids in code pass to vscode.l10n.t has a
// Brazilian Portuguese translation with the same placeholders and icons (a message with a comment
// for translators is keyed `message/comment`, as @vscode/l10n-dev exports it).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { getL10nJson } from '@vscode/l10n-dev';

const root = path.resolve(__dirname, '..', '..', '..', '..', '..');
const SOURCE = 'src/views/idsInCode';
const marks = (s: string) => [...s.matchAll(/\{\d+\}|\$\([\w-]+\)/g)].map((m) => m[0]).sort();

describe('l10n: client ids in code in the pt-BR bundle', () => {
  it('translates every vscode.l10n.t string, with the same placeholders and icons', async () => {
    const files = fs
      .readdirSync(path.join(root, SOURCE))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => ({ extension: '.ts', contents: fs.readFileSync(path.join(root, SOURCE, f), 'utf8') }));
    const strings = Object.entries(await getL10nJson(files)).map(([key, v]) => ({
      key,
      message: typeof v === 'string' ? v : v.message,
    }));
    assert.ok(strings.length >= 18, `only ${strings.length} strings found`);
    const bundle = JSON.parse(fs.readFileSync(path.join(root, 'l10n', 'bundle.l10n.pt-br.json'), 'utf8')) as Record<
      string,
      string
    >;
    assert.deepStrictEqual(
      strings.filter((s) => !(s.key in bundle)).map((s) => s.key),
      [],
      'strings without a pt-BR translation',
    );
    for (const s of strings) {
      assert.deepStrictEqual(marks(bundle[s.key]), marks(s.message), `placeholders of "${s.key}"`);
    }
  });
});
