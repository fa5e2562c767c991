// Runs fixtures/leftover.js (a test process that starts a broker), waits for the broker's pid
// and directory, then kills that test process with SIGKILL: what it started is left behind.

import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { DEFAULT_WAIT_MS } from '../../../support/waitFor';

export interface Leftover {
  pid: number;
  dir: string;
}

export function startLeftover(kind: 'mosquitto' | 'rabbitmq', timeoutMs = DEFAULT_WAIT_MS): Promise<Leftover> {
  const child = spawn(process.execPath, [path.join(__dirname, 'fixtures', 'leftover.js'), kind], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString();
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no broker from the leftover fixture: ${err}`));
    }, timeoutMs);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n')[0];
      if (!out.includes('\n') || line === undefined) return;
      clearTimeout(timer);
      child.kill('SIGKILL');
      child.once('exit', () => resolve(JSON.parse(line) as Leftover));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!out.includes('\n')) reject(new Error(`leftover fixture exited ${code}: ${err}`));
    });
  });
}
