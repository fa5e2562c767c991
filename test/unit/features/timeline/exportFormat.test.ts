import * as assert from 'node:assert/strict';
import { eventsFromLog } from '../../../../src/core/events';
import {
  csvCell,
  entryToText,
  eventsToCsv,
  eventsToJson,
  exportFileName,
} from '../../../../src/features/timeline/exportFormat';
import { connected, disconnected, failed, sec } from '../../core/fixtures';

/** A minimal RFC 4180 reader, to read back what was written. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') [cell, i] = [cell + '"', i + 1];
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') [row, cell] = [[...row, cell], ''];
    else if (c === '\r' && text[i + 1] === '\n') {
      rows.push([...row, cell]);
      [row, cell, i] = [[], '', i + 1];
    } else cell += c;
  }
  return rows;
}

describe('features/timeline/exportFormat', () => {
  const events = [
    connected(0),
    disconnected(60, 160),
    failed(70),
    ...eventsFromLog([{ message: 'zzz, "quoted"\nline', timestamp: new Date(sec(80)).toISOString() }]),
  ];

  it('writes CSV with a header and one row per event that reads back the same', () => {
    const rows = parseCsv(eventsToCsv(events));
    assert.equal(rows.length, events.length + 1);
    const header = rows[0];
    const col = (r: string[], name: string) => r[header.indexOf(name)];
    assert.equal(col(rows[2], 'kind'), 'disconnected');
    assert.equal(col(rows[2], 'cause'), 'network');
    assert.equal(col(rows[2], 'closeCode'), '160');
    assert.equal(col(rows[2], 'time'), new Date(sec(60)).toISOString());
    assert.equal(col(rows[3], 'kind'), 'failedConnect');
    assert.equal(col(rows[4], 'raw'), 'zzz, "quoted"\nline');
  });
  it('defuses cells a spreadsheet would run as formulas', () => {
    assert.equal(csvCell('=HYPERLINK("http://x")'), `"'=HYPERLINK(""http://x"")"`);
    assert.equal(csvCell('+1'), `"'+1"`);
    assert.equal(csvCell('@SUM(A1)'), `"'@SUM(A1)"`);
    assert.equal(csvCell('plain'), 'plain');
  });
  it('writes JSON with ISO times and every field', () => {
    const doc = JSON.parse(eventsToJson('d:o:t:d', events, sec(100)));
    assert.equal(doc.clientId, 'd:o:t:d');
    assert.equal(doc.count, events.length);
    assert.equal(doc.exportedAt, new Date(sec(100)).toISOString());
    assert.equal(doc.events[1].time, new Date(sec(60)).toISOString());
    assert.equal(doc.events[1].hint, events[1].kind === 'disconnected' ? events[1].hint : undefined);
  });
  it('copies one entry as readable JSON', () => {
    const text = entryToText(events[1]);
    assert.equal(JSON.parse(text).closeCode, 160);
    assert.match(text, /\n {2}"kind": "disconnected"/);
  });
  it('names files from the safe part of the name only', () => {
    assert.equal(exportFileName('s-01', 'csv', sec(0)), 'timeline-s-01-2024-01-01T12-00-00.csv');
    assert.equal(exportFileName('../../etc/passwd', 'json', sec(0)), 'timeline-_etc_passwd-2024-01-01T12-00-00.json');
    assert.equal(exportFileName('<img src=x>', 'csv', sec(0)), 'timeline-_img_src_x_-2024-01-01T12-00-00.csv');
  });
});
