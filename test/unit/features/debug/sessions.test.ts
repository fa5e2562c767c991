// The window's debug sessions: families (js-debug's child below its launch), process ids from
// names, events and terminals, start and tracker in either order, and nothing kept once a family
// has ended — also after thousands of sessions.

import * as assert from 'node:assert/strict';
import { DebugSessions, type RunEvent } from '../../../../src/features/debug/sessions';
import type { PauseSpan } from '../../../../src/features/debug/runState';

const stopped = (threadId = 0) => ({ type: 'event', event: 'stopped', body: { reason: 'breakpoint', threadId } });
const cont = (threadId = 0) => ({ type: 'request', command: 'continue', arguments: { threadId } });

describe('features/debug/sessions: the debug sessions of the window', () => {
  it("follows js-debug's launch: a parent, a child named with the PID, renamed later", () => {
    const book = new DebugSessions();
    book.start({ id: 'p', name: 'device facts', type: 'pwa-node', request: 'launch' }, 1);
    book.start({ id: 'c', name: 'device.js [4242]', type: 'pwa-node', parentId: 'p' }, 2);
    book.start({ id: 'c', name: 'device.js [4242] \u00ab device facts', type: 'pwa-node', parentId: 'p' }, 3);
    assert.equal(book.rootOf('c')?.id, 'p');
    assert.deepEqual(
      book.family('p').map((s) => s.id),
      ['p', 'c'],
    );
    assert.deepEqual([...(book.get('c')?.pids ?? [])], [[4242, 'name']]);
    assert.equal(book.get('c')?.name, 'device.js [4242] \u00ab device facts');
    assert.equal(book.get('c')?.startedAt, 2, 'the first sign of a session is its start');
  });

  it('takes process ids from the process event and runInTerminal, once each', () => {
    const book = new DebugSessions();
    const changed: string[] = [];
    book.on('changed', (s) => changed.push(s.id));
    book.start({ id: 's', name: 'Python: device', type: 'debugpy' }, 1);
    book.fromAdapter('s', { type: 'event', event: 'process', body: { systemProcessId: 900 } }, 2);
    book.fromAdapter('s', { type: 'event', event: 'process', body: { systemProcessId: 900 } }, 3);
    book.toAdapter('s', { type: 'response', command: 'runInTerminal', body: { shellProcessId: 901 } }, 4);
    assert.deepEqual(
      [...(book.get('s')?.pids ?? [])],
      [
        [900, 'process'],
        [901, 'terminal'],
      ],
    );
    assert.deepEqual(changed, ['s', 's', 's']);
  });

  it('tells each pause and resume once, with its session', () => {
    const book = new DebugSessions();
    const runs: string[] = [];
    book.on('run', (e: RunEvent) => runs.push(`${e.session.id} ${e.change} ${e.at}`));
    book.start({ id: 's', name: 'x [1]', type: 'pwa-node' }, 0);
    book.fromAdapter('s', { type: 'event', event: 'thread', body: { reason: 'started', threadId: 0 } }, 1);
    book.fromAdapter('s', stopped(), 5);
    book.fromAdapter('s', stopped(), 6);
    book.toAdapter('s', cont(), 9);
    book.fromAdapter('s', { type: 'event', event: 'continued', body: { threadId: 0 } }, 9);
    assert.deepEqual(runs, ['s paused 5', 's resumed 9']);
  });

  it('ends a pause with its session and forgets a family once all of it has ended, with its pauses', () => {
    const book = new DebugSessions();
    const finished: { root: string; pauses: readonly PauseSpan[] }[] = [];
    const runs: string[] = [];
    book.on('finished', (f) => finished.push({ root: f.root.id, pauses: f.pauses }));
    book.on('run', (e) => runs.push(`${e.session.id} ${e.change}`));
    book.start({ id: 'p', name: 'launch', type: 'pwa-node' }, 0);
    book.start({ id: 'c', name: 'device.js [7]', type: 'pwa-node', parentId: 'p' }, 1);
    book.fromAdapter('c', stopped(), 10);
    book.end('c', 20);
    assert.deepEqual(runs, ['c paused', 'c resumed']);
    assert.equal(book.size, 2, 'the parent still runs');
    assert.deepEqual(finished, []);
    book.end('p', 30);
    assert.equal(book.size, 0);
    assert.deepEqual(finished, [{ root: 'p', pauses: [{ from: 10, to: 20, reason: 'breakpoint' }] }]);
    // Late messages of a forgotten session change nothing.
    book.fromAdapter('c', stopped(), 40);
    book.end('c', 50);
    assert.equal(book.size, 0);
  });

  it('keeps nothing after thousands of sessions started and stopped in any order', () => {
    const book = new DebugSessions();
    let finished = 0;
    book.on('finished', () => finished++);
    for (let i = 0; i < 5_000; i++) {
      const p = `p${i}`;
      const c = `c${i}`;
      book.start({ id: p, name: 'launch', type: 'pwa-node' }, i);
      book.start({ id: c, name: `device.js [${1000 + i}]`, type: 'pwa-node', parentId: p }, i);
      book.fromAdapter(c, stopped(), i);
      if (i % 2 === 0) {
        book.end(c, i);
        book.end(p, i);
      } else {
        book.end(p, i);
        book.end(c, i);
      }
    }
    assert.equal(book.size, 0);
    assert.equal(finished, 5_000);
  });

  it('never follows more than a bound of sessions that never end', () => {
    const book = new DebugSessions();
    for (let i = 0; i < 3_000; i++) book.start({ id: `s${i}`, name: 's', type: 't' }, i);
    assert.equal(book.size, 1_000);
    assert.equal(book.get('s2999')?.id, 's2999', 'the newest are kept');
    for (let i = 0; i < 3_000; i++) book.end(`s${i}`, i);
    assert.equal(book.size, 0);
  });
});
