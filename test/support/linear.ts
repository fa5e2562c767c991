// Linear time in unit tests, judged by a ratio within one run rather than by a clock bound: a
// loaded machine slows the small and the large input alike, while a scan that is quadratic takes
// 256 times as long on 16 times the input (a backtracking one, far longer). Garbage collection
// makes single timings of large inputs jump by 3 to 5 times: the bound leaves room for that.
import * as assert from 'node:assert';

/** The least of `runs` timings of `fn`, in ms, after one run to warm it up. */
function fastest(fn: () => unknown, runs: number): number {
  fn();
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return best;
}

export interface LinearOptions {
  /** How much larger the large input is (default 16). */
  scale?: number;
  /** Timings below this count as this, so that a tiny small-input time cannot inflate the ratio (default 2 ms). */
  floorMs?: number;
  /** Timings taken of each size; the least counts (default 3). */
  runs?: number;
}

/**
 * Fails unless `make(size * scale)` is read in at most 4 × scale times as long as `make(size)`
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
  const runs = o.runs ?? 3;
  const tSmall = Math.max(
    floor,
    fastest(() => read(small), runs),
  );
  const tLarge = fastest(() => read(large), runs);
  const bound = 4 * scale;
  assert.ok(
    tLarge / tSmall <= bound,
    `${what}: ${tLarge.toFixed(1)} ms for ${size * scale} against ${tSmall.toFixed(1)} ms for ${size} ` +
      `(ratio ${(tLarge / tSmall).toFixed(1)}, linear ${scale}, bound ${bound})`,
  );
}
