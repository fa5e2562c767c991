import * as assert from 'node:assert/strict';
import type { PresenceSnapshot } from '../../../../src/core/presence/presence';
import { classify, PinTally } from '../../../../src/features/watcher/tally';
import { disconnected, failed } from '../../core/fixtures';

const snap = (
  clientId: string,
  status: PresenceSnapshot['status'],
  extra: Partial<PresenceSnapshot> = {},
): PresenceSnapshot => ({ clientId, status, ...extra });

describe('features/watcher/tally', () => {
  it('classifies: disconnected and failing-without-a-session are offline', () => {
    assert.equal(classify(snap('a', 'connected')), 'connected');
    assert.equal(classify(snap('a', 'disconnected')), 'offline');
    assert.equal(classify(snap('a', 'unknown')), 'unknown');
    const f = failed(1);
    assert.ok(f.kind === 'failedConnect');
    assert.equal(classify(snap('a', 'unknown', { lastFailure: f })), 'offline');
    // A client connected now but that failed once is connected.
    assert.equal(classify(snap('a', 'connected', { lastFailure: f })), 'connected');
  });
  it('counts by class as clients change, one at a time', () => {
    const t = new PinTally();
    assert.equal(t.set(snap('a', 'unknown')), true);
    t.set(snap('b', 'connected'));
    t.set(snap('c', 'connected'));
    assert.deepEqual([t.total, t.connected, t.offline, t.unknown], [3, 2, 0, 1]);
    assert.equal(t.set(snap('b', 'connected')), false);
    const d = disconnected(2);
    assert.ok(d.kind === 'disconnected');
    t.set(snap('b', 'disconnected', { lastDisconnect: d }));
    assert.deepEqual([t.total, t.connected, t.offline, t.unknown], [3, 1, 1, 1]);
    t.remove('b');
    t.remove('nobody');
    assert.deepEqual([t.total, t.connected, t.offline, t.unknown], [2, 1, 0, 1]);
    assert.deepEqual(t.offlineIds(2), []);
  });
  it('names the latest to go offline first, then the others still offline', () => {
    const t = new PinTally();
    for (const id of ['a', 'b', 'c', 'd']) t.set(snap(id, 'disconnected'));
    assert.deepEqual(t.offlineIds(2), ['d', 'c']);
    t.set(snap('d', 'connected'));
    t.set(snap('c', 'connected'));
    assert.deepEqual(t.offlineIds(2), ['b', 'a']);
    for (let i = 0; i < 100; i++) {
      t.set(snap('x', 'disconnected'));
      t.set(snap('x', 'connected'));
    }
    // Past the few remembered, the rest in the order they went offline.
    assert.deepEqual(t.offlineIds(3), ['a', 'b']);
    assert.equal(t.offline, 2);
  });
});
