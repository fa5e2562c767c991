// Waiting in tests for a condition, never for a fixed time: a poll with a deadline, or the next
// event of an emitter with one. Both fail with a message that says what was awaited.

/** What nextEvent needs of an emitter (node's, or mqtt.js' typed one). */
export interface Emitter {
  once(event: string, listener: (...args: never[]) => void): unknown;
  off(event: string, listener: (...args: never[]) => void): unknown;
}

/** How long a wait gives up after by default. Generous: a loaded machine (CI's 2 cores, other
 *  jobs) can hold an event up for seconds, and a deadline costs time only when a test fails. */
export const DEFAULT_WAIT_MS = 10_000;

export interface WaitOptions {
  /** Give up after this long (default DEFAULT_WAIT_MS). */
  timeoutMs?: number;
  /** Poll interval (default 10 ms). */
  intervalMs?: number;
}

/** Polls `probe` until it returns a value other than undefined, null or false; returns that value. */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  o: WaitOptions = {},
): Promise<T> {
  const deadline = Date.now() + (o.timeoutMs ?? DEFAULT_WAIT_MS);
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${o.timeoutMs ?? DEFAULT_WAIT_MS} ms waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, o.intervalMs ?? 10));
  }
}

/** The arguments of the next `event` of `emitter`; rejects after the timeout (default DEFAULT_WAIT_MS). */
export function nextEvent<A extends unknown[] = unknown[]>(
  emitter: NodeJS.EventEmitter | Emitter,
  event: string,
  timeoutMs = DEFAULT_WAIT_MS,
): Promise<A> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      (emitter as Emitter).off(event, listener);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for '${event}'`));
    }, timeoutMs);
    const listener = (...args: unknown[]) => {
      clearTimeout(timer);
      resolve(args as A);
    };
    (emitter as Emitter).once(event, listener);
  });
}
