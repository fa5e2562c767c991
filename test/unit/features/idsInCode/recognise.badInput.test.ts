// Recognition on bad input: a minified bundle, 100,000 ids in one file, ids that are hostile text
// (HTML, Markdown links, bidirectional overrides, 64 KB), and texts built to make a careless
// scanner quadratic. Each finishes within a bound that only a linear scan meets on 1 MiB (a
// quadratic one needs ~10^12 steps there), and finds what it should.
import * as assert from 'assert';
import { MAX_DOCUMENT_CHARS, recogniseIds, type KnownIds } from '../../../../src/features/idsInCode/recognise';
import { lensSpots, lineNumbers, MAX_LINES, WINDOW_MARGIN } from '../../../../src/features/idsInCode/lensPlan';

function known(ids: Iterable<string>): KnownIds {
  const set = new Set(ids);
  return { has: (id) => set.has(id), size: set.size };
}
const NONE = known([]);

/** Runs `fn` and fails if it took longer than `ms` (a bound a linear scan meets many times over). */
function within<T>(ms: number, what: string, fn: () => T): T {
  const started = performance.now();
  const out = fn();
  const took = performance.now() - started;
  assert.ok(took < ms, `${what} took ${took.toFixed(0)} ms (bound ${ms} ms)`);
  return out;
}

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
    const matches = within(2_000, 'a minified bundle', () => recogniseIds(bundle, { known: NONE }));
    assert.deepStrictEqual(
      matches.map((m) => m.clientId),
      ids,
    );
    // All on line 0: the lens plan counts lines once, not once per id.
    const lines = within(500, 'lines of 5,000 ids on one line', () => lineNumbers(bundle, matches));
    assert.ok(lines.every((l) => l === 0));
    assert.strictEqual(lensSpots(matches, lines).length, 3, 'three lenses on the one line, named');
  });

  it('finds 100,000 known ids in one file, and lenses only around what is on screen', () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => `c${i}`);
    const text = `[\n${ids.map((id) => `"${id}",`).join('\n')}\n]`;
    assert.ok(text.length < MAX_DOCUMENT_CHARS, `${text.length} characters`);
    const matches = within(3_000, '100,000 ids', () => recogniseIds(text, { known: known(ids) }));
    assert.strictEqual(matches.length, 100_000);
    const lines = lineNumbers(text, matches);
    assert.strictEqual(lines[99_999], 100_000);
    const spots = lensSpots(matches, lines, { visible: [{ from: 50_000, to: 50_040 }] });
    assert.ok(spots.length > 0 && spots.length <= 41 + 2 * WINDOW_MARGIN, `${spots.length} lenses`);
    assert.ok(spots.every((s) => s.line >= 50_000 - WINDOW_MARGIN && s.line <= 50_040 + WINDOW_MARGIN));
    assert.strictEqual(lensSpots(matches.slice(0, MAX_LINES), lines).length, MAX_LINES, 'every line of a smaller file');
  });

  it('reads nothing of 100,000 platform ids in a file over 1 MiB, at once', () => {
    const text = Array.from({ length: 100_000 }, (_, i) => `d:abc123:t:${i}`).join('\n');
    assert.ok(text.length > MAX_DOCUMENT_CHARS);
    assert.deepStrictEqual(
      within(50, 'a file over the limit', () => recogniseIds(text, { known: NONE })),
      [],
    );
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
    const size = MAX_DOCUMENT_CHARS - 16;
    const k = known(['x']);
    const attacks: [string, string][] = [
      ['unmatched quotes on one line', `"'\``.repeat(size / 3)],
      ['one open quote, then a megabyte', `"${'a'.repeat(size)}`],
      ['escapes everywhere', `"${'\\'.repeat(size)}`],
      ['almost-ids', 'd:org1x2:'.repeat(size / 9)],
      ['prefixes and colons', 'd:a:'.repeat(size / 4)],
      ['keys without values', 'deviceId typeId '.repeat(size / 16)],
      ['key: value lines', 'key: value\n'.repeat(size / 11)],
      ['colons', ':'.repeat(size)],
      ['long id parts', `d:org1x2:${'a'.repeat(size)}`],
      ['newlines', '\n'.repeat(size)],
      ['one long config line', `key: ${'v'.repeat(size)}`],
    ];
    for (const [what, text] of attacks) within(2_000, what, () => recogniseIds(text, { known: k }));
  });
});
