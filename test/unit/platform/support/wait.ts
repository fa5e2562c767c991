// Waiting for a condition with a deadline, never for a fixed time.

import { DEFAULT_WAIT_MS } from '../../../support/waitFor';

export async function until(
  condition: () => boolean,
  timeoutMs = DEFAULT_WAIT_MS,
  what = 'the condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** The next value an event source emits that matches, within a deadline. */
export function nextEvent<T>(
  subscribe: (listener: (value: T) => void) => { dispose(): void },
  match: (value: T) => boolean = () => true,
  timeoutMs = DEFAULT_WAIT_MS,
  what = 'the event',
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      registration.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const registration = subscribe((value) => {
      if (!match(value)) return;
      clearTimeout(timer);
      registration.dispose();
      resolve(value);
    });
  });
}
