import * as assert from 'node:assert/strict';
import { buildSessions } from '../../../src/core/sessions';
import { detectFlapping, summarize } from '../../../src/core/summary';
import { connected, disconnected, failed, sec } from './fixtures';

// Sessions 0–100 (network), 150–400 (client), 500–700 (taken over), 700–open; a failed attempt at 450.
const history = buildSessions([
  connected(0),
  disconnected(100, 160),
  connected(150),
  disconnected(400, 0),
  failed(450),
  connected(500, 'A'),
  disconnected(700, 288, 'A'),
  connected(700.2, 'B'),
]);

describe('core/summary', () => {
  it('computes the figures over the whole history', () => {
    const s = summarize(history, { from: sec(0), to: sec(1000) });
    assert.equal(s.status, 'connected');
    assert.equal(s.uptimeRatio, 0.85); // (100 + 250 + 200 + 300) / 1000
    assert.equal(s.sessions, 4);
    assert.equal(s.medianSessionMs, 225_000); // lengths 100, 200, 250, 300 s
    assert.deepEqual(s.disconnectsByCause, { client: 1, server: 0, network: 1, takeover: 1, unknown: 0 });
    assert.equal(s.failedAttempts, 1);
    assert.equal(s.flapping.flapping, false);
    assert.equal(s.flapping.maxConnects, 3);
    assert.equal(s.measuredFrom, sec(0));
    assert.equal(s.measuredTo, sec(1000));
  });
  it('measures uptime only where the history reaches', () => {
    const s = summarize(history, { from: sec(-1000), to: sec(1000) });
    assert.equal(s.measuredFrom, sec(0));
    assert.equal(s.uptimeRatio, 0.85);
  });
  it('computes the figures over a part of the history', () => {
    const s = summarize(history, { from: sec(200), to: sec(600) });
    assert.equal(s.uptimeRatio, 0.75); // (200 + 100) / 400
    assert.equal(s.sessions, 2);
    assert.equal(s.medianSessionMs, 225_000); // whole lengths 250 and 200 s
    assert.deepEqual(s.disconnectsByCause, { client: 1, server: 0, network: 0, takeover: 0, unknown: 0 });
    assert.equal(s.failedAttempts, 1);
  });
  it('stops measuring at now when the range reaches into the future', () => {
    const s = summarize(history, { from: sec(0), to: sec(1000), now: sec(800) });
    assert.equal(s.uptimeRatio, 0.8125); // (100 + 250 + 200 + 100) / 800
    assert.equal(s.measuredTo, sec(800));
    assert.equal(s.medianSessionMs, 150_000); // 100, 100 (open so far), 200, 250 s
  });
  it('lets the state record say the current status', () => {
    assert.equal(summarize(history, { from: sec(0), to: sec(1000), status: 'disconnected' }).status, 'disconnected');
    assert.equal(summarize(history, { from: sec(0), to: sec(1000), status: 'unknown' }).status, 'connected');
  });
  it('says disconnected after a last disconnect, or only failed attempts; unknown with nothing', () => {
    assert.equal(
      summarize(buildSessions([connected(0), disconnected(5, 160)]), { from: sec(0), to: sec(10) }).status,
      'disconnected',
    );
    assert.equal(summarize(buildSessions([failed(1)]), { from: sec(0), to: sec(10) }).status, 'disconnected');
    const empty = summarize(buildSessions([]), { from: sec(0), to: sec(10) });
    assert.equal(empty.status, 'unknown');
    assert.equal(empty.uptimeRatio, undefined);
    assert.equal(empty.medianSessionMs, undefined);
    assert.equal(empty.sessions, 0);
  });
  it('counts the time before a first disconnect as unmeasured, not as uptime', () => {
    const s = summarize(buildSessions([disconnected(50, 160), connected(75)]), { from: sec(0), to: sec(100) });
    assert.equal(s.measuredFrom, sec(50));
    assert.equal(s.uptimeRatio, 0.5); // 25 of 50 s
    assert.equal(s.medianSessionMs, 25_000, 'the session of unknown start has no length');
    assert.equal(s.sessions, 2);
  });
  it('detects flapping at the threshold and reports the window', () => {
    const flappy = buildSessions([0, 60, 120, 180, 240].flatMap((t) => [connected(t), disconnected(t + 30, 160)]));
    const s = summarize(flappy, { from: sec(0), to: sec(3600) });
    assert.equal(s.flapping.flapping, true);
    assert.equal(s.flapping.maxConnects, 5);
    assert.equal(s.flapping.windowStart, sec(0));
    assert.equal(s.flapping.windowEnd, sec(240));
    const strict = summarize(flappy, { from: sec(0), to: sec(3600), flapping: { threshold: 6 } });
    assert.equal(strict.flapping.flapping, false);
    const narrow = summarize(flappy, { from: sec(0), to: sec(3600), flapping: { windowMs: 100_000 } });
    assert.equal(narrow.flapping.maxConnects, 2);
  });
  it('finds the densest window', () => {
    const f = detectFlapping([0, 1000, 50_000, 50_500, 51_000, 52_000, 90_000], { threshold: 4, windowMs: 5000 });
    assert.deepEqual(f, {
      flapping: true,
      maxConnects: 4,
      windowStart: 50_000,
      windowEnd: 52_000,
      threshold: 4,
      windowMs: 5000,
    });
    assert.deepEqual(detectFlapping([]), { flapping: false, maxConnects: 0, threshold: 5, windowMs: 600_000 });
  });
  it('summarizes 50,000 events', () => {
    const [up, timeout, closed] = [connected(0), disconnected(0, 160), disconnected(0, 91)];
    const events = [];
    for (let i = 0; i < 25_000; i++) {
      events.push(
        { ...up, key: `c${i}`, time: sec(i * 100) },
        { ...(i % 3 === 0 ? timeout : closed), key: `d${i}`, time: sec(i * 100 + 60) },
      );
    }
    const s = summarize(buildSessions(events), { from: sec(0), to: sec(2_500_000) });
    assert.equal(s.sessions, 25_000);
    assert.equal(s.uptimeRatio, 0.6);
    assert.equal(s.disconnectsByCause.network, 8334);
    assert.equal(s.flapping.maxConnects, 7); // connects 100 s apart within 600 s
  });
});
