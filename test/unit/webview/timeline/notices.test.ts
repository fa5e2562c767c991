// The panel's notices are facts (shared/notices.ts) until the page words them: every kind has its
// words, numbers are counted right in the singular and the plural, and details are kept as given.
import * as assert from 'node:assert/strict';
import type { LiveDown, Notice } from '../../../../src/shared/notices';
import { noticeText } from '../../../../src/webview/timeline/notices';
import { ONE_OF_EACH } from './noticeKinds';

describe('webview/timeline/notices: the words of the panel', () => {
  it('words every kind of notice as one sentence', () => {
    for (const [kind, notice] of Object.entries(ONE_OF_EACH)) {
      const text = noticeText(notice);
      assert.ok(text.length > 10 && !/undefined|\[object|NaN/.test(text), `${kind}: ${text}`);
    }
  });

  it('counts in the singular and the plural, and says how many entries are kept', () => {
    assert.equal(
      noticeText(ONE_OF_EACH.entriesUnreadable),
      'Some log entries could not be read fully: 1 without a timestamp, 2 with a message too long, cut to its ' +
        'first 4,096 characters. They are listed; those without a usable time are not drawn.',
    );
    assert.match(noticeText(ONE_OF_EACH.entriesOutOfOrder), /^1 log entry was out of time order/);
    assert.match(noticeText({ ...ONE_OF_EACH.entriesOutOfOrder, count: 2 } as Notice), /^2 log entries were out/);
    assert.match(noticeText(ONE_OF_EACH.entriesInFuture), /^3 entries are dated up to 1 min 30 sec in the future/);
    assert.match(noticeText(ONE_OF_EACH.linesNotUnderstood), /^2 log lines were not understood/);
    assert.match(noticeText(ONE_OF_EACH.logRateLimited), /\(429\).*The 40 entries read before are shown\./);
    assert.doesNotMatch(noticeText(ONE_OF_EACH.logNotFound), /read before/);
  });

  it("keeps the details and the host's words as given", () => {
    assert.equal(
      noticeText(ONE_OF_EACH.logFailed),
      'Reading the connection log failed: socket hang up The 1 entry read before is shown.',
    );
    assert.equal(noticeText(ONE_OF_EACH.stateFailed), 'The state record could not be read: ECONNRESET');
    assert.equal(noticeText(ONE_OF_EACH.noPlatform), 'Nenhuma plataforma conectada.');
  });

  it('says why live updates are not flowing', () => {
    const live = (why: LiveDown) => noticeText({ id: 'live', level: 'info', kind: 'liveDown', why });
    assert.equal(
      live({ kind: 'topicRefused' }),
      'Live updates are not flowing: the monitor topic was refused: no reason given.',
    );
    assert.equal(
      live({ kind: 'reconnecting', detail: 'ECONNREFUSED' }),
      'Live updates are not flowing: the monitor connection dropped (ECONNREFUSED); reconnecting.',
    );
    assert.equal(live({ kind: 'noMonitor', detail: 'bad URL' }), 'Live updates are not flowing: bad URL.');
  });

  it('words an interruption by what was read meanwhile', () => {
    const gap = (hasLog: boolean, read?: boolean) =>
      noticeText({ id: 'gap', level: 'info', kind: 'liveInterrupted', offlineMs: 12_000, hasLog, read });
    assert.match(
      gap(false, false),
      /^Live updates were interrupted for 12 sec .*applications have no connection log\.$/,
    );
    assert.match(gap(true), /Reading what happened meanwhile from the connection log…$/);
    assert.match(gap(true, true), /was read from the connection log\.$/);
    assert.match(gap(true, false), /could not be read from the connection log: Reload to try again\.$/);
  });
});
