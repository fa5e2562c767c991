// The countdown of a paused program's client, and how the status bar and rows word it.

import * as assert from 'node:assert/strict';
import { countdown, keepAliveFactor } from '../../../../src/features/debug/countdown';
import type { ClientRow, FamilyRow } from '../../../../src/features/debug/rows';
import { debugStatus } from '../../../../src/features/debug/statusModel';
import { fill, pauseWords } from '../../../../src/features/debug/words';

describe('features/debug/countdown: the time left before the broker drops a paused client', () => {
  const base = { pausedSince: 10_000, factor: 1.5 };

  it("counts down to the broker's own deadline when it told one", () => {
    const c = countdown({ ...base, now: 12_100, keepAliveSeconds: 30, exactDeadline: 40_000 });
    assert.deepEqual(c, {
      kind: 'exact',
      secondsLeft: 28,
      deadline: 40_000,
      warning: false,
      keepAliveSeconds: 30,
      factor: 1.5,
    });
    assert.equal(fill(pauseWords(c, true)), 'drops in 28 s');
  });

  it('counts down a bound from the pause otherwise: keep-alive × factor', () => {
    const c = countdown({ ...base, now: 10_000, keepAliveSeconds: 30 });
    assert.equal(c.kind, 'bound');
    assert.equal(c.kind === 'bound' && c.secondsLeft, 45);
    assert.equal(fill(pauseWords(c, true)), 'drops in at most 45 s');
  });

  it('warns in the last 10 s and never counts below 0', () => {
    const soon = countdown({ ...base, now: 30_001, keepAliveSeconds: 20 });
    assert.ok(soon.kind === 'bound' && soon.warning && soon.secondsLeft === 10);
    const past = countdown({ ...base, now: 99_000, keepAliveSeconds: 20 });
    assert.ok(past.kind === 'bound' && past.secondsLeft === 0);
  });

  it('says held, no keep-alive, or how long the pause lasted when there is nothing to count', () => {
    assert.deepEqual(countdown({ ...base, now: 20_000, keepAliveSeconds: 30, held: true }), { kind: 'held' });
    assert.deepEqual(countdown({ ...base, now: 20_000, keepAliveSeconds: 0 }), { kind: 'noKeepAlive' });
    assert.deepEqual(countdown({ ...base, now: 21_500 }), { kind: 'unknown', pausedSeconds: 11 });
    assert.equal(fill(pauseWords({ kind: 'held' }, true)), 'held');
    assert.equal(fill(pauseWords({ kind: 'held' }, false)), 'dropped while paused');
  });

  it("uses each broker's factor: 1.5 unless it is known to allow more", () => {
    assert.deepEqual(
      ['sandbox', 'mosquitto', 'rabbitmq', 'unknown', undefined].map(keepAliveFactor),
      [1.5, 1.5, 3, 1.5, 1.5],
    );
  });
});

describe('features/debug/statusModel: the debug status-bar item', () => {
  const row = (clientId: string, extra: Partial<ClientRow> = {}): ClientRow => ({
    clientId,
    how: 'pid',
    pid: 1,
    sessionId: 's',
    connected: true,
    ...extra,
  });
  const family = (clients: ClientRow[]): FamilyRow[] => [{ rootId: 'r', name: 'n', type: 't', clients }];
  const paused = (secondsLeft: number, warning: boolean) => ({
    since: 0,
    countdown: { kind: 'exact' as const, secondsLeft, deadline: 0, warning },
  });

  it('is hidden without clients and names the one client otherwise', () => {
    assert.equal(debugStatus([]), undefined);
    const s = debugStatus(family([row('d:o:t:a')]));
    assert.deepEqual([s?.icon, s?.clientId, s && fill(s.state), s?.others], ['debug-alt', 'd:o:t:a', 'connected', 0]);
  });

  it('shows the paused client closest to its drop, in warning colours in the last seconds', () => {
    const s = debugStatus(
      family([row('a'), row('b', { pause: paused(40, false) }), row('c', { pause: paused(7, true) })]),
    );
    assert.deepEqual(
      [s?.icon, s?.clientId, s && fill(s.state), s?.others, s?.background],
      ['warning', 'c', 'drops in 7 s', 2, 'warning'],
    );
  });

  it('puts a client dropped while paused first, in error colours', () => {
    const s = debugStatus(
      family([row('a', { pause: paused(3, true) }), row('b', { connected: false, pause: paused(0, true) })]),
    );
    assert.deepEqual([s?.clientId, s && fill(s.state), s?.background], ['b', 'dropped while paused', 'error']);
  });
});
