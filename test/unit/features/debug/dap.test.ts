// DAP messages read into facts: what js-debug, debugpy-like and other adapters send, and what a
// broken or hostile adapter might send instead (no exception, no fact).

import * as assert from 'node:assert/strict';
import { fromAdapter, pidInName, toAdapter } from '../../../../src/features/debug/dap';

describe('features/debug/dap: adapter messages as facts', () => {
  it("reads js-debug's stop, continue and end (docs/debug-adapters.md)", () => {
    const stop = {
      type: 'event',
      event: 'stopped',
      body: { reason: 'breakpoint', threadId: 3, allThreadsStopped: false },
    };
    assert.deepEqual(fromAdapter(stop), { kind: 'stopped', threadId: 3, all: false, reason: 'breakpoint' });
    const cont = { type: 'event', event: 'continued', body: { threadId: 3, allThreadsContinued: false } };
    assert.deepEqual(fromAdapter(cont), { kind: 'continued', threadId: 3, all: false });
    assert.deepEqual(fromAdapter({ type: 'event', event: 'terminated', body: {} }), { kind: 'ended' });
    assert.deepEqual(fromAdapter({ type: 'event', event: 'exited', body: { exitCode: 0 } }), { kind: 'ended' });
    assert.deepEqual(fromAdapter({ type: 'event', event: 'thread', body: { reason: 'started', threadId: 3 } }), {
      kind: 'thread',
      threadId: 3,
      started: true,
    });
  });

  it('reads every continue-like request VS Code sends, and singleThread', () => {
    for (const command of ['continue', 'next', 'stepIn', 'stepOut', 'stepBack', 'reverseContinue', 'goto']) {
      assert.deepEqual(toAdapter({ type: 'request', command, arguments: { threadId: 1 } }), {
        kind: 'resume',
        threadId: 1,
        all: true,
      });
    }
    const single = { type: 'request', command: 'next', arguments: { threadId: 7, singleThread: true } };
    assert.deepEqual(toAdapter(single), { kind: 'resume', threadId: 7, all: false });
    assert.equal(toAdapter({ type: 'request', command: 'pause', arguments: { threadId: 1 } }), undefined);
    assert.equal(toAdapter({ type: 'request', command: 'evaluate', arguments: {} }), undefined);
  });

  it('takes a process id from the process event and from runInTerminal', () => {
    assert.deepEqual(fromAdapter({ type: 'event', event: 'process', body: { name: 'x', systemProcessId: 4242 } }), {
      kind: 'process',
      pid: 4242,
    });
    const terminal = { type: 'response', command: 'runInTerminal', success: true, body: { shellProcessId: 77 } };
    assert.deepEqual(toAdapter(terminal), { kind: 'terminal', pid: 77 });
    const both = { type: 'response', command: 'runInTerminal', body: { processId: 78, shellProcessId: 77 } };
    assert.deepEqual(toAdapter(both), { kind: 'terminal', pid: 78 });
  });

  it('reads the threads answer with names, skipping threads without an id', () => {
    const r = {
      type: 'response',
      command: 'threads',
      success: true,
      body: { threads: [{ id: 1, name: 'MainThread' }, { name: 'no id' }, { id: 2 }, 'junk'] },
    };
    assert.deepEqual(fromAdapter(r), {
      kind: 'threads',
      threads: [
        { id: 1, name: 'MainThread' },
        { id: 2, name: '' },
      ],
    });
  });

  it('gives no fact for what is missing, mistyped or hostile', () => {
    const junk: unknown[] = [
      null,
      undefined,
      42,
      'stopped',
      [],
      { type: 'event' },
      { type: 'event', event: 'process', body: { systemProcessId: -1 } },
      { type: 'event', event: 'process', body: { systemProcessId: 2 ** 40 } },
      { type: 'event', event: 'process', body: { systemProcessId: '1234' } },
      { type: 'event', event: 'thread', body: { reason: 'weird', threadId: 1 } },
      { type: 'response', command: 'threads', success: false, body: { threads: [{ id: 1 }] } },
      { type: 'response', command: 'runInTerminal', success: false, body: { processId: 5 } },
      { type: 'request', command: 'continue', arguments: 'x' },
    ];
    for (const m of junk.slice(0, -1)) {
      assert.equal(fromAdapter(m), undefined, JSON.stringify(m));
      assert.equal(toAdapter(m), undefined, JSON.stringify(m));
    }
    // A continue with unreadable arguments still resumes everything.
    assert.deepEqual(toAdapter(junk[junk.length - 1]), { kind: 'resume', threadId: undefined, all: true });
    const stop = fromAdapter({ type: 'event', event: 'stopped', body: { reason: 'x'.repeat(10_000), threadId: 1.5 } });
    assert.deepEqual(stop, { kind: 'stopped', threadId: undefined, all: false, reason: 'x'.repeat(40) });
  });

  it('finds the PID in js-debug session names only where js-debug puts it', () => {
    assert.equal(pidInName('device.js [14129]'), 14129);
    assert.equal(pidInName('device.js [14129] \u00ab device facts'), 14129);
    assert.equal(pidInName('launch [1] device'), undefined);
    assert.equal(pidInName('Run [abc]'), undefined);
    assert.equal(pidInName('x [0]'), undefined);
    assert.equal(pidInName(`${'['.repeat(100_000)}1]`), undefined);
  });
});
