// The timeline's loading pipeline against the real sandbox over HTTP on loopback: first page at
// once, older pages after, state, live messages merged without duplicates, stop/continue, 404, an
// application's record only. What the sandbox never sends: loader.faults.test.ts.
import * as assert from 'node:assert/strict';
import { closedConnection, tokenAuthFailed, tokenAuthSucceeded } from '../../../../src/core/connectionLog';
import type { PlatformRestClient } from '../../../../src/platform';
import type { TimelineSnapshot } from '../../../../src/shared/protocol';
import { TimelineLoader } from '../../../../src/features/timeline/loader';
import { subjectOf } from '../../../../src/features/timeline/subject';
import { startTestSandbox, type DeviceCredentials, type TestSandbox } from '../../../support/sandbox';
import { waitFor } from '../../../support/waitFor';
import { iso, restOf, textOf } from './support';

/** A device's log: `cycles` × (connect, timeout), then a bad-token attempt and a takeover. */
function seedLog(sb: TestSandbox, d: DeviceCredentials, cycles: number): number {
  let s = 0;
  for (let i = 0; i < cycles; i++) {
    sb.store.appendLog(d.typeId, d.deviceId, {
      message: tokenAuthSucceeded(d.clientId, '10.0.0.1'),
      timestamp: iso(s),
    });
    sb.store.appendLog(d.typeId, d.deviceId, { message: closedConnection('10.0.0.1', 160), timestamp: iso(s + 50) });
    s += 60;
  }
  sb.store.appendLog(d.typeId, d.deviceId, { message: tokenAuthFailed(d.clientId, '10.9.9.9'), timestamp: iso(s) });
  sb.store.appendLog(d.typeId, d.deviceId, { message: closedConnection('10.9.9.9', 180), timestamp: iso(s) });
  sb.store.appendLog(d.typeId, d.deviceId, {
    message: tokenAuthSucceeded(d.clientId, '10.0.0.2'),
    timestamp: iso(s + 10),
  });
  sb.store.appendLog(d.typeId, d.deviceId, { message: closedConnection('10.0.0.2', 288), timestamp: iso(s + 20) });
  sb.store.appendLog(d.typeId, d.deviceId, {
    message: tokenAuthSucceeded(d.clientId, '10.0.0.3'),
    timestamp: iso(s + 20),
  });
  return cycles * 2 + 5;
}

function recorder(): { snapshots: TimelineSnapshot[]; loader?: TimelineLoader; changed: () => void } {
  const r: { snapshots: TimelineSnapshot[]; loader?: TimelineLoader; changed: () => void } = {
    snapshots: [],
    changed: () => r.loader && r.snapshots.push(r.loader.snapshot()),
  };
  return r;
}

