// The sliding-window pacer on its own, with small windows and real timers.

import * as assert from 'node:assert/strict';
import { Pacer } from '../../../src/platform/rest/pacer';

describe('platform pacer', () => {
  it('admits a burst up to the limit, then one per freed slot', async () => {
    const pacer = new Pacer(3, 200);
    const started = performance.now();
    const times: number[] = [];
    await Promise.all(Array.from({ length: 6 }, () => pacer.take().then(() => times.push(performance.now() - started))));
    assert.ok(times.slice(0, 3).every((t) => t < 100), `burst at ${times.map(Math.round)}`);
    assert.ok(times.slice(3).every((t) => t >= 195), `later ones at ${times.map(Math.round)}`);
  });

  it('admits in call order', async () => {
    const pacer = new Pacer(1, 30);
    const order: number[] = [];
    await Promise.all([0, 1, 2, 3].map((i) => pacer.take().then(() => order.push(i))));
    assert.deepEqual(order, [0, 1, 2, 3]);
  });

  it('lets a cancelled waiter leave at once without taking a slot', async () => {
    const pacer = new Pacer(1, 300);
    await pacer.take();
    const controller = new AbortController();
    const waiting = pacer.take(controller.signal);
    const next = pacer.take();
    const started = performance.now();
    controller.abort(new Error('stop'));
    await assert.rejects(waiting, /stop/);
    assert.ok(performance.now() - started < 100);
    await next;
    // `next` got the slot the cancelled call would have had: one window after the first.
    assert.ok(performance.now() - started < 400);
  });

  it('holds every call while paused', async () => {
    const pacer = new Pacer(10, 1000);
    const started = performance.now();
    pacer.pauseUntil(Date.now() + 150);
    await Promise.all([pacer.take(), pacer.take()]);
    assert.ok(performance.now() - started >= 140);
  });

  it('refuses nonsense limits', () => {
    assert.throws(() => new Pacer(0, 1000), RangeError);
    assert.throws(() => new Pacer(10, 0), RangeError);
  });
});
