import * as assert from 'node:assert/strict';
import type { ConnectivityEvent } from '../../../../src/core/events/types';
import { missedAlerts, missedWords } from '../../../../src/features/watcher/missedWords';
import { connected, disconnected, failed } from '../../core/fixtures';

const id = (d: string) => `d:org123:sensor:${d}`;

describe('features/watcher/missedWords', () => {
  it('says what each client did while the watcher was offline, in order', () => {
    const missed = new Map<string, ConnectivityEvent[]>([
      [id('s-7'), [disconnected(1, 160), connected(5)]],
      [id('v'), [failed(2, 180)]],
    ]);
    assert.equal(
      missedWords(missed, 40_000),
      'While the watcher was offline (40 sec): s-7 disconnected (keep-alive timed out (network, code 160)), then ' +
        'connected; v failed to connect (not authorized (server, code 180))',
    );
    assert.equal(missedAlerts(missed), true);
  });
  it('has nothing to say about no changes, and no alert in a reconnect alone', () => {
    assert.equal(missedWords(new Map(), 1000), undefined);
    const back = new Map([[id('a'), [connected(1)]]]);
    assert.equal(missedAlerts(back), false);
    assert.equal(missedAlerts(new Map([[id('t'), [disconnected(1, 288)]]])), false);
  });
  it('bounds the clients and steps it lists', () => {
    const steps = Array.from({ length: 10 }, (_, i) => (i % 2 ? connected(i) : disconnected(i, 91)));
    const missed = new Map(Array.from({ length: 6 }, (_, i) => [id(`d${i}`), steps] as const));
    const words = missedWords(missed, 1000) ?? '';
    assert.match(words, /and 6 more changes/);
    assert.match(words, /and 3 more clients changed$/);
  });
});
