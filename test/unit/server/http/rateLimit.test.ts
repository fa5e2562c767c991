import * as assert from 'node:assert/strict';
import { TokenBucket } from '../../../../src/server/http/rateLimit';

describe('sandbox REST: token bucket', () => {
  it('allows a second of burst, then refills at the rate; Retry-After is whole seconds ≥ 1', () => {
    let now = 0;
    const bucket = new TokenBucket(10, () => now);
    for (let i = 0; i < 10; i++) assert.deepEqual(bucket.take(), { ok: true });
    assert.deepEqual(bucket.take(), { ok: false, retryAfterSeconds: 1 });
    now += 100; // one token back
    assert.deepEqual(bucket.take(), { ok: true });
    assert.equal(bucket.take().ok, false);
    now += 60_000; // never more than the capacity
    for (let i = 0; i < 10; i++) assert.equal(bucket.take().ok, true);
    assert.equal(bucket.take().ok, false);
  });

  it('asks slow rates to wait long enough', () => {
    let now = 0;
    const bucket = new TokenBucket(0.25, () => now);
    assert.equal(bucket.take().ok, true);
    assert.deepEqual(bucket.take(), { ok: false, retryAfterSeconds: 4 });
    now += 4000;
    assert.equal(bucket.take().ok, true);
  });

  it('refuses a rate that is not a positive number', () => {
    for (const rate of [0, -1, NaN, Infinity]) assert.throws(() => new TokenBucket(rate), RangeError);
  });
});
