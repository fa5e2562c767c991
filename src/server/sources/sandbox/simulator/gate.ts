// At most so many connection attempts of the fleet in flight at once. Without it, a large fleet
// on a busy machine opens connections faster than the broker answers them, attempts time out in
// the queue, are retried, and the fleet never settles; waiting here, each attempt goes through.

import { Stopped } from './clock';

export class Gate {
  private inFlight = 0;
  private stopped = false;
  private readonly waiting: { enter(): void; stop(err: Stopped): void }[] = [];

  constructor(private readonly limit: number) {}

  /** Runs `attempt` once a place is free; rejects with Stopped when the fleet stops first. */
  async through<T>(attempt: () => Promise<T>): Promise<T> {
    if (this.stopped) throw new Stopped();
    if (this.inFlight >= this.limit) await new Promise<void>((enter, stop) => this.waiting.push({ enter, stop }));
    this.inFlight++;
    try {
      return await attempt();
    } finally {
      this.inFlight--;
      this.waiting.shift()?.enter();
    }
  }

  stop(): void {
    this.stopped = true;
    for (const w of this.waiting.splice(0)) w.stop(new Stopped());
  }
}
