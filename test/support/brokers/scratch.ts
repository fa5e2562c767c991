// Temporary directories of broker harnesses, and the reaping of what a killed test run left.
// Each harness works in a directory of its own under <tmp>/iotc-brokers/, which names the test
// process that made it (pid and start time). Every process a harness starts carries that
// directory in its environment (IOTC_BROKER_DIR), so the next run can find them: directories
// whose test process is gone are reaped — their processes killed, the directory removed.

import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pidAlive } from './processes';

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

/** The pids of processes whose environment ties them to `dir` (epmd excepted: nodes share it). */
export function processesOf(dir: string): number[] {
  const needle = Buffer.from(`${DIR_VAR}=${dir}\0`);
  const found: number[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      if (fs.readFileSync(`/proc/${name}/comm`, 'utf8').trim() === 'epmd') continue;
      if (fs.readFileSync(`/proc/${name}/environ`).includes(needle)) found.push(Number(name));
    } catch {
      // gone already, or not ours to read
    }
  }
  return found;
}

/** Kills the processes of every harness directory whose test process is gone, and removes them. */
export function reapLeftovers(): string[] {
  if (!fs.existsSync(ROOT)) return [];
  const reaped: string[] = [];
  for (const name of fs.readdirSync(ROOT)) {
    const dir = path.join(ROOT, name);
    if (ownerAlive(dir)) continue;
    for (const pid of processesOf(dir)) {
      try { process.kill(pid, 'SIGKILL'); } catch { /* already gone */ }
    }
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
    const line = fs.readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith(`${name}:`));
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
