// The sandbox CLI (dist/sandbox.js) as a child process: its one ready line read with a deadline,
// its stderr handed over line by line, SIGTERM to stop (clients get 93) with SIGKILL as the last
// resort, and never left running when this process exits. No `vscode` import: the extension's
// "Start Local Sandbox" and `npm start` both use it.
import { spawn } from 'child_process';
import * as readline from 'readline';
import type { ReadyInfo } from '../../core/readyInfo';
import { readReadyLine } from './readyLine';

export interface SandboxChildOptions {
  readonly cliPath: string;
  readonly args: readonly string[];
  /**
   * Node to run it with (default process.execPath: in VS Code's Electron host that needs ELECTRON_RUN_AS_NODE, which is
   * always set).
   */
  readonly nodePath?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly onStderrLine?: (line: string) => void;
  readonly readyTimeoutMs?: number;
  readonly signal?: AbortSignal;
  /** Its own process group, so a terminal's Ctrl-C reaches only the parent, which stops it. */
  readonly ownProcessGroup?: boolean;
}

export interface SandboxChild {
  readonly ready: ReadyInfo;
  readonly pid: number;
  /** Settles with the exit code (null after a signal) once the process has ended. */
  readonly exited: Promise<number | null>;
  readonly running: boolean;
  /** SIGTERM, then SIGKILL if it has not ended after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

const READY_MS = 30_000;
const GRACE_MS = 10_000;
const TAIL_LINES = 20;

export async function startSandboxChild(o: SandboxChildOptions): Promise<SandboxChild> {
  o.signal?.throwIfAborted();
  const child = spawn(o.nodePath ?? process.execPath, [o.cliPath, ...o.args], {
    env: { ...(o.env ?? process.env), ELECTRON_RUN_AS_NODE: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: o.ownProcessGroup === true,
    windowsHide: true,
  });
  const tail: string[] = [];
  readline.createInterface({ input: child.stderr }).on('line', (line) => {
    if (tail.push(line) > TAIL_LINES) tail.shift();
    o.onStderrLine?.(line);
  });
  let running = true;
  const exited = new Promise<number | null>((resolve) => {
    const ended = (code: number | null) => {
      running = false;
      process.removeListener('exit', killNow);
      resolve(code);
    };
    child.once('close', ended);
    // A process that could not be started (no such file) may never emit 'close'.
    child.once('error', () => child.pid === undefined && ended(null));
  });
  // Last resort when this process ends first (window closed, host reloaded): the sandbox goes too.
  function killNow(): void {
    if (running) child.kill('SIGKILL');
  }
  process.on('exit', killNow);

  let stopping: Promise<void> | undefined;
  const stop = (graceMs = GRACE_MS) =>
    (stopping ??= (async () => {
      if (!running) return;
      child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), graceMs)));
      if ((await Promise.race([exited, late])) === 'late') {
        child.kill('SIGKILL');
        await exited;
      }
      clearTimeout(timer);
    })());

  const readyLine = new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).once('line', resolve);
    child.once('error', reject);
    void exited.then((code) =>
      reject(
        new Error(`the sandbox exited (code ${code}) before it was ready${tail.length ? `:\n${tail.join('\n')}` : ''}`),
      ),
    );
  });
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  try {
    const line = await Promise.race([
      readyLine,
      new Promise<never>((_, reject) => {
        const ms = o.readyTimeoutMs ?? READY_MS;
        timer = setTimeout(() => reject(new Error(`the sandbox printed no ready line within ${ms / 1000} s`)), ms);
        onAbort = () => reject(o.signal?.reason ?? new Error('cancelled'));
        o.signal?.addEventListener('abort', onAbort, { once: true });
      }),
    ]);
    const ready = readReadyLine(line);
    return {
      ready,
      pid: child.pid ?? 0,
      exited,
      get running() {
        return running;
      },
      stop,
    };
  } catch (err) {
    await stop(1000);
    throw err;
  } finally {
    clearTimeout(timer);
    if (onAbort) o.signal?.removeEventListener('abort', onAbort);
  }
}
