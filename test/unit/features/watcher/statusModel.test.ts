import * as assert from 'node:assert/strict';
import type { PresenceSnapshot } from '../../../../src/core/presence/presence';
import { statusModel, type WatcherConnection } from '../../../../src/features/watcher/statusModel';
import { PinTally } from '../../../../src/features/watcher/tally';

const ORG = 'org123';
const id = (d: string) => `d:${ORG}:sensor:${d}`;
const connected: WatcherConnection = { state: 'connected', since: 0 };

function tally(states: Record<string, PresenceSnapshot['status']>): PinTally {
  const t = new PinTally();
  for (const [d, status] of Object.entries(states)) t.set({ clientId: id(d), status });
  return t;
}

describe('features/watcher/statusModel', () => {
  it('is hidden with nothing pinned', () => {
    assert.equal(statusModel({ connection: connected, tally: new PinTally(), problems: 0 }).kind, 'hidden');
  });
  it('counts connected clients: $(plug) 3/3', () => {
    const m = statusModel({
      connection: connected,
      tally: tally({ a: 'connected', b: 'connected', c: 'connected' }),
      problems: 0,
    });
    assert.deepEqual([m.kind, m.text, m.background], ['allConnected', '$(plug) 3/3', undefined]);
    assert.match(m.accessibility, /3 of 3 pinned clients connected/);
  });
  it('says who is offline, in warning colours', () => {
    const m = statusModel({
      connection: connected,
      tally: tally({ a: 'connected', 'sensor-7': 'disconnected', c: 'connected' }),
      problems: 0,
    });
    assert.deepEqual([m.kind, m.text, m.background], ['offline', '$(debug-disconnect) 1 offline: sensor-7', 'warning']);
    const many = statusModel({
      connection: connected,
      tally: tally({ a: 'disconnected', b: 'disconnected', c: 'disconnected' }),
      problems: 0,
    });
    assert.equal(many.text, '$(debug-disconnect) 3 offline: c, b +1');
    assert.match(many.accessibility, /3 of 3 pinned clients offline: c, b and 1 more/);
  });
  it('counts unknown clients out of the connected', () => {
    const m = statusModel({ connection: connected, tally: tally({ a: 'connected', b: 'unknown' }), problems: 0 });
    assert.deepEqual([m.kind, m.text], ['watching', '$(plug) 1/2']);
    assert.match(m.accessibility, /1 unknown/);
  });
  it("never reads the watcher's own reconnecting as clients offline", () => {
    const down: WatcherConnection = {
      state: 'reconnecting',
      since: 0,
      attempt: 2,
      retryInMs: 1000,
      reason: 'the broker closed the connection',
    };
    const m = statusModel({ connection: down, tally: tally({ a: 'disconnected', b: 'connected' }), problems: 0 });
    assert.equal(m.kind, 'reconnecting');
    assert.equal(m.background, undefined);
    assert.ok(!/offline/.test(m.text), m.text);
    assert.match(m.text, /Watcher reconnecting/);
    // Its retries are part of the same outage.
    assert.equal(
      statusModel({ connection: { state: 'connecting', attempt: 3 }, tally: tally({ a: 'disconnected' }), problems: 0 })
        .kind,
      'reconnecting',
    );
  });
  it('shows the watcher refused, stopped and connecting apart', () => {
    const t = tally({ a: 'connected' });
    const refused = statusModel({
      connection: { state: 'rejected', reason: 'bad token', connackCode: 5 },
      tally: t,
      problems: 0,
    });
    assert.deepEqual([refused.kind, refused.background], ['refused', 'error']);
    assert.equal(
      statusModel({ connection: { state: 'unavailable', why: { kind: 'noPlatform' } }, tally: t, problems: 0 }).kind,
      'stopped',
    );
    assert.equal(
      statusModel({ connection: { state: 'connecting', attempt: 1 }, tally: t, problems: 0 }).kind,
      'connecting',
    );
  });
  it('flags watcher problems', () => {
    const m = statusModel({ connection: connected, tally: tally({ a: 'connected' }), problems: 2 });
    assert.equal(m.text, '$(plug) 1/1 $(warning)');
    assert.match(m.accessibility, /2 watcher problems/);
  });
  it('keeps hostile names out of the icon syntax', () => {
    const t = new PinTally();
    t.set({ clientId: '$(check)\u202Eevil', status: 'disconnected' });
    const m = statusModel({ connection: connected, tally: t, problems: 0 });
    assert.equal(m.text, '$(debug-disconnect) 1 offline: evil');
  });
});
