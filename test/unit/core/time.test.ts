import * as assert from 'node:assert/strict';
import { parseInstant, toIso } from '../../../src/core/time';

describe('core/time', () => {
  it('reads the lenient forms of platform-contract.md §2.2 as UTC', () => {
    const want = Date.UTC(2019, 2, 9, 15, 0, 0, 0);
    assert.equal(parseInstant('2019-03-09T15:00:00.000Z'), want);
    assert.equal(parseInstant('2019-03-09T15:00:00'), want);
    assert.equal(parseInstant('2019-03-09T15:00:00.123456'), want + 123);
    assert.equal(parseInstant('2019-03-09T17:00:00+02:00'), want);
  });
  it('refuses what is not an instant', () => {
    for (const bad of ['yesterday', '', '2019-02-30T00:00:00Z', '2019-13-01T00:00:00Z', 'x'.repeat(10_000)]) {
      assert.equal(parseInstant(bad), undefined, bad.slice(0, 20));
    }
  });
  it('writes ISO 8601 UTC with milliseconds', () => {
    assert.equal(toIso(Date.UTC(2018, 8, 27, 8, 40, 54, 456)), '2018-09-27T08:40:54.456Z');
  });
});
