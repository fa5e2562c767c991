// Reading Linux's /proc without ever throwing: each read gives its value or the kind of failure.
// Processes come and go while they are read; one that vanished is no error, one that may not be
// read (another user's) is a reason the answer is incomplete.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { messageOf } from '../../core/errors';

export interface ProcOptions {
  /** The proc filesystem's mount point (default /proc); tests give a folder of their own. */
  root?: string;
  /** Default process.platform: /proc is read on Linux only. */
  platform?: NodeJS.Platform;
  /** The kernel's byte order for /proc/net addresses (default: this machine's). */
  littleEndian?: boolean;
}

/** An answer and, when it is empty or may be incomplete, why. */
export interface ProcAnswer<T> {
  value: T;
  reason?: string;
}

export type Failure = 'vanished' | 'denied' | 'other';

export type Read<T> = { ok: true; value: T } | { ok: false; failure: Failure; message: string };

export function rootOf(o: ProcOptions): string {
  return o.root ?? '/proc';
}

/** Why /proc cannot be read here at all, or undefined when it can. */
export function notLinux(o: ProcOptions): string | undefined {
  const platform = o.platform ?? process.platform;
  return platform === 'linux'
    ? undefined
    : `process and socket ownership is read from /proc, which ${platform} does not have`;
}

function failed(err: unknown): { ok: false; failure: Failure; message: string } {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const message = messageOf(err);
  if (code === 'ENOENT' || code === 'ESRCH') return { ok: false, failure: 'vanished', message };
  if (code === 'EACCES' || code === 'EPERM') return { ok: false, failure: 'denied', message };
  return { ok: false, failure: 'other', message };
}

async function attempt<T>(op: () => Promise<T>): Promise<Read<T>> {
  try {
    return { ok: true, value: await op() };
  } catch (err) {
    return failed(err);
  }
}

export function readText(o: ProcOptions, ...parts: string[]): Promise<Read<string>> {
  return attempt(() => fs.readFile(path.join(rootOf(o), ...parts), 'utf8'));
}

export function readLink(o: ProcOptions, ...parts: string[]): Promise<Read<string>> {
  return attempt(() => fs.readlink(path.join(rootOf(o), ...parts)));
}

export function listDir(o: ProcOptions, ...parts: string[]): Promise<Read<string[]>> {
  return attempt(() => fs.readdir(path.join(rootOf(o), ...parts)));
}

/** Process ids present under the root now. */
export async function listPids(o: ProcOptions): Promise<Read<number[]>> {
  const names = await listDir(o);
  return names.ok
    ? {
        ok: true,
        value: names.value
          .filter((n) => /^\d+$/.test(n))
          .map(Number)
          .sort((a, b) => a - b),
      }
    : names;
}

/** The parent pid from `/proc/<pid>/stat` text; the command name may hold spaces and parentheses. */
export function parentFromStat(stat: string): number | undefined {
  const close = stat.lastIndexOf(')');
  if (close < 0) return undefined;
  const ppid = Number(
    stat
      .slice(close + 1)
      .trim()
      .split(/\s+/)[1],
  );
  return Number.isInteger(ppid) && ppid >= 0 ? ppid : undefined;
}

/** Counts the failures of a walk and says, once, what they mean for its answer. */
export class Failures {
  private denied = 0;
  private other: string[] = [];

  note(read: { ok: false; failure: Failure; message: string }): void {
    if (read.failure === 'denied') this.denied++;
    else if (read.failure === 'other') this.other.push(read.message);
  }

  reason(): string | undefined {
    const parts: string[] = [];
    if (this.denied > 0) {
      parts.push(
        `${this.denied} ${this.denied === 1 ? 'entry' : 'entries'} of /proc could not be read (permission denied)`,
      );
    }
    if (this.other.length > 0) parts.push(`reading /proc failed: ${this.other[0]}`);
    return parts.length > 0 ? parts.join('; ') : undefined;
  }
}
