// The package page: an icon of 128 × 128 pixels, categories that fit (not "Debuggers"), keywords
// within vsce's limit, and every image the README shows shipped in the .vsix (vsce's own file
// list), so that the page the .vsix shows (relative links, not rewritten) has no broken image.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import manifest from '../../../package.json';
import codeServer from '../../../scripts/code-server.json';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const vsce = require('@vscode/vsce') as { listFiles(o: { cwd: string; packageManager: number }): Promise<string[]> };
const NO_DEPENDENCIES = 2; // vsce's PackageManager.None

/** VS Code's categories (the Marketplace refuses others). */
const CATEGORIES = new Set([
  'Programming Languages',
  'Snippets',
  'Linters',
  'Themes',
  'Debuggers',
  'Formatters',
  'Keymaps',
  'SCM Providers',
  'Other',
  'Extension Packs',
  'Language Packs',
  'Data Science',
  'Machine Learning',
  'Visualization',
  'Notebooks',
  'Education',
  'Testing',
  'AI',
  'Chat',
]);

function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  assert.strictEqual(bytes.subarray(1, 4).toString('latin1'), 'PNG', `${file} is a PNG`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('package page (package.json, .vscodeignore, README)', () => {
  const root = path.resolve('.');

  it('has a 128 × 128 PNG icon, drawn from media/icon.svg', () => {
    assert.strictEqual(manifest.icon, 'media/icon.png');
    assert.deepStrictEqual(pngSize(path.join(root, manifest.icon)), { width: 128, height: 128 });
    assert.ok(fs.existsSync(path.join(root, 'media', 'icon.svg')));
  });

  it('is in fitting categories and has keywords', () => {
    assert.ok(manifest.categories.length > 0);
    for (const c of manifest.categories) assert.ok(CATEGORIES.has(c), `${c} is not a VS Code category`);
    assert.ok(!manifest.categories.includes('Debuggers'), 'it debugs nothing');
    assert.ok(manifest.keywords.length > 0 && manifest.keywords.length <= 30, 'vsce takes up to 30 keywords');
    assert.ok(manifest.keywords.includes('mqtt'));
  });

  it('claims the oldest VS Code the extension-host tests run on (npm run test:vscode:min)', () => {
    assert.strictEqual(manifest.engines.vscode, `^${codeServer.minimum.vscodeVersion}.0`);
    assert.match(manifest.scripts.test, /npm run test:vscode:min/);
  });

  it('ships the icon, the documents, and a README with its images inside', async function () {
    this.timeout(30_000);
    assert.match(
      manifest.scripts.package,
      /node scripts\/package-readme\.js && vsce package .*--readme-path dist\/README\.md/,
    );
    const shipped = new Set(
      (await vsce.listFiles({ cwd: root, packageManager: NO_DEPENDENCIES })).map((f) => f.replace(/\\/g, '/')),
    );
    for (const file of [manifest.icon, 'CHANGELOG.md', 'LICENSE']) assert.ok(shipped.has(file), file);
    const snippets = (manifest.contributes.snippets as { path: string }[]).map((s) => path.posix.normalize(s.path));
    assert.ok(snippets.length > 0);
    for (const file of snippets) assert.ok(shipped.has(file), `${file}: the snippets the manifest contributes`);
    assert.ok(![...shipped].some((f) => f.startsWith('docs/')), 'the images travel inside the README');
    assert.ok(![...shipped].some((f) => f.startsWith('src/') || f.startsWith('test/')), 'no sources in the .vsix');
  });
});
