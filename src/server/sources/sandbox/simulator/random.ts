// The fleet's seeded randomness (pure-rand's xoroshiro128+). Every simulated client draws from a
// stream of its own, so its decisions do not depend on how the others' events interleave: given
// the seed, each client behaves the same in every run.

import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

/** An inclusive range, `[min, max]`. */
export type Range = readonly [number, number];

export class Random {
  private constructor(private readonly rng: JumpableRandomGenerator) {}

  static seeded(seed: number): Random {
    // xoroshiro128plus takes a 32-bit seed; fold larger safe integers into it.
    return new Random(xoroshiro128plus((seed ^ Math.floor(seed / 2 ** 32)) | 0));
  }

  /** `count` independent streams, each 2^64 draws apart from the next. */
  streams(count: number): Random[] {
    const out: Random[] = [];
    const cursor = this.rng.clone();
    for (let i = 0; i < count; i++) {
      cursor.jump();
      out.push(new Random(cursor.clone()));
    }
    return out;
  }

  /** An integer in `[min, max]`. */
  int(min: number, max: number): number {
    return uniformInt(this.rng, Math.ceil(min), Math.floor(max));
  }

  /** An integer in the range. */
  in(range: Range): number {
    return this.int(range[0], range[1]);
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return uniformFloat64(this.rng) < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }

  /** A key of `weights`, drawn in proportion to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let x = uniformFloat64(this.rng) * total;
    for (const [key, w] of entries) {
      if ((x -= w) < 0) return key;
    }
    return entries[entries.length - 1][0];
  }

  /** The items in a seeded order (Fisher–Yates), as a new array. */
  shuffled<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
}
