import * as assert from 'node:assert/strict';
import { hashText, plainText } from '../../../src/core/text';
import { HOSTILE_STRINGS, MEGABYTE } from './hostile';

describe('core/text', () => {
  it('keeps ordinary text as it is', () => {
    assert.equal(plainText('sensor-7 disconnected'), 'sensor-7 disconnected');
    assert.equal(plainText('<b>not markup</b>'), '<b>not markup</b>');
  });
  it('replaces control characters and drops bidirectional overrides', () => {
    assert.equal(plainText('a\u0000b\nc\u009bd'), 'a b c d');
    assert.equal(plainText('\u202Eevil\u202C \u2066x\u2069\u200F'), 'evil x');
  });
  it('bounds the length with an ellipsis, without splitting a surrogate pair', () => {
    assert.equal(plainText('abcdef', 4), 'abc…');
    assert.equal(plainText('abcd', 4), 'abcd');
    const cut = plainText('ab\ud83d\ude00cd', 4);
    assert.equal(cut, 'ab…');
    const big = plainText(MEGABYTE, 100);
    assert.equal(big.length, 100);
    assert.ok(big.endsWith('…'));
  });
  it('marks a cut even when removed marks brought the head under the limit', () => {
    const text = '\u202E'.repeat(300) + 'tail';
    assert.ok(plainText(text, 10).endsWith('…'));
  });
  it('never throws on hostile text and never returns control characters', () => {
    for (const s of HOSTILE_STRINGS) {
      const out = plainText(s);
      assert.ok(out.length <= 200);
      // eslint-disable-next-line no-control-regex -- asserting their absence
      assert.doesNotMatch(out, /[\u0000-\u001f\u202a-\u202e]/);
    }
    assert.equal(plainText(undefined as unknown as string), '');
  });
  it('hashes stably and tells different texts apart', () => {
    assert.equal(hashText('abc'), hashText('abc'));
    assert.notEqual(hashText('abc'), hashText('abd'));
    assert.match(hashText(MEGABYTE), /^[0-9a-z]+$/);
  });
});