describe('features/timeline/loader against the sandbox', () => {
  let sb: TestSandbox;
  let rest: PlatformRestClient;
  /** What the panel's Reload does: the loader disposed, a fresh one for the same client started. */
  const reloaded = async (old: TimelineLoader) => {
    old.dispose();
    const loader = new TimelineLoader(subjectOf(old.subject.clientId), rest, () => undefined);
    await loader.start();
    return loader;
  };
  before(async () => {
    sb = await startTestSandbox();
    rest = restOf(sb.ready.apiUrl, sb.ready.apiKey, sb.ready.apiToken);
  });
  after(async () => {
    rest.dispose();
    await sb.close();
  });

  it('shows the newest page first, then streams older pages to the end, with every cause classified', async () => {
    const d = sb.registerDevice('sensor', 'hist-1');
    const total = seedLog(sb, d, 30); // 65 entries: 4 pages
    const r = recorder();
    const loader = (r.loader = new TimelineLoader(subjectOf(d.clientId), rest, r.changed));
    await loader.start();
    const firstPage = r.snapshots.find((s) => s.progress?.pages === 1);
    assert.ok(firstPage, 'a snapshot after the first page');
    assert.equal(firstPage.progress?.state, 'loading');
    assert.equal(firstPage.progress?.entries, 20);
    const last = loader.snapshot();
    assert.deepEqual(last.progress, { state: 'done', entries: total, pages: 4, maxPages: 51, canResume: false });
    const kinds = last.events.map((e) => (e.kind === 'disconnected' ? `${e.kind}:${e.cause}` : e.kind));
    assert.equal(kinds.filter((k) => k === 'disconnected:network').length, 30);
    assert.equal(
      kinds.filter((k) => k === 'failedConnect').length,
      1,
      'the bad token and its close are one failed attempt',
    );
    assert.equal(kinds.filter((k) => k === 'disconnected:takeover').length, 1);
    // The state record: the device never connected over MQTT here, so the platform has none.
    assert.ok(last.notices.some((n) => n.id === 'state'));
    assert.equal(last.status, 'unknown');
  });

  it('merges live monitor messages without duplicating what the log already has', async () => {
    const d = sb.registerDevice('sensor', 'live-1');
    seedLog(sb, d, 2);
    const loader = new TimelineLoader(subjectOf(d.clientId), rest, () => undefined);
    await loader.start();
    const before = loader.events().length;
    // The monitor's report of the last connect the log has (same instant): one event, seen twice.
    loader.addMonitor(
      { Action: 'Connect', Time: iso(140), ClientID: d.clientId, ClientAddr: '10.0.0.3', User: 'use-token-auth' },
      Date.now(),
    );
    assert.equal(loader.events().length, before);
    assert.deepEqual(loader.events().at(-1)?.alsoSeenIn, ['monitor']);
    // Re-delivered retained message: still nothing new. A real new disconnect: one more, status follows.
    loader.addMonitor(
      { Action: 'Connect', Time: iso(140), ClientID: d.clientId, ClientAddr: '10.0.0.3', User: 'use-token-auth' },
      Date.now(),
    );
    loader.addMonitor(
      { Action: 'Disconnect', Time: iso(500), ClientID: d.clientId, ClientAddr: '10.0.0.3', CloseCode: 94 },
      Date.now(),
    );
    assert.equal(loader.events().length, before + 1);
    assert.equal(loader.snapshot().status, 'disconnected');
  });

  it('reads the state record of a real client and agrees with what happened over MQTT', async () => {
    const d = sb.registerDevice('sensor', 'real-1');
    const device = sb.device(d);
    await waitFor('the device to connect', () => device.connected, { timeoutMs: 5000 });
    let loader = new TimelineLoader(subjectOf(d.clientId), rest, () => undefined);
    await waitFor(
      'the state record to say connected',
      async () => {
        loader = await reloaded(loader);
        return loader.snapshot().status === 'connected';
      },
      { timeoutMs: 5000, intervalMs: 100 },
    );
    const kinds = loader.events().map((e) => e.kind);
    assert.ok(kinds.includes('connected'));
    await device.endAsync();
  });

  it('adds no duplicates when new entries shift the pages while it reads', async () => {
    const d = sb.registerDevice('sensor', 'shift-1');
    seedLog(sb, d, 25);
    let pages = 0;
    const shifting = {
      getClientState: rest.getClientState.bind(rest),
      getConnectionLog: async (...args: Parameters<PlatformRestClient['getConnectionLog']>) => {
        const page = await rest.getConnectionLog(...args);
        // Two entries written after each page was read: the next page repeats two.
        if (++pages < 3) {
          for (const s of [10_000 + pages * 2, 10_001 + pages * 2]) {
            sb.store.appendLog(d.typeId, d.deviceId, {
              message: tokenAuthSucceeded(d.clientId, '10.0.0.7'),
              timestamp: iso(s),
            });
          }
        }
        return page;
      },
    };
    const loader = new TimelineLoader(subjectOf(d.clientId), shifting, () => undefined);
    await loader.start();
    const keys = loader.events().map((e) => e.key);
    assert.equal(new Set(keys).size, keys.length);
    assert.equal(loader.snapshot().progress?.entries, 55, 'the 55 entries that existed when it started, each once');
  });

  it('stops when asked and continues from where it stopped', async () => {
    const d = sb.registerDevice('sensor', 'stop-1');
    seedLog(sb, d, 50); // 105 entries: 6 pages
    let stopped = false;
    const loader: TimelineLoader = new TimelineLoader(subjectOf(d.clientId), rest, () => {
      if (stopped || loader?.snapshot().progress?.pages !== 2) return;
      stopped = true;
      loader.stop();
    });
    await loader.start();
    const atStop = loader.snapshot().progress;
    assert.equal(atStop?.state, 'stopped');
    assert.equal(atStop?.canResume, true);
    assert.ok((atStop?.entries ?? 0) >= 40 && (atStop?.entries ?? 0) < 105);
    await loader.resume();
    assert.deepEqual(loader.snapshot().progress, {
      state: 'done',
      entries: 105,
      pages: 6,
      maxPages: 51,
      canResume: false,
    });
  });

  it('says so when the device type has no log (404), and still reads the state', async () => {
    const loader = new TimelineLoader(subjectOf(`d:${sb.ready.org}:nosuchtype:x`), rest, () => undefined);
    await loader.start();
    const s = loader.snapshot();
    assert.equal(s.progress?.state, 'failed');
    assert.equal(s.progress?.canResume, false);
    assert.match(textOf(s.notices.find((n) => n.id === 'log')), /no connection log for this client \(404/);
  });

  it('reads only the state and live messages of an application, and says why', async () => {
    const app = sb.app('viewer');
    await waitFor('the app to connect', () => app.connected, { timeoutMs: 5000 });
    const clientId = `a:${sb.ready.org}:viewer`;
    let loader = new TimelineLoader(subjectOf(clientId), rest, () => undefined);
    await waitFor(
      'the state record',
      async () => {
        loader = await reloaded(loader);
        return loader.snapshot().status === 'connected';
      },
      { timeoutMs: 5000, intervalMs: 100 },
    );
    const s = loader.snapshot();
    assert.equal(s.progress, undefined, 'no log is read');
    assert.match(textOf(s.notices.find((n) => n.id === 'noLog')), /Applications have no connection log/);
    await app.endAsync();
  });
});
