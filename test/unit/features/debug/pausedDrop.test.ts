// A 160 put down to the debugger, or not: while paused, within one keep-alive after the resume,
// and the words it is told in (English here; the views translate the same templates).

import * as assert from 'node:assert/strict';
import { explainDrop, type DropInput } from '../../../../src/features/debug/pausedDrop';
import { fill, pausedDropWords } from '../../../../src/features/debug/words';

const base: DropInput = {
  clientId: 'd:org:boiler:boiler-1',
  sessionName: 'boiler firmware',
  closeCode: 160,
  at: 100_000,
  spans: [],
  keepAliveSeconds: 30,
  factor: 1.5,
};

describe('features/debug/pausedDrop: a drop for silence explained by a pause', () => {
  it('explains a 160 while the program is paused at a breakpoint', () => {
    const d = explainDrop({ ...base, spans: [{ from: 53_000, reason: 'breakpoint' }] });
    assert.deepEqual(d, {
      clientId: base.clientId,
      sessionName: 'boiler firmware',
      when: 'paused',
      pausedSeconds: 47,
      atBreakpoint: true,
      keepAliveSeconds: 30,
      factor: 1.5,
    });
    assert.equal(
      fill(pausedDropWords(d, 'boiler-1')),
      'boiler-1 was dropped: the program was paused at a breakpoint for 47 s, longer than its keep-alive allows ' +
        '(30 s × 1.5)',
    );
  });

  it('explains one within a keep-alive after the resume, with the latest pause', () => {
    const spans = [
      { from: 10_000, to: 20_000, reason: 'breakpoint' },
      { from: 40_000, to: 90_000, reason: 'step' },
    ];
    const d = explainDrop({ ...base, spans });
    assert.equal(d?.when, 'resumed');
    assert.equal(d?.afterResumeSeconds, 10);
    assert.equal(d?.pausedSeconds, 50);
    assert.equal(
      fill(pausedDropWords(d!, 'boiler-1')),
      'boiler-1 was dropped 10 s after its program resumed: it was paused in the debugger for 50 s, longer than its ' +
        'keep-alive allows (30 s × 1.5)',
    );
  });

  it('does not explain other close codes, drops long after a resume, or pauses that began later', () => {
    const spans = [{ from: 10_000, to: 20_000, reason: 'breakpoint' }];
    assert.equal(explainDrop({ ...base, spans, closeCode: 288 }), undefined);
    assert.equal(explainDrop({ ...base, spans, closeCode: undefined }), undefined);
    assert.equal(explainDrop({ ...base, spans }), undefined, '80 s after the resume, keep-alive 30 s');
    assert.equal(explainDrop({ ...base, spans: [{ from: 100_500 }] }), undefined);
    assert.equal(explainDrop(base), undefined);
  });

  it('says so when the keep-alive is not known, and counts a resume after the drop as paused', () => {
    const d = explainDrop({ ...base, keepAliveSeconds: undefined, spans: [{ from: 60_000, to: 100_400 }] });
    assert.equal(d?.when, 'paused');
    assert.equal(d?.keepAliveSeconds, undefined);
    assert.equal(
      fill(pausedDropWords(d!, 'x')),
      'x was dropped for silence (160): the program was paused in the debugger for 40 s',
    );
    const later = explainDrop({ ...base, keepAliveSeconds: 0, spans: [{ from: 60_000, to: 80_000 }] });
    assert.equal(
      fill(pausedDropWords(later!, 'x')),
      'x was dropped for silence (160) 20 s after its program resumed from a pause of 20 s in the debugger',
    );
  });
});
