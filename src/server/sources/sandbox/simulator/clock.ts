// The fleet's only timers. Every wait of every simulated client goes through here, so stopping the
// fleet clears them all at once and ends every client's loop (its wait rejects with Stopped).
// Timers are unref'd: a fleet somebody forgot to close does not keep the process alive by itself.

/** Thrown into a client's loop when the fleet stops. */
export class Stopped extends Error {
  constructor() {
    super('the fleet has stopped');
  }
}

interface Pending {
  timer: NodeJS.Timeout;
  reject(err: Stopped): void;
}

/** Something that can end early (a connection): `onEnd` returns a function that stops listening. */
export interface Ending {
  onEnd(listener: () => void): () => void;
}

export class Clock {
  private stopped = false;
  private readonly pending = new Set<Pending>();

  get isStopped(): boolean {
    return this.stopped;
  }

  /** Throws Stopped once the fleet has stopped. */
  check(): void {
    if (this.stopped) throw new Stopped();
  }

  /**
   * Waits `ms`; resolves true when the time passed, false as soon as `until` ends first
   * (a connection closed). Rejects with Stopped when the fleet stops.
   */
  wait(ms: number, until?: Ending): Promise<boolean> {
    if (this.stopped) return Promise.reject(new Stopped());
    return new Promise<boolean>((resolve, reject) => {
      let unlisten = () => {};
      const entry: Pending = {
        timer: setTimeout(() => finish(true), Math.max(0, ms)).unref(),
        reject: (err) => {
          this.pending.delete(entry);
          unlisten();
          reject(err);
        },
      };
      const finish = (elapsed: boolean) => {
        if (!this.pending.delete(entry)) return;
        clearTimeout(entry.timer);
        unlisten();
        resolve(elapsed);
      };
      this.pending.add(entry);
      if (until) unlisten = until.onEnd(() => finish(false));
    });
  }

  /** Clears every timer; every pending wait rejects with Stopped. */
  stop(): void {
    this.stopped = true;
    for (const entry of [...this.pending]) {
      clearTimeout(entry.timer);
      entry.reject(new Stopped());
    }
  }
}
