// The data dir's lock (server/persistence/lock.ts): held by a process that runs, taken over from
// one that does not — killed, ended but not reaped (a zombie), or whose pid now names another
// process (reused), this one included (a container gives the sandbox the same pid each start).
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lockDataDir, lockText } from '../../../../src/server/persistence/lock';
import { waitFor } from '../../../support/waitFor';

const startOf = (pid: number) => {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
};
const stateOf = (pid: number) => {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
};

describe('server/persistence/lock: one sandbox per data dir', () => {
  let dir: string;
  let file: string;
  const children: ChildProcess[] = [];
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iotc-lock-'));
    file = path.join(dir, 'sandbox.lock');
  });
  afterEach(() => {
    for (const c of children.splice(0)) c.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A process that runs until the test ends. */
  async function sleeper(): Promise<number> {
    const c = spawn('sleep', ['60'], { stdio: 'ignore' });
    children.push(c);
    await waitFor('the sleeper', () => c.pid !== undefined && fs.existsSync(`/proc/${c.pid}/stat`));
    return c.pid as number;
  }

  it('writes its pid and start time, and refuses while that process runs', async () => {
    const release = lockDataDir(file);
    assert.deepEqual(JSON.parse(fs.readFileSync(file, 'utf8')), JSON.parse(lockText()));
    assert.equal(JSON.parse(lockText()).pid, process.pid);
    release();
    const pid = await sleeper();
    fs.writeFileSync(file, JSON.stringify({ pid, start: startOf(pid) }));
    assert.throws(() => lockDataDir(file), new RegExp(`in use by process ${pid}`));
    fs.writeFileSync(file, String(pid));
    assert.throws(() => lockDataDir(file), /in use/, 'the bare pid of earlier builds, running');
  });

  it('takes over a lock whose pid now names another process (its start time differs), even our pid', async () => {
    const pid = await sleeper();
    fs.writeFileSync(file, JSON.stringify({ pid, start: String(Number(startOf(pid)) - 1) }));
    lockDataDir(file)();
    fs.writeFileSync(file, String(process.pid));
    lockDataDir(file)();
    fs.writeFileSync(file, JSON.stringify({ pid: process.pid, start: String(Number(startOf(process.pid)) - 1) }));
    lockDataDir(file)();
    fs.writeFileSync(file, lockText());
    assert.throws(() => lockDataDir(file), /in use/, 'this very process holds it');
  });

  it('takes over the lock of a zombie (ended, not reaped)', async () => {
    // `sh` starts a short sleep, then becomes a long one that never reaps it.
    const c = spawn('sh', ['-c', 'sleep 0.05 & echo $!; exec sleep 60'], { stdio: ['ignore', 'pipe', 'ignore'] });
    children.push(c);
    let out = '';
    c.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    const zombie = Number(await waitFor('the pid of the short sleep', () => /^\d+\n/.exec(out)?.[0]));
    await waitFor('it to be a zombie', () => fs.existsSync(`/proc/${zombie}/stat`) && stateOf(zombie) === 'Z');
    fs.writeFileSync(file, JSON.stringify({ pid: zombie, start: startOf(zombie) }));
    const release = lockDataDir(file);
    assert.equal(JSON.parse(fs.readFileSync(file, 'utf8')).pid, process.pid);
    release();
  });

  it('takes over an unreadable lock', () => {
    fs.writeFileSync(file, 'not a lock');
    lockDataDir(file)();
    assert.ok(!fs.existsSync(file));
  });
});
