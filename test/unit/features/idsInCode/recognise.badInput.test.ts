// Recognition on bad input: a minified bundle, 100,000 ids in one file, ids that are hostile text
// (HTML, Markdown links, bidirectional overrides, 64 KB), and texts built to make a careless
// scanner quadratic. Each finds what it should, and each attack's time grows linearly from a
// sixteenth of 1 MiB to all of it (a ratio within one run: a loaded machine slows both alike).
import * as assert from 'assert';
import { MAX_DOCUMENT_CHARS, recogniseIds, type KnownIds } from '../../../../src/features/idsInCode/recognise';
import { lensSpots, lineNumbers, MAX_LINES, WINDOW_MARGIN } from '../../../../src/features/idsInCode/lensPlan';
import { assertLinear } from '../../../support/linear';

function known(ids: Iterable<string>): KnownIds {
  const set = new Set(ids);
  return { has: (id) => set.has(id), size: set.size };
}
const NONE = known([]);

const HOSTILE_IDS = [
  '<img src=x onerror=alert(1)>',
  '[click](command:workbench.action.terminal.new)',
  '\u202Eevil\u202C live',
  'x'.repeat(65_535), // 64 KB: as long as an MQTT client id can be
  'a:b:c:d:e:f', // many colons, no form
];

describe('features/idsInCode/recognise on bad input', function () {
  this.timeout(30_000);

  it('finds every id of a minified bundle: one line, no spaces', () => {
    const ids = Array.from({ length: 5_000 }, (_, i) => `d:org1x2:t${i % 7}:dev-${i}`);
    const bundle = ids.map((id, i) => `var a${i}={clientId:"${id}",n:${i}};`).join('');
    assert.ok(bundle.length < MAX_DOCUMENT_CHARS);
    const matches = recogniseIds(bundle, { known: NONE });
    assert.deepStrictEqual(
      matches.map((m) => m.clientId),
      ids,
    );
    // All on line 0: the lens plan counts lines once, not once per id.
    const lines = lineNumbers(bundle, matches);
    assert.ok(lines.every((l) => l === 0));
    assert.strictEqual(lensSpots(matches, lines).length, 3, 'three lenses on the one line, named');
  });

  it('finds 100,000 known ids in one file, and lenses only around what is on screen', () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => `c${i}`);
    const text = `[\n${ids.map((id) => `"${id}",`).join('\n')}\n]`;
    assert.ok(text.length < MAX_DOCUMENT_CHARS, `${text.length} characters`);
    const matches = recogniseIds(text, { known: known(ids) });
    assert.strictEqual(matches.length, 100_000);
    const lines = lineNumbers(text, matches);
    assert.strictEqual(lines[99_999], 100_000);
    const spots = lensSpots(matches, lines, { visible: [{ from: 50_000, to: 50_040 }] });
    assert.ok(spots.length > 0 && spots.length <= 41 + 2 * WINDOW_MARGIN, `${spots.length} lenses`);
    assert.ok(spots.every((s) => s.line >= 50_000 - WINDOW_MARGIN && s.line <= 50_040 + WINDOW_MARGIN));
    assert.strictEqual(lensSpots(matches.slice(0, MAX_LINES), lines).length, MAX_LINES, 'every line of a smaller file');
  });

  it('reads nothing of 100,000 platform ids in a file over 1 MiB', () => {
    const text = Array.from({ length: 100_000 }, (_, i) => `d:abc123:t:${i}`).join('\n');
    assert.ok(text.length > MAX_DOCUMENT_CHARS);
    assert.deepStrictEqual(recogniseIds(text, { known: NONE }), [], 'a scan would have found 100,000 ids');
  });

  it('finds known hostile ids as plain values, whole, and nothing else of them', () => {
    const k = known(HOSTILE_IDS);
    const text = HOSTILE_IDS.map((id, i) => `const c${i} = ${JSON.stringify(id)};`).join('\n');
    const matches = recogniseIds(text, { known: k });
    // Compared by length and head: a failure must not print 64 KB.
    const shape = (ids: readonly string[]) => ids.map((id) => `${id.length}:${id.slice(0, 40)}`);
    assert.deepStrictEqual(shape(matches.map((m) => m.clientId)), shape(HOSTILE_IDS));
    for (const m of matches) assert.ok(text.slice(m.start, m.end) === JSON.stringify(m.clientId).slice(1, -1));
  });

  it('stays linear on texts built against it', () => {
    const k = known(['x']);
    const size = Math.floor((MAX_DOCUMENT_CHARS - 16) / 16);
    const attacks: [string, (n: number) => string][] = [
      ['unmatched quotes on one line', (n) => `"'\``.repeat(n / 3)],
      ['one open quote, then a megabyte', (n) => `"${'a'.repeat(n)}`],
      ['escapes everywhere', (n) => `"${'\\'.repeat(n)}`],
      ['almost-ids', (n) => 'd:org1x2:'.repeat(n / 9)],
      ['prefixes and colons', (n) => 'd:a:'.repeat(n / 4)],
      ['keys without values', (n) => 'deviceId typeId '.repeat(n / 16)],
      ['key: value lines', (n) => 'key: value\n'.repeat(n / 11)],
      ['colons', (n) => ':'.repeat(n)],
      ['long id parts', (n) => `d:org1x2:${'a'.repeat(n)}`],
      ['newlines', (n) => '\n'.repeat(n)],
      ['one long config line', (n) => `key: ${'v'.repeat(n)}`],
      ['a minified bundle', (n) => 'var a={clientId:"d:org1x2:t:dev-1",n:1};'.repeat(n / 40)],
    ];
    for (const [what, make] of attacks) assertLinear(what, make, (text) => recogniseIds(text, { known: k }), size);
    const bundle = (n: number) => {
      const text = 'var a={clientId:"d:org1x2:t:dev-1",n:1};'.repeat(n / 40);
      return { text, matches: recogniseIds(text, { known: NONE }) };
    };
    assertLinear('lines of ids on one line', bundle, (b) => lineNumbers(b.text, b.matches), size);
  });
});
