import * as assert from 'node:assert/strict';
import { AuthFailures, isLoopback } from '../../../src/server/authLimit';

describe('server/authLimit: failed authentications per address and per id, over a sliding window', () => {
  let now = 0;
  const clock = () => now;
  beforeEach(() => (now = 1_000_000));

  it('refuses an id past its threshold until its oldest failure leaves the window', () => {
    const f = new AuthFailures({ perId: 3, perAddress: 100, windowMs: 60_000 }, clock);
    for (let i = 0; i < 3; i++) {
      assert.equal(f.refusal('10.0.0.1', 'd:o:t:x'), undefined);
      f.failed('10.0.0.1', 'd:o:t:x');
      now += 1000;
    }
    assert.equal(f.refusal('10.0.0.1', 'd:o:t:x'), 57, 'seconds until the first failure is 60 s old');
    assert.equal(f.refusal('10.0.0.2', 'd:o:t:x'), 57, 'whatever the address');
    assert.equal(f.refusal('10.0.0.1', 'd:o:t:y'), undefined, 'another id is not held');
    now += 57_000;
    assert.equal(f.refusal('10.0.0.1', 'd:o:t:x'), undefined);
  });

  it('refuses an address past its threshold, for any id; loopback (address and ids) only when asked', () => {
    const f = new AuthFailures({ perId: 100, perAddress: 2, windowMs: 10_000 }, clock);
    f.failed('10.0.0.1', 'a');
    f.failed('10.0.0.1', 'b');
    assert.equal(f.refusal('10.0.0.1', 'c'), 10);
    assert.equal(f.refusal('10.0.0.1'), 10);
    for (let i = 0; i < 200; i++) f.failed('127.0.0.1', `x${i % 2}`);
    assert.equal(f.refusal('127.0.0.1', 'y'), undefined, 'loopback is exempt by default');
    assert.equal(f.refusal('::1', 'x0'), undefined, 'its ids too');
    const strict = new AuthFailures({ perAddress: 2, limitLoopback: true }, clock);
    strict.failed('127.0.0.1');
    strict.failed('127.0.0.1');
    assert.ok(strict.refusal('127.0.0.1') !== undefined);
  });

  it('keeps a bounded number of keys, the oldest going first', () => {
    const f = new AuthFailures({ perId: 1, perAddress: 1 }, clock);
    const address = (i: number) => `10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`;
    for (let i = 0; i < 20_000; i++) f.failed(address(i), `id-${i}`);
    assert.equal(f.refusal(address(0), 'id-0'), undefined, 'forgotten');
    assert.ok(f.refusal(address(19_999), 'id-19999') !== undefined);
  });

  it('knows loopback addresses', () => {
    for (const a of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) assert.ok(isLoopback(a), a);
    for (const a of ['10.0.0.1', '::ffff:10.0.0.1', '1::1']) assert.ok(!isLoopback(a), a);
  });
});
