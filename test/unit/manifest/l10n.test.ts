// Every string the spine passes to vscode.l10n.t has a Brazilian Portuguese translation with the
// same placeholders and icons (the original platform documentation this follows is Portuguese).
// Extracted with @vscode/l10n-dev, the tool `npx vscode-l10n-dev export` runs.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { getL10nJson } from '@vscode/l10n-dev';

const root = path.resolve(__dirname, '..', '..', '..', '..');
/** The folders whose strings this suite owns; other features check their own. */
const SOURCES = ['src/views/clients', 'src/views/commands', 'src/views/watchBroker', 'src/vscode', 'src/extension.ts'];

function tsFiles(p: string): string[] {
  const full = path.join(root, p);
  if (fs.statSync(full).isFile()) return [full];
  return fs
    .readdirSync(full, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(full, f));
}

const marks = (s: string) => [...s.matchAll(/\{\d+\}|\$\([\w-]+\)/g)].map((m) => m[0]).sort();

describe('l10n: the pt-BR bundle', () => {
  it('translates every vscode.l10n.t string of the spine, with the same placeholders and icons', async () => {
    const files = SOURCES.flatMap(tsFiles).map((f) => ({ extension: '.ts', contents: fs.readFileSync(f, 'utf8') }));
    const strings = Object.keys(await getL10nJson(files));
    assert.ok(strings.length > 50, `only ${strings.length} strings found`);
    const bundle = JSON.parse(fs.readFileSync(path.join(root, 'l10n', 'bundle.l10n.pt-br.json'), 'utf8')) as Record<
      string,
      string
    >;
    const missing = strings.filter((s) => !(s in bundle));
    assert.deepStrictEqual(missing, [], 'strings without a pt-BR translation');
    for (const s of strings) assert.deepStrictEqual(marks(bundle[s]), marks(s), `placeholders of "${s}"`);
  });
});
