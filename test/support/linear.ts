// Linear time in unit tests, judged by a ratio within one run rather than by a clock bound: a
// loaded machine slows the small and the large input alike, while a scan that is quadratic takes
// 256 times as long on 16 times the input (a backtracking one, far longer). Garbage collection
// and other processes make single timings jump by 3 to 5 times: the sizes are timed in turn, the
// least of each counts, and the bound (6 × linear) leaves room for the rest.
import * as assert from 'node:assert';

/** One timing of `fn`, in ms. */
function timed(fn: () => unknown): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export interface LinearOptions {
  /** How much larger the large input is (default 16). */
  scale?: number;
  /** Timings below this count as this, so that a tiny small-input time cannot inflate the ratio (default 2 ms). */
  floorMs?: number;
  /** Timings taken of each size, the two sizes in turn; the least of each counts (default 5). */
  runs?: number;
}

/**
 * Fails unless `make(size * scale)` is read in at most 6 × scale times as long as `make(size)`
 * (linear is scale; quadratic is scale²). `read` is the work timed; the inputs are built untimed.
 */
export function assertLinear<T>(
  what: string,
  make: (size: number) => T,
  read: (input: T) => unknown,
  size: number,
  o: LinearOptions = {},
): void {
  const scale = o.scale ?? 16;
  const floor = o.floorMs ?? 2;
  const small = make(size);
  const large = make(size * scale);
  const runs = o.runs ?? 5;
  read(small); // warm up
  let tSmall = Infinity;
  let tLarge = Infinity;
  // In turn, so that a burst of load from elsewhere falls on both sizes alike.
  for (let i = 0; i < runs; i++) {
    tSmall = Math.min(
      tSmall,
      timed(() => read(small)),
    );
    tLarge = Math.min(
      tLarge,
      timed(() => read(large)),
    );
  }
  tSmall = Math.max(floor, tSmall);
  const bound = 6 * scale;
  assert.ok(
    tLarge / tSmall <= bound,
    `${what}: ${tLarge.toFixed(1)} ms for ${size * scale} against ${tSmall.toFixed(1)} ms for ${size} ` +
      `(ratio ${(tLarge / tSmall).toFixed(1)}, linear ${scale}, bound ${bound})`,
  );
}
