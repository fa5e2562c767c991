// What stepLatency.bench.ts and its probe in each extension host (stepHost.ts) say to each other:
// one JSON object a line over a loopback TCP connection the benchmark listens on.
import type * as net from 'node:net';
import * as readline from 'node:readline';

export type Mode = 'on' | 'off';

/** Each step's ms from the step command: to `stopped` as the probe's tracker sees it, to the
 *  workbench's stack answered, and to the last answer of the round the stop set off. */
export interface StepTimes {
  stoppedMs: number[];
  stackMs: number[];
  settledMs: number[];
}

/** Probe → benchmark. */
export type FromHost =
  | { type: 'ready'; mode: Mode; vscode: string; extensionLoaded: boolean; pinned: boolean; held: boolean }
  | ({
      type: 'done';
      block: number;
      /** CPU time of the extension host (js-debug's adapter runs in it too) over the block. */
      hostCpuMs: number;
      requests: Record<string, number>;
    } & StepTimes)
  | { type: 'ended'; mode: Mode; stillPinned: boolean; stillHeld: boolean; debuggeePid: number };

/** Benchmark → probe. */
export type ToHost = { type: 'block'; block: number; steps: number } | { type: 'end' };

/** Sends one message. */
export function send(socket: net.Socket, message: FromHost | ToHost): void {
  socket.write(`${JSON.stringify(message)}\n`);
}

/** The messages of a connection, in order; `next()` rejects once it closed with none left. */
export function messages<M>(socket: net.Socket): { next(): Promise<M> } {
  const queue: M[] = [];
  const waiting: { resolve(m: M): void; reject(e: Error): void }[] = [];
  let closed = false;
  readline.createInterface({ input: socket }).on('line', (line) => {
    const m = JSON.parse(line) as M;
    const w = waiting.shift();
    if (w) w.resolve(m);
    else queue.push(m);
  });
  socket.on('close', () => {
    closed = true;
    for (const w of waiting.splice(0)) w.reject(new Error('the connection closed'));
  });
  socket.on('error', () => undefined);
  return {
    next: () => {
      const m = queue.shift();
      if (m !== undefined) return Promise.resolve(m);
      if (closed) return Promise.reject(new Error('the connection closed'));
      return new Promise<M>((resolve, reject) => waiting.push({ resolve, reject }));
    },
  };
}
