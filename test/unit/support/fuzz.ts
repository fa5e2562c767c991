// Property runs for the fuzz suite (fast-check): each property runs for at most FUZZ_MS (or its
// number of runs), from a fresh random seed each time. A failure prints fast-check's report (seed,
// path, shrunk counterexample) and is kept in fuzzRegressions.json beside this file; every run
// replays the kept cases of a property first, so a failure found once is checked for ever.
import * as fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Time budget of one property, ms (IOTC_FUZZ_MS overrides: more for a long hunt). */
const FUZZ_MS = Number(process.env.IOTC_FUZZ_MS) || 1500;

interface Regression {
  readonly property: string;
  readonly seed: number;
  readonly path: string;
  readonly counterexample: string;
}

function projectRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${__dirname}`);
  }
}

const FILE = path.join(projectRoot(), 'test', 'unit', 'support', 'fuzzRegressions.json');

function kept(): Regression[] {
  return fs.existsSync(FILE) ? (JSON.parse(fs.readFileSync(FILE, 'utf8')) as Regression[]) : [];
}

function keep(r: Regression): void {
  const all = kept().filter((k) => !(k.property === r.property && k.seed === r.seed));
  fs.writeFileSync(FILE, `${JSON.stringify([...all, r], null, 2)}\n`);
}

/** Asserts `property` (named `name`, unique in the suite): its kept cases, then a bounded random run. */
export function checkProperty<Ts>(name: string, property: fc.IProperty<Ts>, numRuns = 2000): void {
  for (const r of kept().filter((k) => k.property === name)) {
    fc.assert(property, { seed: r.seed, path: r.path, endOnFailure: true });
  }
  const details = fc.check(property, { numRuns, interruptAfterTimeLimit: FUZZ_MS, markInterruptAsFailure: false });
  if (!details.failed) return;
  const report = fc.defaultReportMessage(details) ?? 'failed';
  const counterexample = fc.stringify(details.counterexample).slice(0, 2000);
  keep({ property: name, seed: details.seed, path: details.counterexamplePath ?? '', counterexample });
  console.error(`fuzz: property "${name}" failed with seed ${details.seed}; kept in ${FILE}\n${report}`);
  throw new Error(`property "${name}" failed (seed ${details.seed}, kept as a regression case):\n${report}`);
}

/** Text a hostile peer might send: any code points, markup, link syntax, controls and bidi marks. */
export const hostileText = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc.constantFrom(
      '',
      ' ',
      '[x](command:workbench.action.terminal.new)',
      '<img src=x onerror=alert(1)>',
      '$(alert)',
      '\u202Eevil',
      '\u0000\u001b[31m',
      'd:org1x2:sensor:s-01',
      'a:org1x2:app',
      '2024-01-01T12:00:00.000Z',
      'use-token-auth',
      'x'.repeat(5000),
    ),
  );

/** Any value JSON.parse could give, and some it could not (for readers of values that were never parsed). */
export const anyValue = (): fc.Arbitrary<unknown> =>
  fc.oneof(fc.jsonValue(), fc.anything({ withBigInt: true, withMap: true, withSet: true, withNullPrototype: true }));
