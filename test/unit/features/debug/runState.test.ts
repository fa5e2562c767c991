// Paused or running, from the facts of different adapters: js-debug's one thread, an adapter that
// stops all threads, a named MQTT thread, events out of order, adapters that name no thread.

import * as assert from 'node:assert/strict';
import type { DapFact } from '../../../../src/features/debug/dap';
import { RunState } from '../../../../src/features/debug/runState';

function run(facts: DapFact[]): { state: RunState; changes: string[] } {
  const state = new RunState();
  const changes: string[] = [];
  facts.forEach((f, i) => {
    const c = state.apply(f, 1000 * (i + 1));
    if (c) changes.push(`${c}@${1000 * (i + 1)}`);
  });
  return { state, changes };
}

describe('features/debug/runState: paused or running', () => {
  it("follows js-debug's Node program: one thread, stop, step (continued then stopped), continue", () => {
    const { state, changes } = run([
      { kind: 'thread', threadId: 4, started: true },
      { kind: 'continued', threadId: 4, all: false },
      { kind: 'stopped', threadId: 4, all: false, reason: 'breakpoint' },
      { kind: 'resume', threadId: 4, all: true },
      { kind: 'continued', threadId: 4, all: false },
      { kind: 'stopped', threadId: 4, all: false, reason: 'step' },
      { kind: 'resume', threadId: 4, all: true },
    ]);
    assert.deepEqual(changes, ['paused@3000', 'resumed@4000', 'paused@6000', 'resumed@7000']);
    assert.deepEqual(state.pauses(), [
      { from: 3000, to: 4000, reason: 'breakpoint' },
      { from: 6000, to: 7000, reason: 'step' },
    ]);
    assert.equal(state.basis, 'allThreads');
  });

  it('is paused when an adapter stops all threads at once, resumed by a continue request alone', () => {
    const { state, changes } = run([
      {
        kind: 'threads',
        threads: [
          { id: 1, name: 'MainThread' },
          { id: 2, name: 'worker' },
        ],
      },
      { kind: 'stopped', threadId: 1, all: true, reason: 'breakpoint' },
      { kind: 'resume', threadId: 1, all: true },
    ]);
    assert.deepEqual(changes, ['paused@2000', 'resumed@3000']);
    assert.equal(state.paused, false);
  });

  it('is not paused while another thread runs, when no thread is the MQTT one', () => {
    const { state, changes } = run([
      {
        kind: 'threads',
        threads: [
          { id: 1, name: 'main' },
          { id: 2, name: 'worker' },
        ],
      },
      { kind: 'stopped', threadId: 1, all: false, reason: 'breakpoint' },
    ]);
    assert.deepEqual(changes, []);
    assert.equal(state.paused, false);
  });

  it('goes by the MQTT thread when one is named so: paused when it stops, whatever the others do', () => {
    const { state, changes } = run([
      {
        kind: 'threads',
        threads: [
          { id: 1, name: 'main' },
          { id: 9, name: 'paho-mqtt-client-boiler-1' },
        ],
      },
      { kind: 'stopped', threadId: 1, all: false, reason: 'breakpoint' },
      { kind: 'stopped', threadId: 9, all: false, reason: 'breakpoint' },
      { kind: 'resume', threadId: 1, all: false },
      { kind: 'resume', threadId: 9, all: false },
    ]);
    assert.deepEqual(changes, ['paused@3000', 'resumed@5000']);
    assert.equal(state.basis, 'mqttThread');
  });

  it('takes a stop that names no thread, from an adapter that never listed threads, as a pause', () => {
    const { changes } = run([
      { kind: 'stopped', all: false, reason: 'pause' },
      { kind: 'continued', all: false },
    ]);
    assert.deepEqual(changes, ['paused@1000', 'resumed@2000']);
  });

  it('copes with facts out of order: a continue before a stop, an unknown thread stopping, a thread gone', () => {
    const { state, changes } = run([
      { kind: 'continued', threadId: 5, all: false },
      { kind: 'stopped', threadId: 6, all: false, reason: 'breakpoint' },
      { kind: 'thread', threadId: 5, started: false },
      { kind: 'continued', threadId: 6, all: false },
    ]);
    assert.deepEqual(changes, ['paused@3000', 'resumed@4000']);
    assert.equal(state.paused, false);
  });

  it('ends a pause when the session ends, and takes nothing after', () => {
    const state = new RunState();
    state.apply({ kind: 'stopped', threadId: 1, all: true, reason: 'breakpoint' }, 10);
    assert.equal(state.apply({ kind: 'ended' }, 20), 'resumed');
    assert.equal(state.apply({ kind: 'stopped', threadId: 1, all: true, reason: 'x' }, 30), undefined);
    assert.deepEqual(state.pauses(), [{ from: 10, to: 20, reason: 'breakpoint' }]);
    assert.equal(state.end(40), undefined);
  });

  it('keeps a bounded number of spans and threads for an adapter that never stops talking', () => {
    const state = new RunState();
    for (let i = 0; i < 10_000; i++) state.apply({ kind: 'thread', threadId: i, started: true }, i);
    for (let i = 0; i < 200; i++) {
      state.apply({ kind: 'stopped', all: true, reason: 'x' }, 2 * i);
      state.apply({ kind: 'continued', all: true }, 2 * i + 1);
    }
    assert.equal(state.pauses().length, 50);
  });
});
