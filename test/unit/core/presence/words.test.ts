import * as assert from 'node:assert/strict';
import { Presence, type PresenceTransition } from '../../../../src/core/presence/presence';
import { stormWords, transitionWords } from '../../../../src/core/presence/words';
import { StormCoalescer } from '../../../../src/core/presence/storm';
import { iso } from '../fixtures';

const ID = 'd:org123:sensor:sensor-7';
const msg = (action: string, s: number, extra: object = {}) => ({
  Action: action,
  Time: iso(s),
  ClientID: ID,
  ...extra,
});

describe('core/presence/words', () => {
  it('says who and why for each transition', () => {
    const p = new Presence(ID);
    const words = [
      ...p.applyMonitor(msg('Connect', 0), true, 0),
      ...p.applyMonitor(msg('Disconnect', 10, { CloseCode: 160 }), false, 0),
      ...p.applyMonitor(msg('FailedConnect', 11, { CloseCode: 180 }), false, 0),
      ...p.applyMonitor(msg('Connect', 20), false, 0),
      ...p.applyMonitor(msg('Disconnect', 30, { CloseCode: 288 }), false, 0),
    ].map(transitionWords);
    assert.deepEqual(words, [
      'sensor-7 connected',
      'sensor-7 disconnected: keep-alive timed out (network, code 160)',
      'sensor-7 failed to connect: not authorized (server, code 180)',
      'sensor-7 reconnected',
      'sensor-7: session taken over by a newer connection with the same client id (code 288); still connected',
    ]);
  });
  it('sums up a storm', () => {
    const storm = new StormCoalescer<PresenceTransition>({ threshold: 1 });
    const clients = ['a', 'b', 'c', 'd', 'e'].map((x) => new Presence(`d:org123:t:${x}`));
    for (const [i, p] of clients.entries()) {
      p.applyMonitor({ Action: 'Connect', Time: iso(0), ClientID: p.clientId }, true, 0);
      for (const t of p.applyMonitor(
        { Action: 'Disconnect', Time: iso(1 + i), ClientID: p.clientId, CloseCode: 160 },
        false,
        0,
      )) {
        storm.offer(t, i * 1000);
      }
    }
    for (const t of clients[0].applyMonitor(
      { Action: 'Connect', Time: iso(9), ClientID: clients[0].clientId },
      false,
      0,
    )) {
      storm.offer(t, 6000);
    }
    const summary = storm.flush();
    assert.ok(summary);
    assert.equal(
      stormWords(summary),
      '6 changes in 6 sec: 5 clients disconnected, 1 client reconnected — a, b, c and 2 more',
    );
    assert.equal(
      stormWords({ count: 100, items: summary.items.slice(0, 1), from: 0, to: 10 }),
      '100 changes in under a second: 1 client disconnected (the first 1) — a',
    );
  });
});
