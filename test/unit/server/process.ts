// dist/sandbox.js as a child process, for the CLI tests: its ready line, its stdout and stderr,
// and its exit. Build it first (`node esbuild.js`, which --tests includes).

import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import type { ReadyInfo } from '../../../src/core/readyInfo';

export const SANDBOX_JS = path.resolve('dist', 'sandbox.js');

export interface SandboxProcess {
  readonly child: ChildProcess;
  stdout: string;
  stderr: string;
  /** The exit code (or the signal's name). */
  readonly exit: Promise<number | string>;
  /** The ready line, parsed; rejects if the process exits first. */
  readonly ready: Promise<ReadyInfo>;
}

export function spawnSandbox(args: string[]): SandboxProcess {
  if (!fs.existsSync(SANDBOX_JS)) throw new Error(`${SANDBOX_JS} is missing: run node esbuild.js first`);
  const child = spawn(process.execPath, [SANDBOX_JS, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const p = { child, stdout: '', stderr: '' } as SandboxProcess & { stdout: string; stderr: string };
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (p.stdout += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (p.stderr += d));
  const exit = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  const ready = new Promise<ReadyInfo>((resolve, reject) => {
    const onData = () => {
      const newline = p.stdout.indexOf('\n');
      if (newline < 0) return;
      child.stdout?.off('data', onData);
      try {
        resolve(JSON.parse(p.stdout.slice(0, newline)) as ReadyInfo);
      } catch (err) {
        reject(err);
      }
    };
    child.stdout?.on('data', onData);
    void exit.then((code) =>
      reject(new Error(`the sandbox exited (${code}) before it was ready: ${p.stderr.slice(-2000)}`)),
    );
  });
  return Object.assign(p, { exit, ready });
}

/** Ends a child that a failed test left running. */
export function killIfRunning(p: SandboxProcess | undefined): void {
  if (p && p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
}

/**
 * One REST call to a sandbox process on a connection of its own (no keep-alive). A reused idle
 * connection can be closed by the server (after its keep-alive timeout) just as the next request
 * goes out on it, which fails with ECONNRESET; with two busy processes that race is real.
 */
export function restCall(
  ready: ReadyInfo,
  route: string,
  init: { method?: string; body?: unknown } = {},
): Promise<{ status: number; body: unknown }> {
  const body = init.body === undefined ? undefined : JSON.stringify(init.body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${ready.apiUrl}${route}`,
      {
        method: init.method ?? (body === undefined ? 'GET' : 'POST'),
        agent: false,
        headers: {
          authorization: `Basic ${Buffer.from(`${ready.apiKey}:${ready.apiToken}`).toString('base64')}`,
          'content-type': 'application/json',
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res
          .on('data', (c: Buffer) => chunks.push(c))
          .on('error', reject)
          .on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode ?? 0, body: text === '' ? undefined : JSON.parse(text) });
          });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
