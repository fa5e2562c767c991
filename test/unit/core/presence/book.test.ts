import * as assert from 'node:assert/strict';
import { PresenceBook } from '../../../../src/core/presence/book';
import { normaliseClientState } from '../../../../src/core/clientState';
import { iso } from '../fixtures';
import { HOSTILE_STRINGS, MEGABYTE } from '../hostile';

const A = 'd:org123:sensor:a';
const B = 'a:org123:dashboard';
const payload = (id: string, action: string, s: number, extra = {}) =>
  JSON.stringify({ Action: action, Time: iso(s), ClientID: id, ...extra });

describe('core/presence/book', () => {
  it('routes messages to pinned clients by id and ignores the rest', () => {
    const book = new PresenceBook();
    book.pin(A);
    book.pin(B);
    const r = book.applyPayload(payload(A, 'Connect', 0), true, 0);
    assert.ok(r.ok);
    assert.equal(r.transitions.length, 1);
    const other = book.applyPayload(payload('d:org123:sensor:z', 'Connect', 0), true, 0);
    assert.deepEqual(other, { ok: true, transitions: [] });
    book.applyPayload(payload(B, 'Disconnect', 3, { CloseCode: 160 }), false, 0);
    assert.deepEqual(book.counts(), { connected: 1, disconnected: 1, unknown: 0 });
    assert.deepEqual(book.pinned(), [A, B]);
  });
  it('keeps what it knows when pinned again, forgets on unpin', () => {
    const book = new PresenceBook();
    book.pin(A);
    book.applyPayload(payload(A, 'Connect', 0), true, 0);
    book.pin(A);
    assert.equal(book.get(A)?.status, 'connected');
    book.unpin(A);
    assert.equal(book.isPinned(A), false);
    assert.equal(book.get(A), undefined);
    assert.deepEqual(book.applyPayload(payload(A, 'Connect', 1), true, 0), { ok: true, transitions: [] });
  });
  it('routes state records', () => {
    const book = new PresenceBook();
    book.pin(A);
    const s = normaliseClientState({ id: A, connectionStatus: 'connected', lastConnectTime: iso(0) });
    assert.ok(s);
    assert.equal(book.applyState(s).length, 1);
    assert.deepEqual(
      book.snapshot().map((x) => x.status),
      ['connected'],
    );
  });
  it('refuses bad payloads with a reason and survives hostile ones', () => {
    const book = new PresenceBook();
    book.pin(A);
    assert.deepEqual(book.applyPayload('not json', false, 0), { ok: false, error: 'payload is not JSON' });
    assert.equal(book.applyPayload(MEGABYTE, false, 0).ok, false);
    assert.equal(book.applyPayload('[1,2]', false, 0).ok, false);
    for (const s of HOSTILE_STRINGS) {
      const r = book.applyPayload(JSON.stringify({ Action: s, Time: s, ClientID: A, CloseCode: s }), false, 0);
      // Payloads over the monitor limit (16 KB) are refused unread; the rest are read and ignored.
      assert.equal(r.ok, s.length < 4000, s.slice(0, 30));
    }
    assert.equal(book.get(A)?.status, 'unknown');
  });
});
