// Client-side pacing to the platform's fair-use rate (10 calls/s per organization, spec §2.4),
// shared by every call of one REST client. A sliding window: a call starts only when fewer than
// `limit` calls started in the last `windowMs`, so no one-second window at the server ever sees
// more than `limit` — whatever window or bucket the server counts with. A burst of `limit` goes
// at once (the first page of each tree group is not delayed). A 429 pauses everyone.
// Written here rather than taken from a rate-limit package because waiting calls must leave the
// queue the moment their AbortSignal fires, which the common packages do not offer.

export class Pacer {
  /** Start times of the last `limit` calls, oldest first. */
  private readonly starts: number[] = [];
  private pausedUntil = 0;
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {
    if (!(limit >= 1) || !(windowMs > 0)) throw new RangeError(`pacing needs limit >= 1 and window > 0 (got ${limit}, ${windowMs})`);
  }

  /** Resolves when this call may start; rejects with the signal's reason if it aborts first. */
  take(signal?: AbortSignal): Promise<void> {
    // Calls are admitted in order: each waits for the one before it to be admitted.
    // A call that is cancelled while others are ahead of it leaves at once, without a slot.
    const turn = this.tail.then(() => this.admit(signal));
    this.tail = turn.catch(() => undefined);
    return signal ? raceAbort(turn, signal) : turn;
  }

  /** Holds every call until `until` (epoch ms), e.g. from a 429's Retry-After. */
  pauseUntil(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }

  private async admit(signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const wait = this.waitMs();
      if (wait <= 0) break;
      await sleep(wait, signal);
    }
    this.starts.push(this.now());
    if (this.starts.length > this.limit) this.starts.shift();
  }

  private waitMs(): number {
    const now = this.now();
    const windowWait = this.starts.length < this.limit ? 0 : this.starts[0] + this.windowMs - now;
    return Math.max(windowWait, this.pausedUntil - now);
  }
}

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Waits `ms`, or rejects with the signal's reason when it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
