// Which processes own which TCP connections on this machine (Linux, from /proc): a debuggee's
// descendants and their established connections, and the process behind a local address:port a
// broker reported. Every answer is a value, empty with a reason when /proc cannot tell; nothing
// here throws. Only the network namespace of the processes asked about (or of this process, for
// ownersOf) is searched.

import * as os from 'node:os';
import { endpointKey, normalAddress, parseProcNetTcp, type Endpoint, type ProcSocket } from './procNet';
import {
  Failures,
  listDir,
  listPids,
  notLinux,
  parentFromStat,
  readLink,
  readText,
  type ProcAnswer,
  type ProcOptions,
} from './procFs';

export type { ProcAnswer, ProcOptions } from './procFs';

export interface OwnedConnection {
  pid: number;
  inode: string;
  local: Endpoint;
  remote: Endpoint;
}

export interface ProcessInfo {
  pid: number;
  /** The arguments, as the process was started (`/proc/<pid>/cmdline`); untrusted text. */
  cmdline: string[];
}

const SOCKET_LINK = /^socket:\[(\d+)\]$/;

/** `pid` and every process below it, parents before children; empty when `pid` is not running. */
export async function descendantsOf(pid: number, o: ProcOptions = {}): Promise<ProcAnswer<number[]>> {
  const no = notLinux(o);
  if (no) return { value: [], reason: no };
  const pids = await listPids(o);
  if (!pids.ok) return { value: [], reason: `/proc could not be listed: ${pids.message}` };
  const failures = new Failures();
  const children = new Map<number, number[]>();
  let found = false;
  const stats = await Promise.all(pids.value.map((p) => readText(o, String(p), 'stat')));
  pids.value.forEach((p, i) => {
    const stat = stats[i];
    if (!stat.ok) return failures.note(stat);
    if (p === pid) found = true;
    const parent = parentFromStat(stat.value);
    if (parent !== undefined && parent !== p) children.set(parent, [...(children.get(parent) ?? []), p]);
  });
  if (!found) return { value: [], reason: `no process ${pid} is running` };
  const seen = new Set([pid]);
  const order = [pid];
  for (let i = 0; i < order.length; i++) {
    for (const c of children.get(order[i]) ?? []) {
      if (seen.has(c)) continue;
      seen.add(c);
      order.push(c);
    }
  }
  return { value: order, reason: failures.reason() };
}

/** The socket inodes a process holds open (its `fd/*` links to `socket:[inode]`). */
export async function socketInodesOf(pid: number, o: ProcOptions = {}): Promise<ProcAnswer<string[]>> {
  const no = notLinux(o);
  if (no) return { value: [], reason: no };
  const fds = await listDir(o, String(pid), 'fd');
  if (!fds.ok) {
    return {
      value: [],
      reason:
        fds.failure === 'vanished'
          ? `process ${pid} has ended`
          : `the descriptors of process ${pid} cannot be read: ${fds.message}`,
    };
  }
  return { value: await socketsAmong(o, pid, fds.value) };
}

/** The established TCP connections of these processes, each with the process that holds it. */
export async function connectionsOf(
  pids: readonly number[],
  o: ProcOptions = {},
): Promise<ProcAnswer<OwnedConnection[]>> {
  const no = notLinux(o);
  if (no) return { value: [], reason: no };
  const reasons: string[] = [];
  const tables = new Map<string, ProcSocket[]>();
  const found: OwnedConnection[] = [];
  for (const pid of pids) {
    const inodes = await socketInodesOf(pid, o);
    if (inodes.reason) reasons.push(inodes.reason);
    if (inodes.value.length === 0) continue;
    // A process's own view of the tables: it may live in another network namespace.
    const ns = await readLink(o, String(pid), 'ns', 'net');
    const key = ns.ok ? ns.value : `pid ${pid}`;
    let sockets = tables.get(key);
    if (sockets === undefined) {
      sockets = await readTables(o, String(pid), 'net');
      tables.set(key, sockets);
    }
    const mine = new Set(inodes.value);
    for (const s of sockets) {
      if (s.state === 'ESTABLISHED' && mine.has(s.inode)) {
        found.push({ pid, inode: s.inode, local: s.local, remote: s.remote });
      }
    }
  }
  return { value: found, reason: reasons.length > 0 ? reasons.join('; ') : undefined };
}

