// The rooms of src/ (docs/architecture.md) are kept by ESLint's no-restricted-imports: these
// tests lint deliberate violations with the project's own configuration and expect errors, so a
// rule that stops matching fails here. And every file of src/views talks to VS Code.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ESLint } from 'eslint';

const root = path.resolve(__dirname, '..', '..', '..', '..');
const eslint = new ESLint({ cwd: root });

async function restricted(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, file) });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const EDITOR_FREE = ['core', 'platform', 'server', 'shared', 'webview', 'features'];

describe('house: the layering of src/', function () {
  this.timeout(60_000);

  for (const room of EDITOR_FREE) {
    it(`refuses a vscode import in src/${room}`, async () => {
      const found = await restricted(
        `src/${room}/x/deliberate.ts`,
        "import * as vscode from 'vscode';\nvoid vscode;\n",
      );
      assert.ok(found.length > 0, `no error for vscode in src/${room}`);
    });
  }

  const forbidden: [string, string][] = [
    ['core', '../../platform/log'],
    ['core', '../../features/watcher/watcher'],
    ['platform', '../../features/watcher/watcher'],
    ['platform', '../../server'],
    ['server', '../../platform/log'],
    ['server', '../../features/localSandbox/child'],
    ['features', '../../views/clients/node'],
    ['features', '../../vscode/log'],
    ['features', '../../server'],
    ['shared', '../../features/timeline/loader'],
    ['webview', '../../platform/errors'],
    ['vscode', '../../views/clients/node'],
    ['views', '../../server/index'],
  ];
  for (const [room, target] of forbidden) {
    it(`refuses src/${room} → ${target}`, async () => {
      const found = await restricted(`src/${room}/x/deliberate.ts`, `import { a } from '${target}';\nvoid a;\n`);
      assert.ok(found.length > 0, `no error for ${target} in src/${room}`);
    });
  }

  const allowed: [string, string][] = [
    ['features', '../../platform/log'],
    ['features', '../../core/text'],
    ['features', '../../shared/commands'],
    ['views', '../../features/watcher/watcher'],
    ['vscode', '../../features/platforms/config'],
    ['server', '../../core/ids'],
  ];
  for (const [room, target] of allowed) {
    it(`lets src/${room} import ${target}`, async () => {
      assert.deepStrictEqual(
        await restricted(`src/${room}/x/fine.ts`, `import { a } from '${target}';\nvoid a;\n`),
        [],
      );
    });
  }

  it('keeps scripts and bench away from src/views', async () => {
    for (const file of ['scripts/x/deliberate.ts', 'bench/x/deliberate.ts']) {
      const found = await restricted(file, "import { a } from '../../src/views/clients/node';\nvoid a;\n");
      assert.ok(found.length > 0, file);
    }
  });

  it('has only files that import vscode under src/views (the rest belongs in src/features)', () => {
    const views = path.join(root, 'src', 'views');
    const files = fs
      .readdirSync(views, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => path.join(views, f));
    assert.ok(files.length > 20, 'src/views was not found');
    const without = files.filter(
      (f) => !/^import (type )?(\* as vscode|\{[^}]*\}) from 'vscode';$/m.test(fs.readFileSync(f, 'utf8')),
    );
    assert.deepStrictEqual(
      without.map((f) => path.relative(root, f)),
      [],
    );
  });
});
