// The linear-time check of the tests: it passes a linear reader and fails a quadratic one.
import * as assert from 'node:assert';
import { assertLinear } from '../../support/linear';

const make = (n: number) => new Uint8Array(n).fill(1);
function linear(a: Uint8Array): number {
  let sum = 0;
  for (let r = 0; r < 200; r++) for (let i = 0; i < a.length; i++) sum += a[i]!;
  return sum;
}
function quadratic(a: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) for (let j = i; j < a.length; j++) sum += a[j]!;
  return sum;
}

describe('test support: assertLinear', function () {
  this.timeout(60_000);

  it('passes a reader whose time grows with its input', () => {
    assertLinear('a sum', make, linear, 20_000);
  });

  it('fails a reader whose time grows with the square of its input', () => {
    assert.throws(() => assertLinear('a sum of suffixes', make, quadratic, 1_500, { runs: 3 }), /ratio \d+/);
  });
});
