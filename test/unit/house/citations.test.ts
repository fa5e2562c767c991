// Comments cite what the repository holds (docs/architecture.md): the contract as
// docs/platform-contract.md §N, never a spec or an issue the reader cannot open. The matcher is
// proven on deliberate inputs first, so a check that stopped matching fails here.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..', '..', '..');
const ROOTS = ['src', 'test', 'bench', 'scripts', 'docs'];
const FILES = /\.(?:ts|mjs|md)$/;
// Built from parts, so this file does not cite what it forbids.
const OUTSIDE = new RegExp(['\\bissue ' + '\\d+', '\\bspec ' + '§', 'platform-api' + '\\.md'].join('|'), 'i');

function* files(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'fixtures' && entry.name !== 'node_modules') yield* files(full);
    } else if (FILES.test(entry.name)) {
      yield full;
    }
  }
}

describe('house: comments cite what the repository holds', () => {
  it('tells a citation of an issue or of the spec from one of the contract', () => {
    assert.ok(OUTSIDE.test('// as issue ' + '12 asks'));
    assert.ok(OUTSIDE.test('// (spec ' + '§7.1)'));
    assert.ok(!OUTSIDE.test('// (platform-contract.md §7.1)'));
  });
  it(`finds none in ${ROOTS.join(', ')}`, () => {
    const found: string[] = [];
    for (const dir of ROOTS) {
      for (const file of files(path.join(root, dir))) {
        fs.readFileSync(file, 'utf8')
          .split('\n')
          .forEach((line, i) => OUTSIDE.test(line) && found.push(`${path.relative(root, file)}:${i + 1}`));
      }
    }
    assert.deepStrictEqual(found, []);
  });
});
