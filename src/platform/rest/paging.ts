// Every loop over pages is bounded: at most `maxPages` pages and `maxMs` milliseconds, whatever the
// platform answers (one that keeps sending new bookmarks would otherwise keep it going for ever),
// and it stops at once when the caller's AbortSignal fires, between pages as within one.

import { PlatformError } from '../errors';

export interface PageBudget {
  /** Pages read at most by one loop. */
  readonly maxPages: number;
  /** Time one loop may take, all its pages together. */
  readonly maxMs: number;
}

/** 200 pages is 20,000 records at the largest page size, 5,000 at the API's default; a minute is 6×
 *  what 200 pages take at the platform's 10 calls/s. */
export const DEFAULT_PAGE_BUDGET: PageBudget = { maxPages: 200, maxMs: 60_000 };

export class PageGuard {
  private pages = 0;
  private readonly deadline: number;

  constructor(
    private readonly host: string,
    /** "device types", "client states", "the connection log of …". */
    private readonly what: string,
    private readonly budget: PageBudget,
    private readonly signal?: AbortSignal,
  ) {
    this.deadline = Date.now() + budget.maxMs;
  }

  /** One page: `call` gets a signal that fires when the caller cancels or the time budget runs out. */
  async page<T>(call: (signal: AbortSignal) => Promise<T>): Promise<T> {
    this.next();
    const controller = new AbortController();
    const cancel = () => controller.abort();
    this.signal?.addEventListener('abort', cancel);
    const timer = setTimeout(cancel, Math.max(1, this.deadline - Date.now()));
    try {
      return await call(controller.signal);
    } catch (error) {
      if (controller.signal.aborted && !this.signal?.aborted) throw this.timeUp();
      throw error;
    } finally {
      clearTimeout(timer);
      this.signal?.removeEventListener('abort', cancel);
    }
  }

  /** Before each page: throws when the caller cancelled or the budget is spent. */
  private next(): void {
    if (this.signal?.aborted) throw new PlatformError({ kind: 'cancelled', message: 'The call was cancelled.' });
    if (this.pages >= this.budget.maxPages) {
      throw new PlatformError({
        kind: 'malformed',
        message:
          `${this.host} kept sending pages of ${this.what}: stopped after ${this.budget.maxPages} pages, more than ` +
          `a platform sends.`,
      });
    }
    if (Date.now() >= this.deadline) throw this.timeUp();
    this.pages += 1;
  }

  private timeUp(): PlatformError {
    return new PlatformError({
      kind: 'timeout',
      message:
        `${this.host} took more than ${duration(this.budget.maxMs)} for ${this.pages} pages of ${this.what}: ` +
        `stopped.`,
    });
  }
}

function duration(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
}
