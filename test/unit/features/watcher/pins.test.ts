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
    const tooLong = 'x'.repeat(70_000);
    assert.deepEqual(readPins({ local: 'x', other: [1, null, {}, '', tooLong, A], empty: [] }), { other: [A] });
    // Any id a broker accepts can be pinned (platform-contract.md §7.2), kept as it is; not those without a topic.
    assert.deepEqual(readPins({ p: ['kitchen/sensor 7', 'plus+and#hash', '\ud800'] }), {
      p: ['kitchen/sensor 7', 'plus+and#hash'],
    });
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
    assert.equal(pinProblem('sensor-7'), undefined);
    assert.equal(pinProblem('kitchen/sensor #7 🚀'), undefined);
    assert.match(pinProblem('x'.repeat(70_000)) ?? '', /cannot be watched/);
    for (const text of HOSTILE_STRINGS) {
      const problem = pinProblem(text);
      // A problem never repeats the text: short, without its control or bidirectional characters.
      // eslint-disable-next-line no-control-regex -- control characters must be gone
      if (problem !== undefined) assert.ok(problem.length < 400 && !/[\u0000-\u0008\u202e]/.test(problem));
    }
    assert.equal(pinProblem(HOSTILE_STRINGS[1]), undefined, 'markup is just text in an id');
  });
  it('adds once and removes', () => {
    assert.deepEqual(withPin([A], A), [A]);
    assert.deepEqual(withPin([A], B), [A, B]);
    assert.deepEqual(withoutPin([A, B], A), [B]);
  });
});
