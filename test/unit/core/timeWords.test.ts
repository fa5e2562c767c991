import * as assert from 'node:assert/strict';
import { formatDuration, formatPercent, formatRelative, formatSpan } from '../../../src/core/timeWords';
import { inPortuguese } from '../support/language';

const NOW = Date.UTC(2024, 5, 15, 12, 0, 0);
const s = 1000,
  min = 60 * s,
  h = 60 * min,
  d = 24 * h;

describe('core/timeWords', () => {
  it('says how long ago, in the largest whole unit (Intl.RelativeTimeFormat)', () => {
    const cases: [number, string][] = [
      [0, 'just now'],
      [59 * s, 'just now'],
      [60 * s, '1 min. ago'],
      [3 * min + 59 * s, '3 min. ago'],
      [59 * min, '59 min. ago'],
      [h, '1 hr. ago'],
      [2 * h + 59 * min, '2 hr. ago'],
      [23 * h, '23 hr. ago'],
      [d, '1 day ago'],
      [5 * d + 23 * h, '5 days ago'],
      [59 * d, '59 days ago'],
    ];
    for (const [ago, words] of cases) assert.equal(formatRelative(NOW - ago, NOW), words, String(ago));
  });
  it('gives a date for long ago', () => {
    assert.equal(formatRelative(NOW - 60 * d, NOW), 'on Apr 16, 2024');
    assert.equal(formatRelative(0, NOW), 'on Jan 1, 1970');
  });
  it('reads a time slightly ahead (clock skew) as just now, and one far ahead as in the future', () => {
    assert.equal(formatRelative(NOW + 90 * s, NOW), 'just now');
    assert.equal(formatRelative(NOW + 2 * min, NOW), 'just now');
    assert.equal(formatRelative(NOW + 5 * min, NOW), 'in 5 min.');
    assert.equal(formatRelative(NOW + 3 * h, NOW), 'in 3 hr.');
    assert.equal(formatRelative(NOW + 400 * d, NOW), 'in 400 days');
  });
  it('says unknown for what is not a time', () => {
    for (const bad of [undefined, NaN, Infinity, -Infinity]) assert.equal(formatRelative(bad, NOW), 'unknown');
    assert.equal(formatRelative(NOW, NaN), 'unknown');
  });
  it('writes durations in two units at most', () => {
    const cases: [number, string][] = [
      [0, '< 1 sec'],
      [999, '< 1 sec'],
      [s, '1 sec'],
      [45 * s, '45 sec'],
      [2 * min + 5 * s, '2 min 5 sec'],
      [2 * min, '2 min'],
      [h + 20 * min + 30 * s, '1 hr 20 min'],
      [2 * h, '2 hr'],
      [3 * d + 4 * h + 5 * min, '3 days 4 hr'],
      [10 * d, '10 days'],
    ];
    for (const [ms, words] of cases) assert.equal(formatDuration(ms), words, String(ms));
    assert.equal(formatDuration(-5000), '< 1 sec');
    assert.equal(formatDuration(NaN), 'unknown');
    assert.equal(formatDuration(undefined), 'unknown');
    assert.equal(formatSpan(3 * min), '3 min');
    assert.equal(formatSpan(1 * d), '1 day');
  });
  it('writes percentages that never round to a lie', () => {
    assert.equal(formatPercent(1), '100%');
    assert.equal(formatPercent(0), '0%');
    assert.equal(formatPercent(0.85), '85%');
    assert.equal(formatPercent(0.8125), '81.3%');
    assert.equal(formatPercent(0.99999), '99.9%');
    assert.equal(formatPercent(0.00001), '0.1%');
    assert.equal(formatPercent(1.5), '100%');
    assert.equal(formatPercent(undefined), 'unknown');
  });

  describe('in Brazilian Portuguese', () => {
    inPortuguese();
    it('says times, durations and shares the way Intl says them in pt-BR', () => {
      assert.equal(formatRelative(NOW, NOW), 'agora mesmo');
      assert.equal(formatRelative(NOW - 3 * min, NOW), 'há 3 min.');
      assert.equal(formatRelative(NOW - 2 * h, NOW), 'há 2 h');
      assert.equal(formatRelative(NOW - 5 * d, NOW), 'há 5 dias');
      assert.equal(formatRelative(NOW + 5 * min, NOW), 'em 5 min.');
      assert.equal(formatRelative(NOW - 60 * d, NOW), 'em 16 de abr. de 2024');
      assert.equal(formatRelative(undefined, NOW), 'desconhecido');
      assert.equal(formatDuration(h + 20 * min), '1 h 20 min');
      assert.equal(formatDuration(3 * d + 4 * h), '3 dias 4 h');
      assert.equal(formatPercent(0.995), '99,5%');
    });
  });
});
