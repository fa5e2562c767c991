import * as assert from 'node:assert/strict';
import { prepareDataset } from '../../../../../src/webview/timeline/model/dataset';
import { figuresFor } from '../../../../../src/webview/timeline/model/figures';
import { layoutTimeline, DEFAULT_LIMITS } from '../../../../../src/webview/timeline/model/layout';
import { axisTicks, formatLocal, timeToX, xToTime, zoneName } from '../../../../../src/webview/timeline/model/scale';
import { rowsInView, scrollToRow } from '../../../../../src/webview/timeline/model/virtual';
import { MIN_SPAN, panWindow, presetWindow, zoomWindow } from '../../../../../src/webview/timeline/model/window';
import { connected, disconnected, failed, sec, T0 } from '../../../core/fixtures';
import { syntheticHistory } from './synthetic';

const H = 3_600_000;

describe('webview/timeline/model: window and scale', () => {
  it('gives each range preset its span ending now, and "all" the data plus now', () => {
    const now = sec(10_000);
    assert.deepEqual(presetWindow('1h', undefined, now), { from: now - H, to: now });
    assert.deepEqual(presetWindow('7d', undefined, now), { from: now - 7 * 24 * H, to: now });
    const all = presetWindow('all', { min: sec(0), max: sec(100) }, now);
    assert.ok(all.from < sec(0) && all.to > now, 'all covers the first event and now');
  });
  it('zooms about an anchor that stays put, never below the smallest span, and pans by a share', () => {
    const w = { from: 0, to: 1000 * 1000 };
    const z = zoomWindow(w, 0.5, 250_000);
    assert.equal(z.to - z.from, 500_000);
    assert.equal(timeToX(250_000, z, 100), timeToX(250_000, w, 100));
    assert.equal(zoomWindow({ from: 0, to: 1000 }, 0.001).to - zoomWindow({ from: 0, to: 1000 }, 0.001).from, MIN_SPAN);
    assert.deepEqual(panWindow(w, -0.25), { from: -250_000, to: 750_000 });
    assert.equal(xToTime(timeToX(123_456, w, 800), w, 800), 123_456);
  });
  it('puts ticks at round local times, at least the minimum gap apart, dates at day boundaries', () => {
    const w = { from: Date.UTC(2024, 0, 1, 22, 0), to: Date.UTC(2024, 0, 2, 2, 0) };
    const ticks = axisTicks(w, 800, 0, 90);
    assert.ok(ticks.length >= 4 && ticks.length <= 9, `${ticks.length} ticks`);
    for (let i = 1; i < ticks.length; i++) assert.ok(ticks[i].x - ticks[i - 1].x >= 90 - 1e-9);
    const midnight = ticks.find((t) => t.time === Date.UTC(2024, 0, 2));
    assert.ok(midnight?.major && midnight.label.startsWith('2024-01-02'), JSON.stringify(midnight));
    // In UTC+01:00 the day boundary is an hour earlier.
    const shifted = axisTicks(w, 800, H, 90).find((t) => t.major);
    assert.equal(shifted?.time, Date.UTC(2024, 0, 1, 23));
    assert.equal(zoneName(-5.5 * H), 'UTC-05:30');
    assert.equal(formatLocal(Date.UTC(2024, 0, 1, 12, 0, 1, 5), H), '2024-01-01 13:00:01.005');
  });
  it('ticks a window of under a second in milliseconds', () => {
    const ticks = axisTicks({ from: Date.UTC(2024, 0, 1, 12), to: Date.UTC(2024, 0, 1, 12) + 800 }, 900, 0, 90);
    assert.ok(ticks.length >= 4, `${ticks.length} ticks`);
    assert.equal(ticks[1].label, '12:00:00.100');
  });
  it('never makes more than 100 ticks, whatever the input', () => {
    assert.ok(axisTicks({ from: 0, to: 1e13 }, 100_000, 0, 1).length <= 100);
    assert.deepEqual(axisTicks({ from: 5, to: 5 }, 800, 0), []);
  });
});

