// The format and dead-code checks of `npm run lint`, run by the same binaries with the project's
// own settings against deliberate violations in a scratch folder: each must fail on its violation
// and pass once it is gone, so a check that silently stopped checking fails here.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..', '..', '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

function run(command: string, args: string[], cwd: string): { status: number | null; output: string } {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

describe('house: the checks of npm run lint', function () {
  this.timeout(120_000);
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iotc-house-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prettier --check fails on a badly formatted file and passes once it is formatted', () => {
    const file = path.join(dir, 'deliberate.ts');
    fs.writeFileSync(file, 'const  a = { b:1 }\nexport default a\n');
    const config = ['--config', path.join(root, '.prettierrc.json')];
    const bad = run(bin('prettier'), [...config, '--check', file], dir);
    assert.notStrictEqual(bad.status, 0, bad.output);
    assert.strictEqual(run(bin('prettier'), [...config, '--write', file], dir).status, 0);
    const good = run(bin('prettier'), [...config, '--check', file], dir);
    assert.strictEqual(good.status, 0, good.output);
  });

  it('knip fails on an unused export and passes once it is used', () => {
    fs.copyFileSync(path.join(root, 'knip.json'), path.join(dir, 'knip.json'));
    fs.writeFileSync(
      path.join(dir, 'package.json'),
      '{ "name": "fixture", "private": true, "main": "src/extension.ts" }\n',
    );
    fs.mkdirSync(path.join(dir, 'src'));
    fs.writeFileSync(path.join(dir, 'src', 'extension.ts'), "import { used } from './lib';\nconsole.log(used);\n");
    fs.writeFileSync(path.join(dir, 'src', 'lib.ts'), 'export const used = 1;\nexport const deliberatelyUnused = 2;\n');
    const bad = run(bin('knip'), ['--no-progress'], dir);
    assert.notStrictEqual(bad.status, 0, bad.output);
    assert.match(bad.output, /deliberatelyUnused/);
    fs.writeFileSync(
      path.join(dir, 'src', 'extension.ts'),
      "import { used, deliberatelyUnused } from './lib';\nconsole.log(used, deliberatelyUnused);\n",
    );
    const good = run(bin('knip'), ['--no-progress', '--no-config-hints'], dir);
    assert.strictEqual(good.status, 0, good.output);
  });
});
