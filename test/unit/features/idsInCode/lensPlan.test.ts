// Where lenses go: one per distinct id of a line, at most three, named when several share a line;
// only accepted ids (pinned mode); in a large document only around the lines on screen.
import * as assert from 'assert';
import { lensSpots, lineNumbers, MAX_LINES, WINDOW_MARGIN } from '../../../../src/features/idsInCode/lensPlan';
import { recogniseIds } from '../../../../src/features/idsInCode/recognise';

const NONE = { has: () => false, size: 0 };

function plan(text: string, accept?: (id: string) => boolean) {
  const matches = recogniseIds(text, { known: NONE });
  return lensSpots(matches, lineNumbers(text, matches), { accept }).map((s) => [s.line, s.clientId, s.named]);
}

describe('features/idsInCode/lensPlan', () => {
  it('puts one lens per distinct id of a line, named only when the line has several', () => {
    const text = [
      `const a = 'd:org1x2:t:a';`,
      ``,
      `pair('d:org1x2:t:a', 'd:org1x2:t:b', 'd:org1x2:t:a')`,
      `four('a:org1x2:w', 'a:org1x2:x', 'a:org1x2:y', 'a:org1x2:z')`,
    ].join('\n');
    assert.deepStrictEqual(plan(text), [
      [0, 'd:org1x2:t:a', false],
      [2, 'd:org1x2:t:a', true],
      [2, 'd:org1x2:t:b', true],
      [3, 'a:org1x2:w', true],
      [3, 'a:org1x2:x', true],
      [3, 'a:org1x2:y', true],
    ]);
  });

  it('leaves out ids the mode does not accept (only pinned ones)', () => {
    const text = `x('d:org1x2:t:a')\ny('d:org1x2:t:b')`;
    assert.deepStrictEqual(
      plan(text, (id) => id.endsWith(':b')),
      [[1, 'd:org1x2:t:b', false]],
    );
  });

  it('gives every line its lens up to MAX_LINES lines, then only those near the screen', () => {
    const lines = MAX_LINES + 4 * WINDOW_MARGIN;
    const text = Array.from({ length: lines }, (_, i) => `"d:org1x2:t:n${i}"`).join('\n');
    const matches = recogniseIds(text, { known: NONE });
    const numbers = lineNumbers(text, matches);
    assert.strictEqual(lensSpots(matches.slice(0, MAX_LINES), numbers).length, MAX_LINES);
    assert.deepStrictEqual(lensSpots(matches, numbers), [], 'nothing on screen known: none');
    const [from, to] = [2 * WINDOW_MARGIN, 2 * WINDOW_MARGIN + 10];
    const near = lensSpots(matches, numbers, { visible: [{ from, to }] });
    assert.deepStrictEqual([near[0].line, near[near.length - 1].line], [from - WINDOW_MARGIN, to + WINDOW_MARGIN]);
  });
});
