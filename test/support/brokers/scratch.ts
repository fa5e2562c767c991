// Temporary directories of broker harnesses, and the reaping of what a killed test run left.
// Each harness works in a directory of its own under <tmp>/iotc-brokers/, which names the test
// process that made it (pid and start time). Every process a harness starts carries that
// directory in its environment (IOTC_BROKER_DIR), so the next run can find them: directories
// whose test process is gone are reaped — their processes killed, the directory removed.

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pidAlive, processAlive } from './processes';

export const ROOT = path.join(tmpdir(), 'iotc-brokers');
/** The environment variable that ties a broker's processes to its directory. */
export const DIR_VAR = 'IOTC_BROKER_DIR';
const OWNER_FILE = 'owner.json';

/** The start time of process `pid` in clock ticks since boot (field 22 of /proc/pid/stat). */
export function startTicks(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function ownerAlive(dir: string): boolean {
  try {
    const owner = JSON.parse(fs.readFileSync(path.join(dir, OWNER_FILE), 'utf8')) as { pid: number; start?: string };
    return pidAlive(owner.pid) && startTicks(owner.pid) === owner.start;
  } catch {
    // No owner file yet: a directory being made right now, or a broken one. Leave young ones alone.
    try {
      return Date.now() - fs.statSync(dir).mtimeMs < 60_000;
    } catch {
      return false;
    }
  }
}

/** The processes whose environment ties them to `dir`, with their command names. */
export function processesOf(dir: string): { pid: number; comm: string }[] {
  const needle = Buffer.from(`${DIR_VAR}=${dir}\0`);
  const found: { pid: number; comm: string }[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      if (fs.readFileSync(`/proc/${name}/environ`).includes(needle)) {
        found.push({ pid: Number(name), comm: fs.readFileSync(`/proc/${name}/comm`, 'utf8').trim() });
      }
    } catch {
      // gone already, or not ours to read
    }
  }
  return found;
}

/** Waits (blocking, polling every 20 ms) up to `ms` for every process of `pids` to end. */
function waitGoneSync(pids: number[], ms: number): void {
  const deadline = Date.now() + ms;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  while (pids.some(processAlive) && Date.now() < deadline) Atomics.wait(pause, 0, 0, 20);
}

/** Ends an epmd that a reaped node started, unless some node (anyone's) is still registered. */
function endEpmd(): void {
  try {
    const names = execFileSync('epmd', ['-names'], {
      encoding: 'utf8',
      timeout: 5000,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    if (!/^name /m.test(names)) execFileSync('epmd', ['-kill'], { timeout: 5000, stdio: 'ignore' });
  } catch {
    // not running, or it refused
  }
}

/** Kills the processes of every harness directory whose test process is gone, and removes them. */
export function reapLeftovers(): string[] {
  if (!fs.existsSync(ROOT)) return [];
  const reaped: string[] = [];
  for (const name of fs.readdirSync(ROOT)) {
    const dir = path.join(ROOT, name);
    if (ownerAlive(dir)) continue;
    const found = processesOf(dir);
    // epmd is shared by every node of the machine: it is only asked to end, below.
    for (const { pid } of found.filter((p) => p.comm !== 'epmd')) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
    waitGoneSync(
      found.filter((p) => p.comm !== 'epmd').map((p) => p.pid),
      5000,
    );
    if (found.some((p) => p.comm === 'epmd')) endEpmd();
    fs.rmSync(dir, { recursive: true, force: true });
    reaped.push(dir);
  }
  return reaped;
}

let reapedOnce = false;

/** A new directory `<tmp>/iotc-brokers/<kind>-XXXXXX` owned by this test process (reaps leftovers first, once). */
export function scratchDir(kind: string): string {
  if (!reapedOnce) {
    reapedOnce = true;
    reapLeftovers();
  }
  fs.mkdirSync(ROOT, { recursive: true, mode: 0o755 });
  fs.chmodSync(ROOT, 0o755); // brokers that drop to their own user must reach their directory
  const dir = fs.mkdtempSync(path.join(ROOT, `${kind}-`));
  fs.writeFileSync(path.join(dir, OWNER_FILE), JSON.stringify({ pid: process.pid, start: startTicks(process.pid) }));
  return dir;
}

/** Removes a harness directory. */
export function removeScratch(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** The uid and gid of a system user, or undefined when there is no such user. */
export function systemUser(name: string): { uid: number; gid: number } | undefined {
  try {
    const line = fs
      .readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .find((l) => l.startsWith(`${name}:`));
    if (!line) return undefined;
    const [, , uid, gid] = line.split(':');
    return { uid: Number(uid), gid: Number(gid) };
  } catch {
    return undefined;
  }
}

/** Gives `dir` and everything in it to `user` (a broker that drops to that user reads and writes there). */
export function chownTree(dir: string, user: { uid: number; gid: number }): void {
  fs.chownSync(dir, user.uid, user.gid);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) chownTree(full, user);
    else fs.chownSync(full, user.uid, user.gid);
  }
}
