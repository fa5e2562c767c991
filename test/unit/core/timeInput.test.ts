import * as assert from 'node:assert/strict';
import { parseTimeInput, readRelative, relativeLength, relativeText, relativeWords } from '../../../src/core/timeInput';
import { HOSTILE_STRINGS } from './hostile';

const NOW = Date.UTC(2024, 5, 15, 12, 0, 0);
const h = 3_600_000;

describe('core/timeInput', () => {
  it('reads relative spans back from now', () => {
    const cases: [string, number][] = [
      ['30m', 0.5 * h],
      ['1h', h],
      ['2d', 48 * h],
      ['7d', 168 * h],
      ['1w', 168 * h],
      ['0m', 0],
      ['2 days', 48 * h],
      ['2d ago', 48 * h],
      ['3 hours ago', 3 * h],
      ['1 week', 168 * h],
      [' 5 MIN ', 5 * 60_000],
      ['12hrs', 12 * h],
    ];
    for (const [text, back] of cases) {
      const r = parseTimeInput(text, NOW);
      assert.ok(r.ok, text);
      assert.equal(r.time, NOW - back, text);
      assert.ok(r.relative, text);
    }
  });
  it('reads ISO 8601 leniently: zone or not, fraction or not, a bare date, a space for the T', () => {
    const want = Date.UTC(2019, 2, 9, 15, 0, 0);
    for (const text of [
      '2019-03-09T15:00:00Z',
      '2019-03-09T15:00:00',
      '2019-03-09T15:00',
      '2019-03-09T15:00:00.000Z',
      '2019-03-09 15:00:00',
      '2019-03-09T17:00:00+02:00',
    ]) {
      const r = parseTimeInput(text, NOW);
      assert.ok(r.ok, text);
      assert.equal(r.time, want, text);
      assert.equal(r.relative, undefined);
    }
    const date = parseTimeInput('2019-03-09', NOW);
    assert.ok(date.ok);
    assert.equal(date.time, Date.UTC(2019, 2, 9));
  });
  it('reads now', () => {
    assert.deepEqual(parseTimeInput('now', NOW), { ok: true, time: NOW });
  });
  it('refuses anything else with a message that says what works', () => {
    for (const text of [
      '',
      '   ',
      'yesterday',
      '2 months',
      '1y',
      '-2d',
      '2.5h',
      '2019-02-30',
      '2019-03-09T25:00',
      'd2',
      '999999d',
      '1000000d',
    ]) {
      const r = parseTimeInput(text, NOW);
      assert.equal(r.ok, false, text);
      if (!r.ok) assert.match(r.error, text === '999999d' ? /100 years/ : /ISO 8601 time .* 30m, 1h, 2d or 1w/, text);
    }
  });
  it('quotes hostile input safely and briefly in its error', () => {
    for (const text of HOSTILE_STRINGS) {
      const r = parseTimeInput(text, NOW);
      assert.equal(r.ok, false);
      if (!r.ok) {
        assert.ok(r.error.length < 250);
        assert.doesNotMatch(r.error, /[\u202e\n\r]/);
      }
    }
    assert.equal(parseTimeInput(undefined as unknown as string, NOW).ok, false);
  });
  it('has a short form and words for a span', () => {
    const span = readRelative('2 days');
    assert.deepEqual(span, { amount: 2, unit: 'd' });
    assert.equal(span && relativeText(span), '2d');
    assert.equal(span && relativeWords(span), '2 days ago');
    assert.equal(relativeWords({ amount: 1, unit: 'h' }), '1 hour ago');
    assert.equal(relativeLength({ amount: 1, unit: 'w' }), '1 week');
    assert.equal(span && relativeLength(span), '2 days');
    assert.equal(readRelative('2019-03-09'), undefined);
  });
});
