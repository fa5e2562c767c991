import * as assert from 'node:assert/strict';
import { eventsFromLog } from '../../../../../src/core/events';
import {
  describeEvent,
  describeGap,
  describeSession,
  spoken,
} from '../../../../../src/webview/timeline/model/describe';
import { prepareDataset } from '../../../../../src/webview/timeline/model/dataset';
import { countByKind, listRow, visibleIndices } from '../../../../../src/webview/timeline/model/rows';
import { connected, disconnected, failed, sec } from '../../../core/fixtures';
import { HOSTILE_STRINGS, MEGABYTE } from '../../../core/hostile';

describe('webview/timeline/model: rows and details', () => {
  const undated = eventsFromLog([{ message: 'no time here' }])[0];
  const events = [connected(0), disconnected(60, 160), failed(70), connected(100), undated];

  it('lists newest first, undated last, filtered by kind', () => {
    const all = new Set(['connected', 'failedConnect', 'disconnected', 'other'] as const);
    assert.deepEqual(visibleIndices(events, all), [3, 2, 1, 0, 4]);
    assert.deepEqual(visibleIndices(events, new Set(['disconnected', 'other'] as const)), [1, 4]);
    assert.deepEqual(countByKind(events), { connected: 2, failedConnect: 1, disconnected: 1, other: 1 });
  });
  it('says why a disconnect happened, with code, initiator, MQTT 5 reason and the device-code hint', () => {
    const d = describeEvent(events[1], 0);
    const row = (label: string) => d.rows.find((r) => r.label === label)?.value;
    assert.match(d.title, /keep-alive timed out \(network, code 160\)/);
    assert.equal(row('Close code'), '160 — The connection timed out');
    assert.equal(row('MQTT 5 reason code'), '141 — keep alive timeout');
    assert.match(row('Usual cause in device code') ?? '', /1\.5 × keep-alive/);
    assert.match(row('Closed by') ?? '', /network/);
    assert.equal(row('When'), `${'2024-01-01 12:01:00.000'} (2024-01-01T12:01:00.000Z)`);
  });
  it('says when an entry had no usable time', () => {
    const row = listRow(undated, 4, 0);
    assert.equal(row.time, 'no time');
    assert.match(describeEvent(undated, 0).rows[0].value, /no time given: listed, not drawn/);
  });
  it('describes sessions and gaps with lengths and causes', () => {
    const data = prepareDataset(events);
    const s = describeSession(data.history.sessions[0], sec(500), 0);
    assert.match(s.title, /connected session, 1 min/);
    assert.match(spoken(s), /Why it ended: disconnected: keep-alive timed out/);
    const g = describeGap(data.history.gaps[0], sec(500), 0);
    assert.match(g.title, /disconnected, 40 sec, 1 failed attempt/);
  });
  it('keeps hostile text plain and short: no control or bidi characters, bounded length', () => {
    for (const text of [...HOSTILE_STRINGS, MEGABYTE]) {
      const [e] = eventsFromLog([{ message: text, timestamp: new Date(sec(1)).toISOString() }]);
      const row = listRow(e, 0, 0);
      const d = describeEvent(e, 0);
      for (const s of [row.text, d.title, ...d.rows.map((r) => r.value)]) {
        assert.ok(s.length <= 2100, `${s.length} characters`);
        // eslint-disable-next-line no-control-regex -- checking that none are left
        assert.doesNotMatch(s, /[\u0000-\u001f\u202e\u2066-\u2069]/);
      }
    }
    const [img] = eventsFromLog([
      { message: '<img src=x onerror=alert(1)></script>', timestamp: new Date(sec(1)).toISOString() },
    ]);
    assert.match(listRow(img, 0, 0).text, /<img src=x onerror=alert\(1\)><\/script>/, 'markup stays as literal text');
  });
});
