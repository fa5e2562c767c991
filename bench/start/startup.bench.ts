// Benchmark: `npm start` time to ready on a fresh clone, cold (first start: build, code-server
// install into .cache, sandbox data created) and warm (a second start). Targets: cold
// < 5 min, warm < 30 s. Seconds from `npm start` (its build included) until: the build is done,
// VS Code answers (what a person waits for before opening the URL), and headless Chromium sees
// the fleet in the Clients view (--check; Chromium's own start and the workbench load included). Run: node esbuild.js
// --tests && node out/bench/start/startup.bench.js
// [clone-dir]. It clones the committed HEAD of this repository, runs `npm ci` (timed apart:
// the README's first command), then `npm start -- --check` twice, and prints JSON for
// bench/README.md. Reuses clone-dir when given and present (then "cold" is only as cold as it is).
import { spawn } from 'child_process';
import * as fs from 'fs';
import { loadavg } from 'os';
import * as path from 'path';
import { projectRoot } from '../../scripts/vscode-web/paths';
import { messageOf } from '../../src/core/errors';

interface Timed {
  readonly seconds: number;
  readonly output: string;
  /** Seconds after the command started at which each output line arrived. */
  readonly lines: { at: number; line: string }[];
}

function timed(command: string, args: string[], cwd: string): Promise<Timed> {
  const started = Date.now();
  const lines: { at: number; line: string }[] = [];
  return new Promise((resolve, reject) => {
    let output = '';
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const take = (d: Buffer) => {
      output += d.toString();
      for (const line of d.toString().split('\n')) {
        if (line.trim()) lines.push({ at: (Date.now() - started) / 1000, line });
      }
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.once('error', reject);
    child.once('close', (code) => {
      const seconds = (Date.now() - started) / 1000;
      if (code === 0) resolve({ seconds, output, lines });
      else {
        reject(
          new Error(
            `${command} ${args.join(' ')} exited ${code} after ${seconds.toFixed(1)} s:\n${output.slice(-3000)}`,
          ),
        );
      }
    });
  });
}

/** When (seconds after `npm start` began, build included) the first line matching `re` arrived. */
function arrival(run: Timed, re: RegExp): number | undefined {
  const at = run.lines.find((l) => re.test(l.line))?.at;
  return at === undefined ? undefined : Number(at.toFixed(1));
}

async function start(clone: string, label: string): Promise<Record<string, number | string | undefined>> {
  const load = loadavg()[0].toFixed(1);
  const run = await timed('npm', ['start', '--', '--check', '--port', '8190'], clone);
  const result = {
    run: label,
    builtSeconds: arrival(run, /\[esbuild\] built/),
    vscodeAnswersSeconds: arrival(run, /VS Code server up in/),
    fleetShownSeconds: arrival(run, /ready in [\d.]+ s: the Clients view/),
    stoppedSeconds: Number(run.seconds.toFixed(1)),
    connected: Number(/shows Connected \((\d+)\)/.exec(run.output)?.[1] ?? 0),
    loadAverageBefore: load,
  };
  console.log(JSON.stringify(result));
  return result;
}

async function main(): Promise<void> {
  const clone = path.resolve(process.argv[2] ?? fs.mkdtempSync('/tmp/iotc-fresh-clone-'));
  const results: unknown[] = [];
  const fresh = !fs.existsSync(path.join(clone, 'package.json'));
  if (fresh) {
    await timed('git', ['clone', '--quiet', projectRoot, clone], projectRoot);
    const install = await timed('npm', ['ci', '--no-audit', '--no-fund'], clone);
    results.push({ run: 'npm ci', wallSeconds: Number(install.seconds.toFixed(1)) });
    console.log(JSON.stringify(results[0]));
  }
  results.push(await start(clone, fresh ? 'cold' : 'first (clone reused)'));
  results.push(await start(clone, 'warm'));
  console.log(`\n${JSON.stringify({ clone, results }, null, 2)}`);
}

main().catch((err: unknown) => {
  console.error(messageOf(err));
  process.exit(1);
});
