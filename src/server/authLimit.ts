// Failed authentications, counted per source address and per client id (or API key) over a sliding
// window (platform-contract.md §4.3, "Too many authorization requests"): past a threshold, further
// attempts are refused before any work — before a token is hashed, anything is written, or anyone
// is told — until the oldest failure leaves the window. HTTP answers them 429 with Retry-After,
// MQTT with CONNACK 3 and close code 176. Only failures count: a refused attempt does not extend
// the wait, and a success does not clear it (it could be the guess that worked).
//
// Loopback is exempt by default: the simulated fleet, the extension, its tests and every local
// tool share 127.0.0.1 (one bad-token device would lock them all out of an address, a test of a
// wrong token out of the API key), and whoever is on this machine can read the data directory
// anyway. The limits are for strangers: every other address (a sandbox listening on a network).

export interface AuthLimits {
  /** Failures from one address within the window before its attempts are refused. */
  readonly perAddress: number;
  /** Failures of one client id (MQTT) or API key (HTTP) within the window before its attempts are refused. */
  readonly perId: number;
  readonly windowMs: number;
  /** Count attempts from loopback too (tests; off by default, see above). */
  readonly limitLoopback: boolean;
}

export const DEFAULT_AUTH_LIMITS: AuthLimits = { perAddress: 30, perId: 10, windowMs: 60_000, limitLoopback: false };

/** Keys tracked at most (each holds up to its threshold of times); the oldest go first. */
const MAX_KEYS = 10_000;

export function isLoopback(address: string): boolean {
  return /^(127\.|::1$|::ffff:127\.)/.test(address);
}

export class AuthFailures {
  readonly limits: AuthLimits;
  /** Failure times per key, oldest first, at most the key's threshold. */
  private readonly times = new Map<string, number[]>();

  constructor(
    limits: Partial<AuthLimits> = {},
    private readonly now: () => number = Date.now,
  ) {
    this.limits = { ...DEFAULT_AUTH_LIMITS, ...limits };
  }

  /** Before any work: the seconds to wait when the address or the id is over its threshold, else undefined. */
  refusal(address: string, id?: string): number | undefined {
    const t = this.now();
    const waits = this.keys(address, id).map(([key, max]) => this.wait(key, max, t));
    const longest = Math.max(0, ...waits.filter((w): w is number => w !== undefined));
    return longest > 0 ? Math.max(1, Math.ceil(longest / 1000)) : undefined;
  }

  /** After a failed authentication. */
  failed(address: string, id?: string): void {
    const t = this.now();
    for (const [key, max] of this.keys(address, id)) {
      const times = this.recent(key, t);
      times.push(t);
      if (times.length > max) times.splice(0, times.length - max);
      this.times.delete(key); // re-inserted last: the Map's order is by latest failure
      this.times.set(key, times);
    }
    while (this.times.size > MAX_KEYS) this.times.delete(this.times.keys().next().value as string);
  }

  private keys(address: string, id: string | undefined): [string, number][] {
    if (!this.limits.limitLoopback && isLoopback(address)) return [];
    const keys: [string, number][] = [[`addr:${address}`, this.limits.perAddress]];
    if (id !== undefined) keys.push([`id:${id}`, this.limits.perId]);
    return keys;
  }

  /** Milliseconds until the key is under its threshold again; undefined when it is. */
  private wait(key: string, max: number, t: number): number | undefined {
    const times = this.recent(key, t);
    return times.length >= max ? times[times.length - max] + this.limits.windowMs - t : undefined;
  }

  private recent(key: string, t: number): number[] {
    const times = this.times.get(key) ?? [];
    const from = times.findIndex((at) => at > t - this.limits.windowMs);
    return from < 0 ? [] : from > 0 ? times.slice(from) : times;
  }
}
