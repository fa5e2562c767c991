import * as assert from 'node:assert/strict';
import { MAX_PINS, pinProblem, readPins, withPin, withoutPin } from '../../../../src/features/watcher/pins';
import { HOSTILE_STRINGS } from '../../core/hostile';

const A = 'd:org123:sensor:s-7';
const B = 'a:org123:my-app';

describe('features/watcher/pins', () => {
  it('reads lists of client ids per platform, in order, without duplicates', () => {
    assert.deepEqual(readPins({ local: [A, B, A], other: [B] }), { local: [A, B], other: [B] });
  });
  it('drops whatever is not a list of client ids', () => {
    assert.deepEqual(readPins(undefined), {});
    assert.deepEqual(readPins([A]), {});
    assert.deepEqual(readPins('x'), {});
    assert.deepEqual(readPins({ local: 'x', other: [1, null, {}, 'not an id', A], empty: [] }), { other: [A] });
    assert.deepEqual(readPins({ local: HOSTILE_STRINGS }), {});
  });
  it('keeps at most MAX_PINS', () => {
    const many = Array.from({ length: MAX_PINS + 10 }, (_, i) => `d:org123:t:d-${i}`);
    assert.equal(readPins({ p: many }).p.length, MAX_PINS);
    assert.equal(withPin(many.slice(0, MAX_PINS), 'd:org123:t:extra').length, MAX_PINS);
  });
  it('says why an id cannot be pinned', () => {
    assert.equal(pinProblem(A), undefined);
    assert.equal(pinProblem(` ${B} `), undefined);
    assert.match(pinProblem('') ?? '', /Enter a client id/);
    assert.match(pinProblem('sensor-7') ?? '', /not a client id/);
    for (const text of HOSTILE_STRINGS) {
      const problem = pinProblem(text);
      // eslint-disable-next-line no-control-regex -- control characters must be gone
      if (text.trim() !== '') assert.ok(problem && problem.length < 400 && !/[\u0000-\u0008\u202e]/.test(problem));
    }
  });
  it('adds once and removes', () => {
    assert.deepEqual(withPin([A], A), [A]);
    assert.deepEqual(withPin([A], B), [A, B]);
    assert.deepEqual(withoutPin([A, B], A), [B]);
  });
});
