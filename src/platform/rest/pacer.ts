// Client-side pacing to the platform's fair-use rate (10 calls/s per organization, platform-contract.md §2.4),
// shared by every call of one REST client. A sliding window over *finished* calls: a call starts
// only when fewer than `limit` calls are in flight or finished within the last `windowMs`.
// Counting from the answer, not from the start, is what keeps the server's count right: the
// server saw a call before it answered, so a slot's next call reaches the server at least one
// window after the call before it did, however long connecting (new sockets, TLS handshakes) or
// a busy event loop delayed the first one. A burst of `limit` goes at once (the first page of
// each tree group is not delayed). A 429 pauses everyone.
// Written here rather than taken from a rate-limit package because waiting calls must leave the
// queue the moment their AbortSignal fires, which the common packages do not offer.

/** The time source and timer of a pacer; tests pass a virtual one. */
export interface PacerClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: PacerClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** A call's place in the window; `finish()` when its answer (or failure) is in. */
export interface PacerSlot {
  finish(): void;
}

interface Slot {
  finishedAt: number;
}

export class Pacer {
  /** When each counted call finished (Infinity while it is in flight). */
  private readonly slots: Slot[] = [];
  private pausedUntil = 0;
  private tail: Promise<unknown> = Promise.resolve();
  /** Wakes the call waiting at the head of the queue when a slot finishes. */
  private wake: (() => void) | undefined;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly clock: PacerClock = realClock,
  ) {
    if (!(limit >= 1) || !(windowMs > 0)) {
      throw new RangeError(`pacing needs limit >= 1 and window > 0 (got ${limit}, ${windowMs})`);
    }
  }

  /** Resolves with a slot when this call may start; rejects with the signal's reason if it aborts first. */
  take(signal?: AbortSignal): Promise<PacerSlot> {
    // Calls are admitted in order: each waits for the one before it to be admitted.
    // A call that is cancelled while others are ahead of it leaves at once, without a slot.
    const turn = this.tail.then(() => this.admit(signal));
    this.tail = turn.catch(() => undefined);
    if (!signal) return turn.then((slot) => this.publicSlot(slot));
    return new Promise((resolve, reject) => {
      const onAbort = () => reject(signal.reason);
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
      turn.then((slot) => {
        signal.removeEventListener('abort', onAbort);
        // Admitted just as the caller gave up: the call is not made, so it takes no place.
        if (signal.aborted) this.drop(slot);
        else resolve(this.publicSlot(slot));
      }, reject);
    });
  }

  /** Holds every call until `until` (epoch ms of the clock), e.g. from a 429's Retry-After. */
  pauseUntil(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }

  private async admit(signal?: AbortSignal): Promise<Slot> {
    for (;;) {
      signal?.throwIfAborted();
      const wait = this.waitMs();
      if (wait <= 0) break;
      await this.sleep(wait, signal);
    }
    const slot = { finishedAt: Infinity };
    this.slots.push(slot);
    return slot;
  }

  private publicSlot(slot: Slot): PacerSlot {
    return {
      finish: () => {
        if (slot.finishedAt !== Infinity) return;
        slot.finishedAt = this.clock.now();
        this.wake?.();
      },
    };
  }

  private drop(slot: Slot): void {
    this.slots.splice(this.slots.indexOf(slot), 1);
    this.wake?.();
  }

  /** How long the head of the queue must still wait; Infinity while every slot is in flight. */
  private waitMs(): number {
    const now = this.clock.now();
    // Slots whose window has passed no longer count.
    for (let i = this.slots.length - 1; i >= 0; i--) {
      if (this.slots[i].finishedAt + this.windowMs <= now) this.slots.splice(i, 1);
    }
    const pause = this.pausedUntil - now;
    if (this.slots.length < this.limit) return pause;
    const earliest = Math.min(...this.slots.map((s) => s.finishedAt));
    return Math.max(pause, earliest + this.windowMs - now);
  }

  /** Waits `ms` (forever for Infinity), or until a slot finishes; rejects when the signal aborts. */
  private sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = () => {
        if (timer !== undefined) this.clock.clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.wake = undefined;
      };
      const onAbort = () => {
        done();
        reject(signal?.reason);
      };
      const timer = Number.isFinite(ms) ? this.clock.setTimeout(() => (done(), resolve()), ms) : undefined;
      this.wake = () => (done(), resolve());
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}
