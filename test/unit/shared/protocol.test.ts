import * as assert from 'node:assert/strict';
import { assertNever, PROTOCOL_VERSION, readFromView, readViewState } from '../../../src/shared/protocol';
import { HOSTILE_STRINGS } from '../core/hostile';

describe('shared/protocol', () => {
  it('reads every message kind the webview sends', () => {
    assert.deepEqual(readFromView({ type: 'ready', version: PROTOCOL_VERSION }), {
      type: 'ready',
      version: PROTOCOL_VERSION,
    });
    assert.deepEqual(readFromView({ type: 'export', requestId: 3, format: 'csv' }), {
      type: 'export',
      requestId: 3,
      format: 'csv',
    });
    assert.deepEqual(readFromView({ type: 'copyEntry', requestId: 4, key: 'log:1:a:2' }), {
      type: 'copyEntry',
      requestId: 4,
      key: 'log:1:a:2',
    });
    for (const type of ['stopLoading', 'resumeLoading', 'reload']) {
      assert.deepEqual(readFromView({ type, extra: 'dropped' }), { type });
    }
  });
  it('refuses what is not of the protocol', () => {
    const bad: unknown[] = [
      null,
      'ready',
      42,
      [],
      {},
      { type: 'evil' },
      { type: 'ready' },
      { type: 'export', requestId: 1, format: 'xml' },
      { type: 'export', requestId: 'x', format: 'csv' },
      { type: 'copyEntry', requestId: 1, key: 'k'.repeat(100_000) },
      { type: 'copyEntry', requestId: 1.5, key: 'k' },
    ];
    for (const m of bad) assert.equal(readFromView(m), undefined, JSON.stringify(m)?.slice(0, 80));
  });
  it('reads a saved view state defensively, keeping only known values', () => {
    assert.deepEqual(
      readViewState({
        clientId: 'd:o:t:d',
        range: '7d',
        window: { from: 1, to: 2 },
        kinds: ['other', 'bogus', 'connected'],
      }),
      {
        version: PROTOCOL_VERSION,
        clientId: 'd:o:t:d',
        range: '7d',
        window: { from: 1, to: 2 },
        kinds: ['connected', 'other'],
      },
    );
    assert.deepEqual(readViewState({ clientId: 'x', range: 'forever', window: { from: 5, to: 1 } }), {
      version: PROTOCOL_VERSION,
      clientId: 'x',
      range: 'all',
      kinds: ['connected', 'failedConnect', 'disconnected', 'other'],
    });
    for (const s of [undefined, null, {}, { clientId: '' }, { clientId: 7 }, { clientId: 'x'.repeat(2000) }]) {
      assert.equal(readViewState(s), undefined);
    }
  });
  it('keeps hostile client ids as plain data (the page sets them as text)', () => {
    for (const id of HOSTILE_STRINGS.filter((s) => s.length > 0 && s.length <= 1024)) {
      assert.equal(readViewState({ clientId: id })?.clientId, id);
    }
  });
  it('assertNever throws with the unexpected value', () => {
    assert.throws(() => assertNever({ type: 'x' } as never), /unexpected message: \{"type":"x"\}/);
  });
});
