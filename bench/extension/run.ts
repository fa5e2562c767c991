// Benchmark of the extension in a real VS Code (code-server + headless Chromium here, through the
// same runner as the extension-host tests): activation time; Refresh → the first page of each
// group for 1k, 10k and 100k clients in the sandbox (target < 300 ms at 100k); the extension
// host's memory with 100k clients browsed. Prints the figures and a JSON line for bench/README.md.
//   node esbuild.js --tests && node out/bench/extension/run.js
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as readline from 'readline';
import { runTests } from '@vscode/test-electron';
import { projectRoot } from '../../scripts/vscode-web/paths';
import { withDeadline } from '../../scripts/vscode-web/waitFor';
import type { FleetApi } from './fleetApi';
import { messageOf } from '../../src/core/errors';

const SIZES = [1000, 10_000, 100_000];

async function main(): Promise<void> {
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iotc-bench-ext-'));
  const child = spawn(
    process.execPath,
    [path.join(projectRoot, 'out', 'bench', 'extension', 'fleetApi.js'), ...SIZES.map(String)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const fleets: FleetApi[] = [];
  try {
    await withDeadline(
      new Promise<void>((resolve, reject) => {
        const lines = readline.createInterface({ input: child.stdout });
        lines.on('line', (line) => fleets.push(JSON.parse(line) as FleetApi) === SIZES.length && resolve());
        child.once('exit', (code) => reject(new Error(`the fleet API exited (${code})`)));
      }),
      120_000,
      'the fleet API did not start',
    );
    const out = path.join(runDir, 'result.json');
    await runTests({
      vscodeExecutablePath: path.join(projectRoot, 'scripts', 'vscode-web', 'code'),
      extensionDevelopmentPath: projectRoot,
      extensionTestsPath: path.join(projectRoot, 'out', 'bench', 'extension', 'host.js'),
      launchArgs: [path.join(runDir), `--user-data-dir=${path.join(runDir, 'user')}`, '--disable-extensions'],
      extensionTestsEnv: { IOTC_BENCH_FLEETS: JSON.stringify(fleets), IOTC_BENCH_OUT: out },
    });
    const result = JSON.parse(fs.readFileSync(out, 'utf8')) as {
      activation: { loadMs: number; activateMs: number };
      refresh: { clients: number; ms: { p50: number; max: number }; hostCpuMs: { p50: number } }[];
      memory: unknown;
    };
    console.log(
      `activation: loading the bundle ${result.activation.loadMs} ms, then activate() ` +
        `${result.activation.activateMs} ms`,
    );
    for (const r of result.refresh) {
      console.log(
        `Refresh → first pages, ${r.clients} clients: p50 ${r.ms.p50} ms, max ${r.ms.max} ms (extension host CPU p50 ` +
          `${r.hostCpuMs.p50} ms)`,
      );
    }
    console.log(`memory: ${JSON.stringify(result.memory)}`);
    console.log(
      `load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    console.log(JSON.stringify(result));
  } finally {
    child.kill('SIGTERM');
    fs.rmSync(runDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(`[bench:extension] ${messageOf(err)}`);
  process.exit(1);
});
