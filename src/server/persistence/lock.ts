// One sandbox per data dir: two processes appending to one journal would interleave and corrupt
// it. The lock file holds the owner's pid and, where /proc tells it, when that process started:
// a lock whose process no longer runs (kill -9), has ended but not been reaped (a zombie), or
// whose pid now belongs to another process (reused after a restart; in a container the sandbox
// gets the same pid each start, so even this process's pid) is taken over. This very process
// (same pid, same start) holds it: a second open in one process is refused too.

import * as fs from 'node:fs';

interface Owner {
  readonly pid: number;
  /** The process's start time in clock ticks since boot (/proc/{pid}/stat, field 22), when known. */
  readonly start?: string;
}

/** State and start time of a process from /proc; undefined where there is no /proc (or no such process). */
function procStat(pid: number): { state: string; start: string } | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid …": comm may hold spaces and parentheses; the fields follow the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0], start: fields[19] };
  } catch {
    return undefined;
  }
}

function signalable(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function holds(owner: Owner): boolean {
  // This pid without a start time: a lock of an earlier build, left by an earlier process with our pid.
  if (owner.pid === process.pid && owner.start === undefined) return false;
  if (!signalable(owner.pid)) return false;
  const now = procStat(owner.pid);
  if (now === undefined) return true; // no /proc: the signal is all there is to go by
  if (now.state === 'Z' || now.state === 'X') return false;
  return owner.start === undefined || owner.start === now.start;
}

/** The owner a lock file names: `{"pid":…,"start":"…"}`, or a bare pid (earlier builds). */
function readOwner(text: string): Owner | undefined {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return { pid: Number(trimmed) };
  try {
    const v = JSON.parse(trimmed) as { pid?: unknown; start?: unknown };
    if (!Number.isInteger(v.pid) || (v.pid as number) <= 0) return undefined;
    return { pid: v.pid as number, ...(typeof v.start === 'string' ? { start: v.start } : {}) };
  } catch {
    return undefined;
  }
}

/** What this process writes into its lock. */
export function lockText(): string {
  const start = procStat(process.pid)?.start;
  return JSON.stringify({ pid: process.pid, ...(start !== undefined ? { start } : {}) });
}

/** Takes the lock or throws; returns the release function. */
export function lockDataDir(file: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, lockText(), { flag: 'wx' });
      return () => fs.rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = readOwner(fs.readFileSync(file, 'utf8'));
      if (owner && holds(owner)) {
        throw new Error(
          `the data dir is in use by process ${owner.pid} (lock ${file}); stop that sandbox or use another --data-dir`,
          { cause: err },
        );
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`could not take the lock ${file}`);
}
