// Coalesces notification storms: while fewer than `threshold` items arrived in the
// last `windowMs`, each passes at once; from the threshold-th on they are held and come out as
// one summary when the storm quiets (`quietMs` without items) or at least once per window while
// it lasts. Pure: the caller passes the time in and asks again at `nextDue()`.

export interface StormOptions {
  readonly threshold?: number;
  readonly windowMs?: number;
  /** Calm after the last held item that ends a storm's summary. */
  readonly quietMs?: number;
  /** Items a summary keeps as examples (the count is always exact). */
  readonly maxHeld?: number;
}

export const DEFAULT_STORM: Required<StormOptions> = { threshold: 5, windowMs: 10_000, quietMs: 2_000, maxHeld: 50 };

export interface StormSummary<T> {
  readonly count: number;
  /** The first `maxHeld` items held. */
  readonly items: readonly T[];
  readonly from: number;
  readonly to: number;
}

export class StormCoalescer<T> {
  private readonly options: Required<StormOptions>;
  /** Times of recent offers; those before `head` have left the window. */
  private recent: number[] = [];
  private head = 0;
  private held: T[] = [];
  private heldCount = 0;
  private heldFrom = 0;
  private heldTo = 0;

  constructor(options: StormOptions = {}) {
    this.options = { ...DEFAULT_STORM, ...options };
  }

  /** The item to notify now, or undefined when it is held for a summary. */
  offer(item: T, now: number): T | undefined {
    const { threshold, windowMs, maxHeld } = this.options;
    while (this.head < this.recent.length && now - this.recent[this.head] >= windowMs) this.head++;
    if (this.head > 1024 && this.head * 2 > this.recent.length) {
      [this.recent, this.head] = [this.recent.slice(this.head), 0];
    }
    this.recent.push(now);
    if (this.heldCount === 0 && this.recent.length - this.head < threshold) return item;
    if (this.heldCount === 0) this.heldFrom = now;
    this.heldCount++;
    this.heldTo = now;
    if (this.held.length < maxHeld) this.held.push(item);
    return undefined;
  }

  /** The summary of held items, once the storm quieted or a window passed; else undefined. */
  poll(now: number): StormSummary<T> | undefined {
    const due = this.nextDue();
    return due === undefined || now < due ? undefined : this.flush();
  }

  /** When poll() will have a summary, if items are held. */
  nextDue(): number | undefined {
    if (this.heldCount === 0) return undefined;
    return Math.min(this.heldTo + this.options.quietMs, this.heldFrom + this.options.windowMs);
  }

  /** Everything held, now (on dispose). */
  flush(): StormSummary<T> | undefined {
    if (this.heldCount === 0) return undefined;
    const summary = { count: this.heldCount, items: this.held, from: this.heldFrom, to: this.heldTo };
    [this.held, this.heldCount] = [[], 0];
    return summary;
  }
}
