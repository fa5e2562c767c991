// Starts the sandbox platform CLI (dist/sandbox.js) on free ports for a test run and hands over
// its ready line: exactly one JSON line on stdout, `{"event":"ready",…}`. The line carries an
// API token, so it is passed on (IOT_SANDBOX) but never printed.
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as readline from 'readline';
import { projectRoot } from './vscode-web/paths';
import { withDeadline } from './vscode-web/waitFor';

export interface SandboxProcess {
  /** The ready line as printed, for IOT_SANDBOX. */
  readonly readyLine: string;
  stop(): Promise<void>;
}

const READY_MS = 30_000;
const STOP_MS = 10_000;
export const SANDBOX_CLI = path.join(projectRoot, 'dist', 'sandbox.js');

export async function startSandbox(extraArgs: readonly string[] = []): Promise<SandboxProcess> {
  if (!fs.existsSync(SANDBOX_CLI)) throw new Error(`${SANDBOX_CLI} is missing: run \`node esbuild.js\` first`);
  const child = spawn(
    process.execPath,
    [SANDBOX_CLI, '--http-port', '0', '--mqtt-port', '0', '--ws-port', '0', ...extraArgs],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const stderr: string[] = [];
  readline.createInterface({ input: child.stderr }).on('line', (line) => stderr.push(line) > 50 && stderr.shift());
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const onExit = () => child.kill('SIGKILL');
  process.on('exit', onExit);

  const firstLine = new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).once('line', resolve);
    child.on('error', reject);
    void exited.then((code) =>
      reject(new Error(`the sandbox exited (${code}) before it was ready:\n${stderr.join('\n')}`)),
    );
  });

  async function stop(): Promise<void> {
    process.removeListener('exit', onExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await withDeadline(exited, STOP_MS, 'the sandbox did not stop on SIGTERM').catch(() => child.kill('SIGKILL'));
  }

  try {
    const line = await withDeadline(firstLine, READY_MS, 'the sandbox printed no ready line');
    let ready: unknown;
    try {
      ready = JSON.parse(line);
    } catch {
      throw new Error("the sandbox's first line on stdout is not JSON");
    }
    if (!ready || typeof ready !== 'object' || (ready as { event?: unknown }).event !== 'ready') {
      throw new Error('the sandbox\'s first line is not {"event":"ready",…}');
    }
    return { readyLine: line, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