describe('webview/timeline/model: layout', () => {
  const history = [
    connected(0),
    disconnected(60, 160),
    failed(70),
    connected(100),
    disconnected(200, 288),
    connected(200.5),
    disconnected(400, 91),
  ];

  it('draws each session, gap and mark when they are few, with words under the marks', () => {
    const data = prepareDataset(history);
    const l = layoutTimeline(data, { from: sec(-10), to: sec(410) }, 840, sec(500));
    assert.equal(l.denseLane, false);
    assert.equal(l.clustered, false);
    assert.equal(l.lane.filter((i) => i.kind === 'session').length, 3);
    assert.ok(l.lane.some((i) => i.kind === 'gap'));
    const marks = l.marks.filter((m) => m.kind === 'mark');
    assert.deepEqual(
      marks.map((m) => m.kind === 'mark' && m.mark.category),
      ['network', 'failed', 'takeover', 'client'],
    );
    // Words where there is room: the failed attempt 10 s after the timeout has none, and no two overlap.
    assert.deepEqual(
      marks.map((m) => m.kind === 'mark' && m.label),
      ['network', false, 'taken over', 'client'].map((w) => w || undefined),
    );
    const labelled = marks.filter((m) => m.kind === 'mark' && m.label);
    for (let i = 1; i < labelled.length; i++) assert.ok(labelled[i].x - labelled[i - 1].x > 60);
  });
  it('drops a word that would run into a neighbouring cluster', () => {
    const data = prepareDataset([connected(0), disconnected(10, 91), failed(13), failed(13.05), failed(13.1)]);
    const l = layoutTimeline(data, { from: sec(0), to: sec(100) }, 1000, sec(100));
    assert.deepEqual(
      l.marks.map((m) => m.kind),
      ['mark', 'cluster'],
    );
    assert.equal(l.marks[0].kind === 'mark' && l.marks[0].label, undefined);
  });
  it('keeps the element count bounded for 50,000 events at every zoom', () => {
    const now = T0;
    const data = prepareDataset(syntheticHistory(50_000, now));
    assert.ok(data.history.sessions.length > 10_000);
    const all = presetWindow('all', data.extent, now);
    for (let span = all.to - all.from; span > 60_000; span /= 8) {
      const l = layoutTimeline(data, { from: now - span, to: now }, 1200, now);
      assert.ok(
        l.lane.length <= Math.max(DEFAULT_LIMITS.maxBars, Math.ceil(1200 / DEFAULT_LIMITS.columnPx)),
        `${l.lane.length} lane items at span ${span}`,
      );
      assert.ok(
        l.marks.length <= Math.max(DEFAULT_LIMITS.maxMarks, Math.ceil(1200 / DEFAULT_LIMITS.clusterPx) + 1),
        `${l.marks.length} marks at span ${span}`,
      );
    }
    const whole = layoutTimeline(data, all, 1200, now);
    assert.ok(whole.denseLane && whole.clustered);
    const counted = whole.marks.reduce((n, m) => n + (m.kind === 'cluster' ? m.count : 1), 0);
    assert.equal(counted, data.marks.length, 'clusters account for every mark');
  });
  it('spends the dense lane by the share of each column connected', () => {
    // Ten connects a second apart, each lasting half a second: about half of every column is up.
    const events = Array.from({ length: 800 }, (_, i) => [connected(i), disconnected(i + 0.5, 91)]).flat();
    const data = prepareDataset(events);
    const l = layoutTimeline(data, { from: sec(0), to: sec(800) }, 400, sec(800), {
      ...DEFAULT_LIMITS,
      maxBars: 10,
      columnPx: 4,
    });
    assert.ok(l.denseLane);
    const levels = new Set(l.lane.map((i) => (i.kind === 'coverage' ? i.level : -1)));
    assert.deepEqual([...levels], [2]);
  });
  it('draws nothing for an empty history or a zero-width chart', () => {
    const empty = prepareDataset([]);
    assert.deepEqual(layoutTimeline(empty, { from: 0, to: 1000 }, 800, 1000).marks, []);
    assert.deepEqual(layoutTimeline(prepareDataset(history), { from: 0, to: 1000 }, 0, 1000).lane, []);
  });
  it('sorts stray out-of-order events and keeps undated ones out of the picture', () => {
    const undated = { ...disconnected(5, 92), time: undefined, timeIssue: 'missing' as const, key: 'undated' };
    const data = prepareDataset([disconnected(60, 160), connected(0), undated]);
    assert.equal(data.undated, 1);
    assert.deepEqual(
      data.marks.map((m) => m.time),
      [sec(60)],
    );
    assert.equal(data.history.sessions.length, 1);
  });
});

describe('webview/timeline/model: figures and list', () => {
  it('summarises the range in words with the flapping warning', () => {
    const flaps = Array.from({ length: 6 }, (_, i) => [connected(i * 20), disconnected(i * 20 + 10, 160)]).flat();
    const f = figuresFor(prepareDataset(flaps), { from: sec(0), to: sec(200) }, 'disconnected', sec(200), 0);
    assert.equal(f.status, 'disconnected');
    assert.equal(f.figures.find((x) => x.id === 'sessions')?.value, '6');
    assert.equal(f.figures.find((x) => x.id === 'uptime')?.value, '30%');
    assert.deepEqual(f.causes, [{ cause: 'network', count: 6 }]);
    assert.match(f.flapping ?? '', /^Flapping: 6 connects within 10 min/);
  });
  it('renders only the rows in view, and scrolls a row into view', () => {
    assert.deepEqual(rowsInView(0, 240, 24, 50_000, 0), { first: 0, end: 10 });
    assert.deepEqual(rowsInView(24 * 1000, 240, 24, 50_000, 5), { first: 995, end: 1015 });
    assert.deepEqual(rowsInView(0, 240, 24, 0), { first: 0, end: 0 });
    assert.equal(scrollToRow(20, 0, 240, 24), 21 * 24 - 240);
    assert.equal(scrollToRow(5, 0, 240, 24), undefined);
    assert.equal(scrollToRow(2, 240, 240, 24), 48);
  });
});
