// Repeated failed authentications of one client id, gathered into one connection-log entry
// (platform-contract.md §3, §4.3): the first failure of a burst is recorded in full as always;
// the ones after it, refused by the token check or unchecked past the threshold (176), are only
// counted, and a burst ends `windowMs` after it began (or when the id connects, or the server
// stops) with one entry that gives their count, addresses and time span. So a guesser adds at
// most three entries a minute to a device's log, and its genuine history stays within the Logs
// API's reach (offset ≤ 1000).

import type { ParsedClientId } from '../../../../core/ids';

export interface BurstSummary {
  /** Failures after the first. */
  readonly count: number;
  /** Of them, refused unchecked past the threshold (176). */
  readonly limited: number;
  readonly from: number;
  readonly to: number;
  /** Up to MAX_ADDRESSES addresses, in order of first appearance. */
  readonly addresses: readonly string[];
  /** Failures from addresses past those (attempts, not distinct addresses: they are not kept). */
  readonly moreAddresses: number;
}

interface Burst {
  readonly id: ParsedClientId;
  readonly began: number;
  last: number;
  count: number;
  limited: number;
  /** Whether a 176 was told (once per burst, on the monitor topic). */
  toldLimited: boolean;
  readonly addresses: Set<string>;
  moreAddresses: number;
  readonly timer: ReturnType<typeof setTimeout>;
}

const MAX_ADDRESSES = 5;
/** Bursts tracked at once; past it, the oldest ends early (its entry is written). */
const MAX_BURSTS = 10_000;

export type BurstPlace =
  /** The first failure of a burst: record it in full. */
  | 'first'
  /** A later one: counted. `tellLimited`: the first one refused unchecked; say 176 once. */
  | { readonly counted: true; readonly tellLimited: boolean };

export class FailureBursts {
  private readonly bursts = new Map<string, Burst>();

  constructor(
    private readonly windowMs: number,
    private readonly write: (id: ParsedClientId, summary: BurstSummary) => void,
  ) {}

  add(id: ParsedClientId, address: string, at: number, limited: boolean): BurstPlace {
    const b = this.bursts.get(id.raw);
    if (!b) {
      const timer = setTimeout(() => this.end(id.raw), this.windowMs);
      timer.unref?.();
      this.bursts.set(id.raw, {
        id,
        began: at,
        last: at,
        count: 0,
        limited: 0,
        toldLimited: false,
        addresses: new Set(),
        moreAddresses: 0,
        timer,
      });
      while (this.bursts.size > MAX_BURSTS) this.end(this.bursts.keys().next().value as string);
      return 'first';
    }
    b.last = Math.max(b.last, at);
    b.count += 1;
    if (b.addresses.has(address) || b.addresses.size < MAX_ADDRESSES) b.addresses.add(address);
    else b.moreAddresses += 1;
    if (!limited) return { counted: true, tellLimited: false };
    b.limited += 1;
    const tellLimited = !b.toldLimited;
    b.toldLimited = true;
    return { counted: true, tellLimited };
  }

  /** Ends the burst of a client id (it connected, or its minute is up): its entry, when it has one. */
  end(clientId: string): void {
    const b = this.bursts.get(clientId);
    if (!b) return;
    this.bursts.delete(clientId);
    clearTimeout(b.timer);
    if (b.count === 0) return;
    this.write(b.id, {
      count: b.count,
      limited: b.limited,
      from: b.began,
      to: b.last,
      addresses: [...b.addresses],
      moreAddresses: b.moreAddresses,
    });
  }

  /** The server stops: every burst's entry now. */
  endAll(): void {
    for (const id of [...this.bursts.keys()]) this.end(id);
  }
}
