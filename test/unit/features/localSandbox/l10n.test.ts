// Every string Start/Stop Local Sandbox and Register Device… pass to vscode.l10n.t has a pt-BR
// translation with the same placeholders and icons (the spine's own check covers its folders).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { getL10nJson } from '@vscode/l10n-dev';

const root = path.resolve(__dirname, '..', '..', '..', '..', '..');
const SOURCES = ['src/views/sandbox', 'src/views/register'];
const marks = (s: string) => [...s.matchAll(/\{\d+\}|\$\([\w-]+\)/g)].map((m) => m[0]).sort();

describe('l10n: Local Sandbox and Register Device in the pt-BR bundle', () => {
  it('translates every vscode.l10n.t string, with the same placeholders and icons', async () => {
    const files = SOURCES.flatMap((dir) =>
      fs
        .readdirSync(path.join(root, dir))
        .filter((f) => f.endsWith('.ts'))
        .map((f) => path.join(root, dir, f)),
    );
    const strings = Object.keys(
      await getL10nJson(files.map((f) => ({ extension: '.ts', contents: fs.readFileSync(f, 'utf8') }))),
    );
    assert.ok(strings.length >= 20, `only ${strings.length} strings found`);
    const bundle = JSON.parse(fs.readFileSync(path.join(root, 'l10n', 'bundle.l10n.pt-br.json'), 'utf8')) as Record<
      string,
      string
    >;
    assert.deepStrictEqual(
      strings.filter((s) => !(s in bundle)),
      [],
      'strings without a pt-BR translation',
    );
    for (const s of strings) assert.deepStrictEqual(marks(bundle[s]), marks(s), `placeholders of "${s}"`);
  });
});
