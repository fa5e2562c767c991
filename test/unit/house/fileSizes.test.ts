// Files stay small (docs/architecture.md): no code file under src/, test/, bench/ or scripts/ has
// more than 300 lines. The checker is proven on deliberate inputs first, so a check that silently
// stopped counting fails here. Data (JSON captures) and Markdown are not code and are not counted.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..', '..', '..');
const MAX_LINES = 300;
const ROOTS = ['src', 'test', 'bench', 'scripts'];
const CODE = /\.(?:ts|tsx|js|mjs|cjs|sh)$/;

/** Lines as `wc -l` counts them, and a last line without its newline too. */
function lineCount(text: string): number {
  const newlines = text.split('\n').length - 1;
  return text.length > 0 && !text.endsWith('\n') ? newlines + 1 : newlines;
}

/** The files of `files` over the limit, as "path: n lines". */
function oversize(files: Iterable<readonly [string, string]>, max = MAX_LINES): string[] {
  const out: string[] = [];
  for (const [file, text] of files) {
    const n = lineCount(text);
    if (n > max) out.push(`${file}: ${n} lines`);
  }
  return out;
}

function* codeFiles(): Generator<readonly [string, string]> {
  for (const dir of ROOTS) {
    const full = path.join(root, dir);
    for (const rel of fs.readdirSync(full, { recursive: true, encoding: 'utf8' })) {
      const file = path.join(full, rel);
      if (!CODE.test(rel) || !fs.statSync(file).isFile()) continue;
      yield [path.relative(root, file), fs.readFileSync(file, 'utf8')];
    }
  }
}

describe('house: file sizes', () => {
  it('counts lines as wc -l does, and reports a file of 301 lines but not one of 300', () => {
    const lines = (n: number) => 'x\n'.repeat(n);
    assert.deepStrictEqual([lineCount(''), lineCount('a'), lineCount('a\n'), lineCount('a\nb')], [0, 1, 1, 2]);
    assert.deepStrictEqual(
      oversize([
        ['deliberate.ts', lines(301)],
        ['fine.ts', lines(300)],
        ['unterminated.ts', `${lines(300)}x`],
      ]),
      ['deliberate.ts: 301 lines', 'unterminated.ts: 301 lines'],
    );
  });

  it(`has no code file over ${MAX_LINES} lines under ${ROOTS.join(', ')}`, () => {
    const files = [...codeFiles()];
    assert.ok(files.length > 300, `only ${files.length} code files found`);
    assert.deepStrictEqual(oversize(files), []);
  });
});
