// The organization's fair-use rate (platform-contract.md §2.4): a token bucket refilled at `rate` calls per
// second, holding at most one second's worth, so short bursts pass and a flood gets 429.

export type Take = { ok: true } | { ok: false; retryAfterSeconds: number };

export class TokenBucket {
  private tokens: number;
  private last: number;
  private readonly capacity: number;

  constructor(
    private readonly rate: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    if (!(rate > 0) || !Number.isFinite(rate)) {
      throw new RangeError(`rate must be a positive number of calls per second, got ${rate}`);
    }
    this.capacity = Math.max(1, rate);
    this.tokens = this.capacity;
    this.last = now();
  }

  take(): Take {
    const t = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((t - this.last) / 1000) * this.rate);
    this.last = t;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { ok: true };
    }
    // Whole seconds until a token is there, at least 1 (Retry-After is an integer).
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - this.tokens) / this.rate)) };
  }
}
