// The processes of this machine that the debugging loop asks about (Linux /proc, procOwners.ts):
// the TCP connections a debuggee and everything below it hold, and the process behind a client's
// address:port with its command line and start time. Each answer carries why it may be empty.

import {
  commandLineOf,
  connectionsOf,
  descendantsOf,
  ownersOf,
  startTimeOf,
  type OwnedConnection,
  type ProcAnswer,
  type ProcOptions,
} from './procOwners';
import type { Endpoint } from './procNet';

export interface ProcessFacts {
  readonly pid: number;
  /** Untrusted text: the arguments it was started with. */
  readonly cmdline: readonly string[];
  /** Epoch ms, when /proc tells. */
  readonly startedAt?: number;
}

/** What the debugging loop needs of the machine's processes; tests may give their own. */
export interface ProcessReader {
  /** Established connections of these processes and all their descendants. */
  connectionsBelow(pids: readonly number[]): Promise<ProcAnswer<OwnedConnection[]>>;
  /** The processes holding the socket whose local end is this address:port. */
  ownersOf(local: Endpoint): Promise<ProcAnswer<ProcessFacts[]>>;
  /** Every process below these (themselves included). */
  descendantsOf(pids: readonly number[]): Promise<ProcAnswer<number[]>>;
  /** A process's command line and start time; undefined when it is gone. */
  facts(pid: number): Promise<ProcessFacts | undefined>;
}

export function procReader(o: ProcOptions = {}): ProcessReader {
  const below = async (pids: readonly number[]): Promise<ProcAnswer<number[]>> => {
    const all = new Set<number>();
    const reasons: string[] = [];
    for (const pid of pids) {
      const tree = await descendantsOf(pid, o);
      tree.value.forEach((p) => all.add(p));
      if (tree.reason) reasons.push(tree.reason);
    }
    return { value: [...all], reason: reasons.length > 0 ? reasons.join('; ') : undefined };
  };
  const facts = async (pid: number): Promise<ProcessFacts | undefined> => {
    const cmdline = await commandLineOf(pid, o);
    if (cmdline.reason !== undefined && cmdline.value.length === 0) return undefined;
    return { pid, cmdline: cmdline.value, startedAt: (await startTimeOf(pid, o)).value };
  };
  return {
    descendantsOf: below,
    facts,
    async connectionsBelow(pids) {
      const tree = await below(pids);
      const found = await connectionsOf(tree.value, o);
      const reason = [tree.reason, found.reason].filter((r) => r !== undefined).join('; ');
      return { value: found.value, reason: reason === '' ? undefined : reason };
    },
    async ownersOf(local) {
      const owners = await ownersOf(local, o);
      const facts = await Promise.all(
        owners.value.map(async (p) => ({
          pid: p.pid,
          cmdline: p.cmdline,
          startedAt: (await startTimeOf(p.pid, o)).value,
        })),
      );
      return { value: facts, reason: owners.reason };
    },
  };
}
