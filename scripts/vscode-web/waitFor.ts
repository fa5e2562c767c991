// Condition waits with a deadline: the only way these scripts wait for anything.

export class TimeoutError extends Error {}

/** Resolves with the promise's value, or rejects with `message` after `ms`. */
export function withDeadline<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`${message} (waited ${Math.round(ms / 1000)} s)`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** Polls `check` until it returns a value other than undefined, or fails with `message` at the deadline. */
export async function poll<T>(
  check: () => Promise<T | undefined>,
  ms: number,
  message: string,
  everyMs = 100,
): Promise<T> {
  const end = Date.now() + ms;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() >= end) {
      const cause = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new TimeoutError(`${message} (waited ${Math.round(ms / 1000)} s)${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
