// The sliding-window pacer on its own, on a virtual clock (@sinonjs/fake-timers, not installed
// globally): its schedule is exact and independent of how busy the machine is.

import * as assert from 'node:assert/strict';
import { createClock } from '@sinonjs/fake-timers';
import { Pacer, type PacerClock, type PacerSlot } from '../../../../src/platform/rest/pacer';

function virtualClock() {
  const clock = createClock(0);
  const pacerClock: PacerClock = {
    now: () => clock.now,
    setTimeout: (callback, ms) => clock.setTimeout(callback, ms),
    clearTimeout: (handle) => clock.clearTimeout(handle as ReturnType<typeof clock.setTimeout>),
  };
  return { clock, pacerClock };
}

/** Takes `count` slots at once; records the virtual time each was admitted, in call order. */
function takeAll(pacer: Pacer, count: number, now: () => number, finishAfter?: (i: number) => void) {
  const admitted: number[] = [];
  const slots: PacerSlot[] = [];
  const all = Promise.all(
    Array.from({ length: count }, (_, i) =>
      pacer.take().then((slot) => {
        admitted[i] = now();
        slots[i] = slot;
        finishAfter?.(i);
      }),
    ),
  );
  return { admitted, slots, all };
}

describe('platform pacer', () => {
  it('admits a burst up to the limit, then one per slot a window after its call finished', async () => {
    const { clock, pacerClock } = virtualClock();
    const pacer = new Pacer(3, 1000, pacerClock);
    // Each call's answer takes 40 ms.
    const run = takeAll(
      pacer,
      7,
      () => clock.now,
      (i) => void clock.setTimeout(() => run.slots[i].finish(), 40),
    );
    await clock.runAllAsync();
    await run.all;
    assert.deepEqual(run.admitted, [0, 0, 0, 1040, 1040, 1040, 2080]);
  });

  it('holds a slot while its call is in flight, however long that is', async () => {
    const { clock, pacerClock } = virtualClock();
    const pacer = new Pacer(1, 1000, pacerClock);
    const first = await pacer.take();
    let second: number | undefined;
    void pacer.take().then(() => (second = clock.now));
    await clock.tickAsync(5000);
    assert.equal(second, undefined, 'admitted while the first call was still in flight');
    first.finish();
    await clock.tickAsync(999);
    assert.equal(second, undefined);
    await clock.tickAsync(1);
    assert.equal(second, 6000);
  });

  it('admits in call order', async () => {
    const { clock, pacerClock } = virtualClock();
    const pacer = new Pacer(1, 30, pacerClock);
    const order: number[] = [];
    const all = Promise.all(
      [0, 1, 2, 3].map((i) =>
        pacer.take().then((slot) => {
          order.push(i);
          slot.finish();
        }),
      ),
    );
    await clock.runAllAsync();
    await all;
    assert.deepEqual(order, [0, 1, 2, 3]);
  });

  it('lets a cancelled waiter leave at once without taking a slot', async () => {
    const { clock, pacerClock } = virtualClock();
    const pacer = new Pacer(1, 300, pacerClock);
    (await pacer.take()).finish();
    const controller = new AbortController();
    const waiting = pacer.take(controller.signal);
    let nextAt: number | undefined;
    const next = pacer.take().then(() => (nextAt = clock.now));
    await clock.tickAsync(100);
    controller.abort(new Error('stop'));
    await assert.rejects(waiting, /stop/);
    await clock.runAllAsync();
    await next;
    // `next` got the slot the cancelled call would have had: one window after the first.
    assert.equal(nextAt, 300);
  });

  it('gives back the slot of a call admitted just as it was cancelled', async () => {
    const { clock, pacerClock } = virtualClock();
    const controller = new AbortController();
    // The cancel lands while the pacer admits the call (it reads the clock then), after its
    // last check of the signal: the slot exists, but the call will not be made.
    const pacer = new Pacer(1, 300, { ...pacerClock, now: () => (controller.abort(new Error('stop')), clock.now) });
    await assert.rejects(pacer.take(controller.signal), /stop/);
    let nextAt: number | undefined;
    void pacer.take().then(() => (nextAt = clock.now));
    await clock.tickAsync(0);
    assert.equal(nextAt, 0);
  });

  it('holds every call while paused', async () => {
    const { clock, pacerClock } = virtualClock();
    const pacer = new Pacer(10, 1000, pacerClock);
    pacer.pauseUntil(150);
    const run = takeAll(pacer, 2, () => clock.now);
    await clock.runAllAsync();
    await run.all;
    assert.deepEqual(run.admitted, [150, 150]);
  });

  it('refuses nonsense limits', () => {
    assert.throws(() => new Pacer(0, 1000), RangeError);
    assert.throws(() => new Pacer(10, 0), RangeError);
  });
});
