// The messages between latency.bench.ts and its child processes (driver.ts, observer.ts), and the
// helpers that wait for one of them on either side of the IPC channel.

import type { ChildProcess } from 'node:child_process';
import type { ReadyInfo } from '../../src/core/readyInfo';

export type ObserverRole = 'watcher' | 'monitorClient' | 'bareMqttJs';

/** Heap used after a forced GC, MiB: at 'go', every 10 s of the churn, and at the end. */
export interface HeapFigures {
  beforeMiB: number;
  afterMiB: number;
  samplesMiB: number[];
}

export interface ObserverResult {
  type: 'result';
  role: ObserverRole;
  /** Disconnect → observer, ms, one per non-retained Disconnect seen during the churn. */
  latencyMs: number[];
  heap: HeapFigures;
  /** What the observer's model said at the end: the status text and tally, or presence counts. */
  end: Record<string, unknown>;
}

/** Parent → observer. */
export type ToObserver =
  { type: 'start'; ready: ReadyInfo; ids: string[] } | { type: 'go' } | { type: 'finish'; disconnects: number };

/** Observer → parent. */
export type FromObserver = { type: 'ready' } | ObserverResult;

/** Resolves with the child's next message of this type; rejects if the child exits first. */
export function next<M extends { type: string }, T extends M['type']>(
  child: ChildProcess,
  type: T,
  name: string,
): Promise<Extract<M, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`${name} exited with ${code} before '${type}'`));
    const onMessage = (m: M) => {
      if (m.type !== type) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(m as Extract<M, { type: T }>);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** In a child: resolves with the parent's next message of this type. */
export function fromParent<M extends { type: string }, T extends M['type']>(type: T): Promise<Extract<M, { type: T }>> {
  return new Promise((resolve) => {
    const onMessage = (m: M) => {
      if (m.type !== type) return;
      process.off('message', onMessage);
      resolve(m as Extract<M, { type: T }>);
    };
    process.on('message', onMessage);
  });
}

/** Sends to the parent and resolves once the message is handed to the channel. */
export function toParent(message: FromObserver): Promise<void> {
  return new Promise((resolve, reject) =>
    process.send?.(message, (error: Error | null) => (error ? reject(error) : resolve())),
  );
}
