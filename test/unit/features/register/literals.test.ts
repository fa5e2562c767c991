import * as assert from 'assert';
import { cString, jsString, pyString } from '../../../../src/features/register/literals';

// Tokens are the platform's choice of characters; these are the ones that break naive quoting.
const HOSTILE = [
  'plain',
  'quote"back\\slash',
  "it's",
  'tri??=graph',
  'new\nline\ttab',
  'ünïcödé €',
  '`${x}`',
  '\u202eevil',
  '\u0000nul',
];

/** What a C compiler makes of the literal: the bytes it denotes. */
function decodeC(literal: string): string {
  assert.ok(literal.startsWith('"') && literal.endsWith('"'));
  const bytes: number[] = [];
  const body = literal.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    if (body[i] !== '\\') {
      bytes.push(body.charCodeAt(i));
      continue;
    }
    const octal = /^[0-7]{3}/.exec(body.slice(i + 1));
    if (octal) {
      bytes.push(parseInt(octal[0], 8));
      i += 3;
    } else {
      bytes.push(body.charCodeAt(++i));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

describe('register/literals: string literals for generated device code', () => {
  it('JavaScript literals evaluate to the value', () => {
    for (const value of HOSTILE) assert.strictEqual(new Function(`return ${jsString(value)};`)(), value);
  });

  it('Python uses the same JSON-style literal (valid Python for every character)', () => {
    assert.strictEqual(pyString, jsString);
  });

  it("C literals hold only printable ASCII and denote the value's UTF-8 bytes", () => {
    for (const value of HOSTILE) {
      const literal = cString(value);
      assert.match(literal, /^[\x20-\x7e]*$/);
      assert.ok(!literal.slice(1, -1).includes('??'), 'no trigraph survives');
      assert.strictEqual(decodeC(literal), value);
    }
  });
});
