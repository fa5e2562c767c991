import * as assert from 'node:assert/strict';
import { normaliseClientState } from '../../../../../src/core/clientState';
import {
  closedConnection,
  tokenAuthFailed,
  tokenAuthSucceeded,
  type ConnectionLogEntry,
} from '../../../../../src/core/connectionLog';
import { eventsFromLog, eventsFromState, mergeEvents } from '../../../../../src/core/events';
import { prepareDataset } from '../../../../../src/webview/timeline/model/dataset';
import { figuresFor } from '../../../../../src/webview/timeline/model/figures';
import { layoutTimeline } from '../../../../../src/webview/timeline/model/layout';
import { rangeWords, shownRange, spanWords } from '../../../../../src/webview/timeline/model/range';
import { MIN_SPAN, spanWindow } from '../../../../../src/webview/timeline/model/window';

// The device of the UI test's screenshot: a clean session, a keep-alive timeout, a bad token, a
// takeover, and a line nobody understands, all within two seconds (times are 08:17:ss.mmm UTC).
const ID = 'd:testor:sensor:timeline-1';
const IP = '127.0.0.1';
const at = (s: number) => Date.UTC(2026, 10, 26, 8, 17, 0) + Math.round(s * 1000);
const line = (s: number, message: string): ConnectionLogEntry => ({
  message,
  timestamp: new Date(at(s)).toISOString(),
});
const LOG: ConnectionLogEntry[] = [
  line(17.806, '<img src=x onerror=alert(1)></script> odd line'),
  line(17.795, tokenAuthSucceeded(ID, IP)),
  line(17.794, closedConnection(IP, 288)),
  line(17.772, tokenAuthSucceeded(ID, IP)),
  line(17.743, closedConnection(IP, 180)),
  line(17.743, tokenAuthFailed(ID, IP)),
  line(17.718, closedConnection(IP, 160)),
  line(16.198, tokenAuthSucceeded(ID, IP)),
  line(16.177, closedConnection(IP, 0)),
  line(15.867, tokenAuthSucceeded(ID, IP)),
];
const STATE = normaliseClientState({
  id: ID,
  clientType: 'device',
  connectionStatus: 'connected',
  lastConnectTime: new Date(at(17.795)).toISOString(),
  lastDisconnectTime: new Date(at(17.794)).toISOString(),
  closeCode: 288,
  mqttConnectProtocol: '3.1.1',
});

describe('webview/timeline/model: the range shown', () => {
  const now = at(17.851);
  const data = prepareDataset(mergeEvents([eventsFromLog(LOG), eventsFromState(STATE as NonNullable<typeof STATE>)]));

  it('"All" covers the whole history, first entry to now, and counts every cause in it', () => {
    assert.equal(data.events.length, 9, "nine entries (the bad token's two lines are one attempt)");
    const shown = shownRange('all', undefined, data.extent, now);
    assert.ok(
      shown.window.from <= at(15.867) && shown.window.to >= now,
      `window ${shown.window.from}–${shown.window.to}`,
    );
    assert.deepEqual(shown.covered, { from: at(15.867), to: now });
    const f = figuresFor(data, shown.window, 'connected', now, 0);
    const causes = Object.fromEntries(f.causes.map((c) => [c.cause, c.count]));
    assert.deepEqual(causes, { client: 1, network: 1, takeover: 1 }, 'the clean disconnect at 16.177 included');
    assert.equal(f.summary.failedAttempts, 1);
    assert.equal(f.figures.find((x) => x.id === 'sessions')?.value, '4');
    const marks = layoutTimeline(data, shown.window, 900, now).marks;
    const drawn = marks.reduce((n, m) => n + (m.kind === 'cluster' ? m.count : 1), 0);
    assert.equal(drawn, 4, 'the clean disconnect, the timeout, the bad token and the takeover are on the chart');
  });

  it('words a span under a minute to the millisecond, with its length in tenths of a second', () => {
    const words = rangeWords(shownRange('all', undefined, data.extent, now), 0);
    assert.equal(words, '2026-11-26 08:17:15.867 – 08:17:17.851 (1.9 sec, whole history)');
    const zoomed = shownRange('all', { from: at(17.618), to: at(17.894) }, data.extent, now);
    assert.equal(rangeWords(zoomed, 0), '2026-11-26 08:17:17.618 – 08:17:17.894 (276 ms, zoomed)');
  });

  it('words longer spans in seconds or minutes, and names the second day only when it differs', () => {
    const hour = shownRange('1h', undefined, data.extent, now);
    assert.equal(rangeWords(hour, 0), '2026-11-26 07:17 – 08:17 (1 hr)');
    const tenMinutes = { window: { from: at(0), to: at(600.5) }, covered: { from: at(0), to: at(600.5) } };
    assert.equal(rangeWords(tenMinutes, 0), '2026-11-26 08:17:00 – 08:27:00 (10 min)');
    const overMidnight = { window: { from: at(0), to: at(86_400) }, covered: { from: at(0), to: at(86_400) } };
    assert.equal(rangeWords(overMidnight, 60 * 60_000), '2026-11-26 09:17 – 2026-11-27 09:17 (1 day)');
    assert.deepEqual(
      [spanWords(59_999), spanWords(999.6), spanWords(-5), spanWords(Number.NaN)],
      ['59.9 sec', '1,000 ms', '0 ms', 'unknown'],
    );
  });

  it('zooms onto a span with a margin, never narrower than the smallest span', () => {
    // The cluster of the timeout, the bad token and the takeover (17.718–17.794): a tenth either side.
    const w = spanWindow(at(17.718), at(17.794));
    assert.ok(Math.abs(w.to - w.from - 76 * 1.2) < 0.01, `span ${w.to - w.from}`);
    assert.ok(w.from < at(17.718) && w.to > at(17.794));
    // A timeout and the failed attempt 4 ms after it: zoomed to the smallest span, where they stand apart.
    const close = spanWindow(at(17.769), at(17.773));
    assert.equal(close.to - close.from, MIN_SPAN);
    assert.ok(MIN_SPAN <= 20, 'events milliseconds apart can be told apart');
    const wide = spanWindow(0, 10_000);
    assert.deepEqual(wide, { from: -1000, to: 11_000 });
  });
});
