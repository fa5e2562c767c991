// The @wiotp/sdk child process as the tests see it: call an operation, read the events it
// reported, wait for one. Its stdout and stderr are kept for failure messages.

import { fork, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { waitFor } from '../../../support/waitFor';
import type { SdkEvent, SdkReply, SdkRequest } from './sdkProtocol';

export class SdkProcess {
  readonly events: SdkEvent[] = [];
  output = '';
  private nextId = 1;
  private readonly waiting = new Map<number, (reply: SdkReply) => void>();
  private readonly exited: Promise<void>;

  private constructor(private readonly child: ChildProcess) {
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (this.output += d));
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (this.output += d));
    child.on('message', (m: SdkReply | SdkEvent) => {
      if ('event' in m) this.events.push(m);
      else this.waiting.get(m.id)?.(m);
    });
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
  }

  /** Starts the child trusting `caFile`, with *.localhost resolving to loopback. */
  static start(caFile: string): SdkProcess {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_EXTRA_CA_CERTS: caFile };
    for (const proxy of ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy']) delete env[proxy];
    return new SdkProcess(
      fork(path.join(__dirname, 'sdk.child.js'), [], {
        execArgv: ['--require', path.join(__dirname, 'resolveLocalhost.js')],
        env,
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      }),
    );
  }

  /** Runs an operation in the child; rejects with its error (and HTTP status, if any). */
  call<T = unknown>(op: SdkRequest['op'], args: Record<string, unknown> = {}, timeoutMs = 10_000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`${op} did not answer in ${timeoutMs} ms; the child said: ${this.output.slice(-2000)}`));
      }, timeoutMs);
      this.waiting.set(id, (reply) => {
        clearTimeout(timer);
        this.waiting.delete(id);
        if (reply.ok) resolve(reply.value as T);
        else reject(Object.assign(new Error(`${op}: ${reply.error}`), { status: reply.status, data: reply.data }));
      });
      this.child.send({ id, op, args } satisfies SdkRequest);
    });
  }

  /** The first reported event that `match` accepts, already received or still to come. */
  event<E extends SdkEvent>(what: string, match: (e: SdkEvent) => e is E, timeoutMs = 10_000): Promise<E> {
    return waitFor(what, () => this.events.find(match), { timeoutMs });
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.disconnect();
    const killer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await this.exited;
    clearTimeout(killer);
  }
}
