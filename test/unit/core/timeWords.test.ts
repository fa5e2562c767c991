import * as assert from 'node:assert/strict';
import { formatDuration, formatPercent, formatRelative } from '../../../src/core/timeWords';

const NOW = Date.UTC(2024, 5, 15, 12, 0, 0);
const s = 1000,
  min = 60 * s,
  h = 60 * min,
  d = 24 * h;

describe('core/timeWords', () => {
  it('says how long ago, in the largest whole unit', () => {
    const cases: [number, string][] = [
      [0, 'just now'],
      [59 * s, 'just now'],
      [60 * s, '1 min ago'],
      [3 * min + 59 * s, '3 min ago'],
      [59 * min, '59 min ago'],
      [h, '1 h ago'],
      [2 * h + 59 * min, '2 h ago'],
      [23 * h, '23 h ago'],
      [d, '1 d ago'],
      [5 * d + 23 * h, '5 d ago'],
      [59 * d, '59 d ago'],
    ];
    for (const [ago, words] of cases) assert.equal(formatRelative(NOW - ago, NOW), words, String(ago));
  });
  it('gives a date for long ago', () => {
    assert.equal(formatRelative(NOW - 60 * d, NOW), 'on 2024-04-16');
    assert.equal(formatRelative(0, NOW), 'on 1970-01-01');
  });
  it('reads a time slightly ahead (clock skew) as just now, and one far ahead as in the future', () => {
    assert.equal(formatRelative(NOW + 90 * s, NOW), 'just now');
    assert.equal(formatRelative(NOW + 2 * min, NOW), 'just now');
    assert.equal(formatRelative(NOW + 5 * min, NOW), 'in 5 min');
    assert.equal(formatRelative(NOW + 3 * h, NOW), 'in 3 h');
    assert.equal(formatRelative(NOW + 400 * d, NOW), 'in 400 d');
  });
  it('says unknown for what is not a time', () => {
    for (const bad of [undefined, NaN, Infinity, -Infinity]) assert.equal(formatRelative(bad, NOW), 'unknown');
    assert.equal(formatRelative(NOW, NaN), 'unknown');
  });
  it('writes durations in two units at most', () => {
    const cases: [number, string][] = [
      [0, '< 1 s'],
      [999, '< 1 s'],
      [s, '1 s'],
      [45 * s, '45 s'],
      [2 * min + 5 * s, '2 min 5 s'],
      [2 * min, '2 min'],
      [h + 20 * min + 30 * s, '1 h 20 min'],
      [2 * h, '2 h'],
      [3 * d + 4 * h + 5 * min, '3 d 4 h'],
      [10 * d, '10 d'],
    ];
    for (const [ms, words] of cases) assert.equal(formatDuration(ms), words, String(ms));
    assert.equal(formatDuration(-5000), '< 1 s');
    assert.equal(formatDuration(NaN), 'unknown');
    assert.equal(formatDuration(undefined), 'unknown');
  });
  it('writes percentages that never round to a lie', () => {
    assert.equal(formatPercent(1), '100 %');
    assert.equal(formatPercent(0), '0 %');
    assert.equal(formatPercent(0.85), '85 %');
    assert.equal(formatPercent(0.8125), '81.3 %');
    assert.equal(formatPercent(0.99999), '99.9 %');
    assert.equal(formatPercent(0.00001), '0.1 %');
    assert.equal(formatPercent(1.5), '100 %');
    assert.equal(formatPercent(undefined), 'unknown');
  });
});
