import * as assert from 'node:assert/strict';
import { buildSessions, sessionLength, type History } from '../../../src/core/sessions';
import { eventFromMonitor } from '../../../src/core/events';
import { connected, disconnected, failed, sec, T0 } from './fixtures';

/** Sessions as "start-end:cause" in seconds from T0; `?` for unknown or open. */
function shape(h: History): string[] {
  const s = (t: number | undefined) => (t === undefined ? '?' : String((t - T0) / 1000));
  return h.sessions.map((x) => `${s(x.start)}-${s(x.end)}${x.cause ? `:${x.cause}` : ''}`);
}
function gaps(h: History): string[] {
  return h.gaps.map(
    (g) => `${(g.start - T0) / 1000}-${g.end === undefined ? '?' : (g.end - T0) / 1000}:${g.cause}:${g.failedAttempts}`,
  );
}

describe('core/sessions', () => {
  it('pairs connects with disconnects and finds the gaps', () => {
    const h = buildSessions([connected(0), disconnected(60, 160), connected(90), disconnected(200, 0)]);
    assert.deepEqual(shape(h), ['0-60:network', '90-200:client']);
    assert.deepEqual(gaps(h), ['60-90:network:0', '200-?:client:0']);
    assert.equal(h.sessions[0].connect?.kind, 'connected');
    assert.equal(h.sessions[0].disconnect?.closeCode, 160);
  });
  it('leaves the last session open while still connected', () => {
    const h = buildSessions([connected(0), disconnected(10, 91), connected(20)]);
    assert.deepEqual(shape(h), ['0-10:client', '20-?']);
    assert.deepEqual(gaps(h), ['10-20:client:0']);
    assert.equal(sessionLength(h.sessions[1], sec(50)), 30_000);
  });
  it('joins back-to-back sessions without a gap', () => {
    const h = buildSessions([connected(0), disconnected(10, 91), connected(10), disconnected(20, 92)]);
    assert.deepEqual(shape(h), ['0-10:client', '10-20:server']);
    assert.deepEqual(gaps(h), ['20-?:server:0']);
  });
  it('keeps a takeover connected when the 288 comes first', () => {
    const h = buildSessions([
      connected(0, 'A'),
      disconnected(30, 288, 'A'),
      connected(30.2, 'B'),
      disconnected(90, 160, 'B'),
    ]);
    assert.deepEqual(shape(h), ['0-30:takeover', '30-90:network']);
    assert.deepEqual(gaps(h), ['90-?:network:0']);
    assert.equal(h.sessions[0].disconnect?.closeCode, 288);
    assert.equal(h.sessions[1].connect?.clientAddr, 'B');
  });
  it('keeps a takeover connected when the newer connect comes first', () => {
    const h = buildSessions([connected(0, 'A'), connected(30, 'B'), disconnected(30.3, 288, 'A')]);
    assert.deepEqual(shape(h), ['0-30:takeover', '30-?']);
    assert.deepEqual(gaps(h), []);
    assert.equal(h.sessions[0].disconnect?.closeCode, 288, 'the 288 is attached to the session it ended');
    assert.deepEqual(h.unmatched, []);
  });
  it('stays connected after a 288 whose newer connect never arrives', () => {
    const h = buildSessions([connected(0, 'A'), disconnected(30, 288, 'A')]);
    assert.deepEqual(shape(h), ['0-30:takeover', '30-?']);
    assert.equal(h.sessions[1].connect, undefined);
    assert.deepEqual(gaps(h), []);
  });
  it('does not adopt a connect long after a takeover', () => {
    const h = buildSessions([connected(0, 'A'), disconnected(30, 288, 'A'), connected(3600, 'C')]);
    assert.deepEqual(shape(h), ['0-30:takeover', '30-3600:takeover', '3600-?']);
  });
  it('starts the history with a session whose start is unknown when it begins with a disconnect', () => {
    const h = buildSessions([disconnected(10, 160), connected(20)]);
    assert.deepEqual(shape(h), ['?-10:network', '20-?']);
    assert.equal(sessionLength(h.sessions[0], sec(100)), undefined);
  });
  it('keeps a disconnect it cannot place as unmatched', () => {
    const h = buildSessions([connected(0), disconnected(10, 91), disconnected(15, 160)]);
    assert.deepEqual(shape(h), ['0-10:client']);
    assert.equal(h.unmatched.length, 1);
  });
  it('collects failed attempts and counts them in their gap', () => {
    const h = buildSessions([
      connected(0),
      disconnected(10, 91),
      failed(12),
      failed(14),
      connected(20),
      failed(25),
      disconnected(30, 91),
      failed(40),
    ]);
    assert.equal(h.failedAttempts.length, 4);
    assert.deepEqual(gaps(h), ['10-20:client:2', '30-?:client:1']);
    assert.deepEqual(shape(h), ['0-10:client', '20-30:client']);
  });
  it('skips undated and other events', () => {
    const h = buildSessions([
      connected(0),
      eventFromMonitor({ Action: 'Disconnect' }),
      eventFromMonitor({ Action: 'Odd', Time: new Date(sec(5)).toISOString() }),
    ]);
    assert.deepEqual(shape(h), ['0-?']);
  });
  it('puts events in time order first when they are not', () => {
    const h = buildSessions([disconnected(60, 160), connected(90), connected(0)]);
    assert.deepEqual(shape(h), ['0-60:network', '90-?']);
  });
  it('returns nothing for no events', () => {
    assert.deepEqual(buildSessions([]), { sessions: [], gaps: [], failedAttempts: [], unmatched: [] });
  });
});
