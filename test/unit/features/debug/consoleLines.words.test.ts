// The words of the Debug Console lines (features/debug/consoleLines.ts), filled in English as the
// console shows them untranslated: connects, drops with their close code in words, a drop during or
// just after a pause with how long, holds; a hostile client id or address stays one plain line.

import * as assert from 'node:assert/strict';
import { consoleLineWords, type ConsoleFact } from '../../../../src/features/debug/consoleLines';
import { fill } from '../../../../src/features/debug/words';

const line = (f: ConsoleFact) => fill(consoleLineWords(f));
const ID = 'd:abc123:boiler:boiler-1';

describe('features/debug/consoleLines: the words of a Debug Console line', () => {
  it('tells a connect by its short name, from where and by which process when known', () => {
    assert.equal(line({ kind: 'connected', clientId: ID }), '[iot] boiler-1 connected');
    assert.equal(
      line({ kind: 'connected', clientId: ID, endpoint: '127.0.0.1:50123' }),
      '[iot] boiler-1 connected from 127.0.0.1:50123',
    );
    assert.equal(
      line({ kind: 'connected', clientId: ID, endpoint: '[::1]:50123', pid: 4242 }),
      '[iot] boiler-1 connected from [::1]:50123 (process 4242)',
    );
  });

  it('tells a drop by its close code in words, or as a plain disconnect without one', () => {
    assert.equal(
      line({ kind: 'dropped', clientId: ID, closeCode: 160 }),
      '[iot] boiler-1 dropped: keep-alive timed out (160)',
    );
    assert.equal(
      line({ kind: 'dropped', clientId: ID, closeCode: 288 }),
      '[iot] boiler-1 dropped: session taken over by a newer connection with the same client id (288)',
    );
    assert.equal(line({ kind: 'dropped', clientId: ID, closeCode: 9999 }), '[iot] boiler-1 dropped: closed (9999)');
    assert.equal(line({ kind: 'dropped', clientId: ID }), '[iot] boiler-1 disconnected');
  });

  it('tells how long the program was paused when the drop came during or just after a pause', () => {
    assert.equal(
      line({ kind: 'dropped', clientId: ID, closeCode: 160, pausedSeconds: 47 }),
      '[iot] boiler-1 dropped: keep-alive timed out (160) after 47 s paused',
    );
    assert.equal(
      line({ kind: 'dropped', clientId: ID, closeCode: 160, pausedSeconds: 0 }),
      '[iot] boiler-1 dropped: keep-alive timed out (160) after 0 s paused',
    );
  });

  it('tells holds and their release', () => {
    assert.equal(line({ kind: 'held', clientId: ID }), '[iot] boiler-1 keep-alive held while the program is paused');
    assert.equal(line({ kind: 'released', clientId: ID }), '[iot] boiler-1 keep-alive hold released');
  });

  it('keeps a hostile client id and address one plain line, links inert', () => {
    const hostile = 'evil\nid\r\u2028[iot] forged\u202e [open](command:x.y) $(alert) \u0000' + 'x'.repeat(500);
    const facts: ConsoleFact[] = [
      { kind: 'connected', clientId: hostile, endpoint: '127.0.0.1:1\n[iot] forged', pid: 1 },
      { kind: 'dropped', clientId: hostile, closeCode: 160, pausedSeconds: 3 },
      { kind: 'held', clientId: hostile },
    ];
    for (const f of facts) {
      const text = line(f);
      assert.ok(text.startsWith('[iot] evil'), text);
      // eslint-disable-next-line no-control-regex -- asserting their absence
      assert.doesNotMatch(text, /[\n\r\u2028\u2029\u202e\u0000]/, JSON.stringify(text));
      assert.doesNotMatch(text, /\]\(|command:|\$\(/, text);
      assert.ok(text.length < 250, `${text.length} characters`);
    }
  });
});
