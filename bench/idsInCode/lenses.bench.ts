// Benchmark of client ids in code in a real VS Code (code-server + headless Chromium, the runner of
// the extension-host tests; the part inside the host is lensesHost.ts): CodeLenses of a
// 5,000-line file with 200 ids, cold (every id answered within the platform's 10 calls/s, no call
// for an id already in flight) and with the state cached (target p95 < 20 ms). The platform is
// dist/sandbox.js with a simulated fleet and its rate limit on at 10 calls/s; every REST call it
// answered is read back from its log. Prints the figures and a JSON line for bench/README.md.
//   node esbuild.js --tests && node out/bench/idsInCode/lenses.bench.js
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';
import { projectRoot } from '../../scripts/vscode-web/paths';
import { messageOf } from '../../src/core/errors';
import { PlatformRestClient } from '../../src/platform';
import { killIfRunning, spawnSandbox } from '../../test/unit/server/process';
import { waitFor } from '../../test/support/waitFor';
import { busiestSecond, callsOf, kindOf } from './sandboxLog';

const FLEET = 240;
const IDS = 200;
const UNKNOWN = 10;

async function main(): Promise<void> {
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iotc-bench-ids-'));
  const sandbox = spawnSandbox([
    ...['--mqtt-port', '0', '--ws-port', '0', '--http-port', '0'],
    ...['--simulate', String(FLEET), '--seed', '1', '--rate-limit', '10'],
  ]);
  try {
    const ready = await sandbox.ready;
    const rest = new PlatformRestClient({ apiUrl: ready.apiUrl, apiKey: ready.apiKey, apiToken: ready.apiToken });
    // The fleet's ids with a state record (the simulated clients connect over the first seconds).
    const records = await waitFor(
      `${IDS - UNKNOWN} clients with a state`,
      async () => {
        const all = [];
        let bookmark: string | undefined;
        do {
          const page = await rest.listClientStates({ limit: 100, sort: ['id'], bookmark });
          all.push(...page.records);
          bookmark = page.records.length > 0 ? page.bookmark : undefined;
        } while (bookmark);
        return all.length >= IDS - UNKNOWN ? all : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 2_000 },
    );
    rest.dispose();
    const known = records.map((r) => r.id).slice(0, IDS - UNKNOWN);
    // Ids of the platform's form it does not know: of a type it has (a listing proves them unknown) and not.
    const unknown = Array.from({ length: UNKNOWN }, (_, i) =>
      i % 2 === 0 ? `d:${ready.org}:nosuchtype${i}:ghost` : known[0].replace(/[^:]+$/, `ghost-${i}`),
    );
    const out = path.join(runDir, 'result.json');
    const logFrom = sandbox.stderr.length;
    const loadBefore = os.loadavg();
    // Cold lookups of 200 ids at the lookups' 5 calls/s, and 3 × 220 timed runs, on a shared machine.
    process.env.IOTC_VSCODE_TIMEOUT_SECONDS ??= '1200';
    await runTests({
      vscodeExecutablePath: path.join(projectRoot, 'scripts', 'vscode-web', 'code'),
      extensionDevelopmentPath: projectRoot,
      extensionTestsPath: path.join(projectRoot, 'out', 'bench', 'idsInCode', 'lensesHost.js'),
      launchArgs: [runDir, `--user-data-dir=${path.join(runDir, 'user')}`, '--disable-extensions'],
      extensionTestsEnv: {
        IOTC_BENCH_PLATFORM: JSON.stringify(ready),
        IOTC_BENCH_IDS: JSON.stringify([...known, ...unknown]),
        IOTC_BENCH_OUT: out,
      },
    });
    const host = JSON.parse(fs.readFileSync(out, 'utf8')) as Record<string, unknown> & {
      cold: { startedAt: number; statesAt: number; dropsAt: number };
    };
    // The platform's own record of the cold phase: every call, its status, when.
    const logged = callsOf(sandbox.stderr.slice(logFrom));
    const calls = logged.filter((c) => c.at >= host.cold.startedAt && c.at <= host.cold.dropsAt);
    const byPath = new Map<string, number>();
    for (const c of calls) byPath.set(c.path, (byPath.get(c.path) ?? 0) + 1);
    const byKind: Record<string, number> = {};
    for (const c of calls) byKind[kindOf(c.path)] = (byKind[kindOf(c.path)] ?? 0) + 1;
    const platform = {
      calls: calls.length,
      byKind,
      callsWholeRun: logged.length,
      rateLimited: calls.filter((c) => c.status === 429).length,
      busiestSecond: busiestSecond(calls.map((c) => c.at)),
      sameCallTwice: [...byPath].filter(([, n]) => n > 1).map(([p, n]) => `${n}× ${p}`),
    };
    const result = {
      bench: 'idsInCodeLenses',
      node: process.version,
      ...host,
      platform,
      loadAverage: [...loadBefore, ...os.loadavg()].map((l) => +l.toFixed(2)),
    };
    console.log(JSON.stringify(result));
  } finally {
    if (fs.existsSync(path.join(runDir, 'result.json.log'))) {
      process.stderr.write(fs.readFileSync(path.join(runDir, 'result.json.log'), 'utf8'));
    }
    killIfRunning(sandbox);
    sandbox.child.kill('SIGTERM');
    fs.rmSync(runDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(`[bench:idsInCode] ${messageOf(err)}`);
  process.exit(1);
});
