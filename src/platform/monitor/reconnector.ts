// When the monitor tries to connect again: exponential backoff with jitter, counted from the last
// successful connection, one pending timer at most.

import { backoffDelay, type BackoffOptions } from '../backoff';

export class Reconnector {
  /** Failed attempts since the last successful connection. */
  attempt = 0;
  private timer?: ReturnType<typeof setTimeout>;
  private disposed = false;

  constructor(
    private readonly backoff: BackoffOptions,
    private readonly connect: () => void,
  ) {}

  /** Schedules the next attempt; returns its delay. */
  schedule(): number {
    this.cancel();
    this.attempt += 1;
    const delay = backoffDelay(this.attempt, this.backoff);
    if (!this.disposed) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.connect();
      }, delay);
    }
    return delay;
  }

  succeeded(): void {
    this.attempt = 0;
  }

  reset(): void {
    this.cancel();
    this.attempt = 0;
  }

  dispose(): void {
    this.disposed = true;
    this.cancel();
  }

  private cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