/**
 * The processes on this machine holding the TCP socket whose local end is `local` (a client's
 * address:port as a broker reports it).
 */
export async function ownersOf(local: Endpoint, o: ProcOptions = {}): Promise<ProcAnswer<ProcessInfo[]>> {
  const no = notLinux(o);
  if (no) return { value: [], reason: no };
  const want = endpointKey({ address: normalAddress(local.address), port: local.port });
  const inodes = new Set(
    (await readTables(o, 'net')).filter((s) => s.inode !== '0' && endpointKey(s.local) === want).map((s) => s.inode),
  );
  if (inodes.size === 0) return { value: [], reason: `no TCP socket on this machine has the local address ${want}` };
  const pids = await listPids(o);
  if (!pids.ok) return { value: [], reason: `/proc could not be listed: ${pids.message}` };
  const failures = new Failures();
  const owners: ProcessInfo[] = [];
  for (const pid of pids.value) {
    const fds = await listDir(o, String(pid), 'fd');
    if (!fds.ok) {
      failures.note(fds);
      continue;
    }
    if ((await socketsAmong(o, pid, fds.value)).some((inode) => inodes.has(inode))) {
      owners.push({ pid, cmdline: (await commandLineOf(pid, o)).value });
    }
  }
  const reason =
    owners.length === 0
      ? (failures.reason() ?? `the socket of ${want} is held by no process this user can see`)
      : undefined;
  return { value: owners, reason };
}

/** A process's arguments (`/proc/<pid>/cmdline`, NUL-separated); empty for a kernel thread or a process that ended. */
export async function commandLineOf(pid: number, o: ProcOptions = {}): Promise<ProcAnswer<string[]>> {
  const no = notLinux(o);
  if (no) return { value: [], reason: no };
  const text = await readText(o, String(pid), 'cmdline');
  if (!text.ok) return { value: [], reason: text.failure === 'vanished' ? `process ${pid} has ended` : text.message };
  const args = text.value.split('\0');
  if (args.length > 0 && args[args.length - 1] === '') args.pop();
  return { value: args };
}

/** The socket inodes among a process's descriptors; one closed meanwhile is passed over. */
async function socketsAmong(o: ProcOptions, pid: number, fds: string[]): Promise<string[]> {
  const links = await Promise.all(fds.map((fd) => readLink(o, String(pid), 'fd', fd)));
  return links.flatMap((link) => {
    const m = link.ok ? SOCKET_LINK.exec(link.value) : null;
    return m ? [m[1]] : [];
  });
}

/** Both TCP tables under `<root>/<...at>/` (IPv6 may be absent), as sockets. */
async function readTables(o: ProcOptions, ...at: string[]): Promise<ProcSocket[]> {
  const littleEndian = o.littleEndian ?? os.endianness() === 'LE';
  const sockets: ProcSocket[] = [];
  for (const table of ['tcp', 'tcp6'] as const) {
    const text = await readText(o, ...at, table);
    if (text.ok) sockets.push(...parseProcNetTcp(text.value, table, { littleEndian }));
  }
  return sockets;
}

/** Linux's clock ticks per second for /proc times (USER_HZ, fixed at 100 for user space). */
const USER_HZ = 100;

/** When a process started, in epoch ms (`/proc/<pid>/stat` field 22 after the boot time of `/proc/stat`). */
export async function startTimeOf(pid: number, o: ProcOptions = {}): Promise<ProcAnswer<number | undefined>> {
  const no = notLinux(o);
  if (no) return { value: undefined, reason: no };
  const [stat, boot] = await Promise.all([readText(o, String(pid), 'stat'), readText(o, 'stat')]);
  if (!stat.ok) {
    return { value: undefined, reason: stat.failure === 'vanished' ? `process ${pid} has ended` : stat.message };
  }
  if (!boot.ok) return { value: undefined, reason: `the boot time could not be read: ${boot.message}` };
  const btime = /^btime\s+(\d+)$/m.exec(boot.value);
  const close = stat.value.lastIndexOf(')');
  const ticks =
    close < 0
      ? NaN
      : Number(
          stat.value
            .slice(close + 1)
            .trim()
            .split(/\s+/)[19],
        );
  if (!btime || !Number.isFinite(ticks)) {
    return { value: undefined, reason: `the start time of ${pid} is not readable` };
  }
  return { value: Number(btime[1]) * 1000 + (ticks * 1000) / USER_HZ };
}
