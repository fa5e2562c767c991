// Exponential backoff with jitter, shared by the REST retries and the monitor's reconnects.
// "Equal jitter": half the step is fixed, half random, so clients that failed together spread
// out yet never retry at once (a full-jitter 0 ms retry would hammer a recovering server).

export interface BackoffOptions {
  /** First delay, before jitter. */
  readonly initialMs: number;
  /** Largest delay, before jitter. */
  readonly maxMs: number;
  /** Growth per attempt; 2 doubles. */
  readonly factor?: number;
}

/** The delay before retry number `attempt` (1 = the first retry). */
export function backoffDelay(attempt: number, options: BackoffOptions, random: () => number = Math.random): number {
  const step = Math.min(options.maxMs, options.initialMs * (options.factor ?? 2) ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + (step / 2) * random());
}
