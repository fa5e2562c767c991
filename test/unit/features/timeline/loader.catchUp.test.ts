// After the live feed was down, the timeline catches up against the real sandbox: the state record
// again and the newest log pages until one reaches what was read, prepended without duplicates or
// a false "out of order" notice; an application re-reads its record only and says so.
import * as assert from 'node:assert/strict';
import { closedConnection, tokenAuthSucceeded } from '../../../../src/core/connectionLog';
import { PlatformRestClient } from '../../../../src/platform';
import type { LogRequest } from '../../../../src/platform/rest/logs';
import { TimelineLoader } from '../../../../src/features/timeline/loader';
import { interruptionNotice } from '../../../../src/features/timeline/notices';
import { noticeText } from '../../../../src/webview/timeline/notices';
import { subjectOf } from '../../../../src/features/timeline/subject';
import { startTestSandbox, type DeviceCredentials, type TestSandbox } from '../../../support/sandbox';

const T = Date.UTC(2024, 0, 1, 12);
const iso = (s: number) => new Date(T + s * 1000).toISOString();

/** `count` entries from second `from`: connects and keep-alive timeouts in turn, 30 s apart. */
function append(sb: TestSandbox, d: DeviceCredentials, from: number, count: number): void {
  for (let i = 0; i < count; i++) {
    const message = i % 2 === 0 ? tokenAuthSucceeded(d.clientId, '10.0.0.1') : closedConnection('10.0.0.1', 160);
    sb.store.appendLog(d.typeId, d.deviceId, { message, timestamp: iso(from + i * 30) });
  }
}

describe('features/timeline/loader: catching up after live updates were interrupted', () => {
  let sb: TestSandbox;
  let rest: PlatformRestClient;
  before(async () => {
    sb = await startTestSandbox();
    rest = new PlatformRestClient({ apiUrl: sb.ready.apiUrl, apiKey: sb.ready.apiKey, apiToken: sb.ready.apiToken });
  });
  after(async () => {
    rest.dispose();
    await sb.close();
  });

  it('reads the newest pages until it meets what it read, and adds each missed entry once, in order', async () => {
    const d = sb.registerDevice('sensor', 'gap-1');
    append(sb, d, 0, 30);
    const offsets: number[] = [];
    const source = {
      getClientState: rest.getClientState.bind(rest),
      getConnectionLog: (request: LogRequest, signal?: AbortSignal) => {
        offsets.push(request.offset ?? 0);
        return rest.getConnectionLog(request, signal);
      },
    };
    const loader = new TimelineLoader(subjectOf(d.clientId), source, () => undefined);
    await loader.start();
    assert.equal(loader.snapshot().progress?.entries, 30);
    const before = loader.events().length;

    // 23 entries while the feed was down: more than a page (20).
    append(sb, d, 10_000, 23);
    offsets.length = 0;
    assert.equal(await loader.catchUp(), true);
    assert.deepEqual(offsets, [0, 20], 'the second page reaches what was read: no third');
    const events = loader.events();
    assert.equal(events.length, before + 23);
    assert.equal(new Set(events.map((e) => e.key)).size, events.length, 'no duplicates');
    const times = events.map((e) => e.time ?? NaN);
    assert.deepEqual(
      times,
      [...times].sort((a, b) => a - b),
    );
    assert.equal(events.at(-1)?.time, T + (10_000 + 22 * 30) * 1000, 'the newest missed entry is last');
    const s = loader.snapshot();
    assert.equal(s.progress?.entries, 53);
    assert.deepEqual(
      s.notices.filter((n) => n.id === 'order'),
      [],
      'newer entries put first are not out of order',
    );

    // Nothing new: one page, nothing added.
    offsets.length = 0;
    assert.equal(await loader.catchUp(), true);
    assert.deepEqual(offsets, [0]);
    assert.equal(loader.events().length, before + 23);
    loader.dispose();
  });

  it('reads only the state record of an application, and says what may be missing', async () => {
    const app = sb.app('gap-app');
    await new Promise<void>((resolve) => app.once('connect', () => resolve()));
    const appId = `a:${sb.ready.org}:gap-app`;
    let logCalls = 0;
    const source = {
      getClientState: rest.getClientState.bind(rest),
      getConnectionLog: () => Promise.reject(new Error(`log call ${++logCalls}`)),
    };
    const loader = new TimelineLoader(subjectOf(appId), source, () => undefined);
    await loader.start();
    assert.equal(loader.snapshot().status, 'connected');
    await app.endAsync();
    assert.equal(await loader.catchUp(), false);
    assert.equal(loader.snapshot().status, 'disconnected', 'the record read again');
    assert.equal(logCalls, 0);
    assert.match(
      noticeText(interruptionNotice(12_000, false, false)),
      /^Live updates were interrupted for 12 sec .*applications have no connection log\.$/,
    );
    loader.dispose();
  });

  it('words the interruption while reading, after reading, and when the log could not be read', () => {
    assert.match(
      noticeText(interruptionNotice(90_000, true, undefined)),
      /interrupted for 1 min 30 sec.*Reading what happened meanwhile/,
    );
    assert.equal(interruptionNotice(90_000, true, true).level, 'info');
    const failed = interruptionNotice(90_000, true, false);
    assert.equal(failed.level, 'warning');
    assert.match(noticeText(failed), /could not be read from the connection log: Reload to try again\.$/);
  });
});
