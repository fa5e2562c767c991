// Child processes of broker harnesses: each started in a process group of its own, its output
// kept (the last lines) for failure messages, stopped by signalling the whole group. Every group
// still alive when the test process exits is killed then; what a killed test process leaves
// behind is reaped by scratch.ts on the next run.

import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface Group {
  readonly child: ChildProcess;
  /** The pid of the group's leader (the child), which is also the group id. */
  readonly pid: number;
  /** The last lines the process wrote to stdout and stderr, in order. */
  readonly lines: string[];
  readonly exited: Promise<Exit>;
  running(): boolean;
}

const MAX_LINES = 4000;
/** Process groups to kill if the test process exits with them still running. */
const live = new Set<number>();
process.on('exit', () => {
  for (const pgid of live) signalGroup(pgid, 'SIGKILL');
});

/** Sends `signal` to every process of group `pgid`; false when there is none. */
export function signalGroup(pgid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}

/** Whether a process `pid` exists (zombies included). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether process `pid` runs: it exists and is not a zombie (an ended process whose parent has
 *  not collected it yet; in a container whose init does not collect orphans it may stay one). */
export function processAlive(pid: number): boolean {
  if (!pidAlive(pid)) return false;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}

/** Kills group `pgid` on exit of the test process unless forgotten first (for groups not spawned here). */
export function killOnExit(pgid: number): () => void {
  live.add(pgid);
  return () => live.delete(pgid);
}

function keepLines(stream: NodeJS.ReadableStream | null, lines: string[]): void {
  if (!stream) return;
  let rest = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop() ?? '';
    lines.push(...parts);
    if (lines.length > MAX_LINES) lines.splice(0, lines.length - MAX_LINES);
  });
  stream.on('end', () => {
    if (rest) lines.push(rest);
  });
}

/** Starts `command` in a new process group, with its output kept; stdin closed unless `stdin: 'pipe'`. */
export function spawnGroup(
  command: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; stdin?: 'pipe' | 'ignore' } = {},
): Group {
  const { stdin = 'ignore', ...rest } = options;
  const child = spawn(command, args, { ...rest, detached: true, stdio: [stdin, 'pipe', 'pipe'] });
  const lines: string[] = [];
  keepLines(child.stdout, lines);
  keepLines(child.stderr, lines);
  let done = false;
  const exited = new Promise<Exit>((resolve) => {
    child.once('error', (err) => {
      done = true;
      lines.push(String(err));
      resolve({ code: null, signal: null });
    });
    child.once('exit', (code, signal) => {
      done = true;
      resolve({ code, signal });
    });
  });
  const pid = child.pid ?? -1;
  if (pid > 0) {
    live.add(pid);
    void exited.then(() => live.delete(pid));
  }
  return { child, pid, lines, exited, running: () => !done };
}

/** Waits up to `ms` for `p`; true when it settled in time. */
export async function within(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const settled = await Promise.race([
    p.then(
      () => true,
      () => true,
    ),
    timeout,
  ]);
  clearTimeout(timer);
  return settled;
}

/** SIGTERM to the group, then SIGKILL if the leader has not exited after `graceMs`. */
export async function stopGroup(group: Group, graceMs = 5000): Promise<Exit> {
  if (group.running()) {
    signalGroup(group.pid, 'SIGTERM');
    if (!(await within(group.exited, graceMs))) signalGroup(group.pid, 'SIGKILL');
  }
  const exit = await group.exited;
  signalGroup(group.pid, 'SIGKILL'); // anything of the group that outlived its leader
  return exit;
}

export interface RunResult {
  stdout: string;
  stderr: string;
}

/** Runs a command to its end; rejects with its output when it fails or outlives `timeoutMs` (then it
 *  gets SIGTERM, which `su` passes on to the command it runs). */
export function run(
  command: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {},
): Promise<RunResult> {
  const { timeoutMs = 60_000, ...rest } = options;
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { ...rest, timeout: timeoutMs, killSignal: 'SIGTERM', maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`${command} ${args.join(' ')} failed: ${err.message}\n${stdout}\n${stderr}`.trim()));
        else resolve({ stdout, stderr });
      },
    );
  });
}
