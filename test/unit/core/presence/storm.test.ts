import * as assert from 'node:assert/strict';
import { StormCoalescer } from '../../../../src/core/presence/storm';

describe('core/presence/storm', () => {
  it('passes items while under the threshold', () => {
    const c = new StormCoalescer<number>();
    for (let i = 0; i < 4; i++) assert.equal(c.offer(i, i * 1000), i);
    assert.equal(c.nextDue(), undefined);
    assert.equal(c.poll(100_000), undefined);
  });
  it('holds from the fifth item in 10 s and summarizes once the storm quiets', () => {
    const c = new StormCoalescer<string>();
    const passed = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((x, i) => c.offer(x, i * 100));
    assert.deepEqual(passed, ['a', 'b', 'c', 'd', undefined, undefined, undefined]);
    assert.equal(c.nextDue(), 600 + 2000);
    assert.equal(c.poll(2599), undefined);
    assert.deepEqual(c.poll(2600), { count: 3, items: ['e', 'f', 'g'], from: 400, to: 600 });
    assert.equal(c.poll(2600), undefined);
  });
  it('sends a summary at least once per window during a long storm', () => {
    const c = new StormCoalescer<number>({ threshold: 2, windowMs: 1000, quietMs: 500 });
    const summaries = [];
    for (let t = 0; t <= 3000; t += 100) {
      c.offer(t, t);
      const s = c.poll(t);
      if (s) summaries.push(s);
    }
    assert.deepEqual(
      summaries.map((s) => [s.from, s.to, s.count]),
      [
        [100, 1100, 11],
        [1200, 2200, 11],
      ],
    );
    assert.equal(c.flush()?.count, 8);
    assert.equal(c.flush(), undefined);
  });
  it('passes items again after the storm', () => {
    const c = new StormCoalescer<number>({ threshold: 2, windowMs: 1000 });
    c.offer(1, 0);
    assert.equal(c.offer(2, 10), undefined);
    assert.equal(c.poll(5000)?.count, 1);
    assert.equal(c.offer(3, 5000), 3);
  });
  it('keeps a bounded sample of a huge storm and the exact count', () => {
    const c = new StormCoalescer<number>({ maxHeld: 10 });
    for (let i = 0; i < 100_000; i++) c.offer(i, i / 10);
    const s = c.flush();
    assert.equal(s?.count, 100_000 - 4);
    assert.equal(s?.items.length, 10);
  });
});
