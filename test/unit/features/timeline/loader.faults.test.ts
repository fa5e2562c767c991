// The timeline's loading pipeline against a loopback fault server, for what the sandbox never
// sends: a 429 that outlasts the wait mid-stream, malformed, out-of-order and clock-skewed entries,
// an empty log.
import * as assert from 'node:assert/strict';
import { closedConnection } from '../../../../src/core/connectionLog';
import { MAX_LOG_MESSAGE } from '../../../../src/platform/rest/logs';
import { TimelineLoader } from '../../../../src/features/timeline/loader';
import { subjectOf } from '../../../../src/features/timeline/subject';
import { json, startFaultServer, type FaultServer } from '../../platform/support/faultServer';
import { iso, restOf, textOf } from './support';

describe('features/timeline/loader against faults the sandbox does not produce', () => {
  let server: FaultServer | undefined;
  afterEach(async () => server?.close());

  it('keeps what it read when a 429 outlasts the wait, and continues later', async () => {
    let limited = true;
    server = await startFaultServer((req, res) => {
      const url = new URL(req.url ?? '', 'http://x');
      if (url.pathname.includes('clientconnectionstates')) {
        return json(res, 404, { message: 'CUDCS0404E: not found', exception: { id: 'CUDCS0404E', properties: [] } });
      }
      const offset = Number(url.searchParams.get('offset'));
      if (offset >= 40 && limited) return json(res, 429, { message: 'slow down' }, { 'retry-after': '3600' });
      const entries = Array.from({ length: offset >= 60 ? 5 : 20 }, (_, i) => ({
        message: closedConnection('10.0.0.1', 160),
        timestamp: iso(100_000 - offset - i),
      }));
      json(res, 200, entries);
    });
    const rest = restOf(server.apiUrl, 'a-tstorg-abcdefghij', 'token', { maxRetryAfterMs: 100 });
    const loader = new TimelineLoader(subjectOf('d:tstorg:t:d'), rest, () => undefined);
    await loader.start();
    let s = loader.snapshot();
    assert.equal(s.progress?.state, 'failed');
    assert.equal(s.progress?.canResume, true);
    assert.equal(s.events.length, 40);
    assert.match(
      textOf(s.notices.find((n) => n.id === 'log')),
      /rate limit \(429\).*The 40 entries read before are shown/,
    );
    limited = false;
    await loader.resume();
    s = loader.snapshot();
    assert.equal(s.progress?.state, 'done');
    assert.equal(s.events.length, 65);
    assert.equal(
      s.notices.find((n) => n.id === 'log'),
      undefined,
    );
    rest.dispose();
  });

  it(
    'renders what it can of malformed, out-of-order and clock-skewed entries, and says what it could ' + 'not',
    async () => {
      const future = new Date(Date.now() + 3_600_000).toISOString();
      const body = [
        { message: 'Closed connection from 10.0.0.1. The connection timed out.', timestamp: iso(100) },
        {
          message: "Token auth succeeded: ClientID='d:tstorg:t:d', " + '' + '' + 'ClientIP=10.0.0.1',
          timestamp: iso(200),
        }, // out of order
        { message: 'no timestamp at all' },
        { message: 'a bad date', timestamp: '2024-13-45T99:00:00Z' },
        { message: `<img src=x onerror=alert(1)></script>${'x'.repeat(1024 * 1024)}`, timestamp: iso(50) },
        'not an entry',
        { message: 'from the future', timestamp: future },
      ];
      server = await startFaultServer((req, res) =>
        req.url?.includes('logs') ? json(res, 200, body) : json(res, 404, {}),
      );
      const rest = restOf(server.apiUrl, 'a-tstorg-abcdefghij', 'token');
      const loader = new TimelineLoader(subjectOf('d:tstorg:t:d'), rest, () => undefined);
      await loader.start();
      const s = loader.snapshot();
      assert.equal(s.events.length, body.length, 'every entry is kept');
      const text = (id: string) => textOf(s.notices.find((n) => n.id === id));
      assert.match(
        text('malformed'),
        /1 without a timestamp, 1 with an unreadable timestamp, 1 with a message too long, cut to its first 66,559 characters, 1 that is not an entry at all/,
      );
      // The 200 s entry after the 100 s one, and the future one after the 50 s one (newest first expected).
      assert.match(text('order'), /^2 log entries were out of time order/);
      assert.match(
        text('skew'),
        /^1 entry is dated up to 59 min \d+ sec in the future|^1 entry is dated up to 1 hr in the future/,
      );
      const huge = s.events.find((e) => e.kind === 'other' && e.raw.startsWith('<img'));
      assert.ok(
        huge && huge.kind === 'other' && huge.raw.length <= MAX_LOG_MESSAGE,
        'the 1 MB message is cut, kept as text',
      );
      rest.dispose();
    },
  );

  it('says the log is empty when it is', async () => {
    server = await startFaultServer((req, res) =>
      req.url?.includes('logs') ? json(res, 200, []) : json(res, 404, {}),
    );
    const rest = restOf(server.apiUrl, 'a-tstorg-abcdefghij', 'token');
    const loader = new TimelineLoader(subjectOf('d:tstorg:t:d'), rest, () => undefined);
    await loader.start();
    assert.match(textOf(loader.snapshot().notices.find((n) => n.id === 'empty')), /no entries/);
    rest.dispose();
  });
});
