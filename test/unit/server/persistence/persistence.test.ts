import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { memoryLogger } from '../../../../src/server/log';
import { JOURNAL_FILE, LOCK_FILE, openStore } from '../../../../src/server/persistence/index';
import { hashToken, type SandboxStore } from '../../../../src/server/store/store';

const ISO = '2024-01-01T00:00:00.000Z';

function fillSome(store: SandboxStore): void {
  store.addType({ id: 'sensor', classId: 'Device', createdDateTime: ISO });
  store.addDevice({
    typeId: 'sensor',
    deviceId: 's-01',
    gateway: false,
    tokenHash: hashToken('tok-s-01'),
    createdDateTime: ISO,
  });
  store.addDevice({
    typeId: 'sensor',
    deviceId: 's-02',
    gateway: false,
    tokenHash: hashToken('tok-s-02'),
    createdDateTime: ISO,
  });
  store.deleteDevice('sensor', 's-02');
  store.addApiKey({ key: 'a-org1x2-k3y0000001', tokenHash: hashToken('api-token'), createdDateTime: ISO });
  store.putState({
    id: 'd:org1x2:sensor:s-01',
    clientType: 'device',
    connectionStatus: 'connected',
    lastConnectTime: ISO,
    lastActivityEvent: 'mqttConnect',
    lastActivityTime: ISO,
  });
  store.putState({
    ...store.getState('d:org1x2:sensor:s-01')!,
    lastActivityEvent: 'mqttPublish',
    lastActivityTime: '2024-01-01T00:05:00.000Z',
  });
  store.appendLog('sensor', 's-01', {
    message: "Token auth succeeded: ClientID='d:org1x2:sensor:s-01', ClientIP=10.0.0.1",
    timestamp: ISO,
  });
}

const snapshotOf = (store: SandboxStore) => JSON.stringify([...store.snapshot()]);

describe('sandbox persistence: the journaled store', () => {
  let dir: string;
  let log: ReturnType<typeof memoryLogger>;
  const opened: SandboxStore[] = [];
  const open = () => {
    const store = openStore(dir, log);
    opened.push(store);
    return store;
  };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(tmpdir(), 'sandbox-store-'));
    log = memoryLogger();
  });
  afterEach(() => {
    for (const s of opened.splice(0)) s.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps nothing on disk without a data dir', () => {
    const store = openStore(undefined, log);
    fillSome(store);
    store.close();
    assert.deepEqual(fs.readdirSync(dir), []);
  });

  it('survives a restart: registry, API keys, states, activity, logs and the switch', () => {
    const first = open();
    fillSome(first);
    const want = snapshotOf(first);
    first.close();
    const second = open();
    assert.equal(snapshotOf(second), want);
    assert.ok(second.verifyDeviceToken('sensor', 's-01', 'tok-s-01'));
    assert.ok(second.verifyApiKey('a-org1x2-k3y0000001', 'api-token'));
    assert.equal(second.getState('d:org1x2:sensor:s-01')?.lastActivityEvent, 'mqttPublish');
    second.setClientStateEnabled(false);
    second.close();
    const third = open();
    assert.equal(third.isClientStateEnabled(), false);
    assert.equal(third.stateCount(), 0);
  });

  it('skips a torn last line with a log line, and cuts it off so later writes stay readable', () => {
    const first = open();
    fillSome(first);
    const want = snapshotOf(first);
    first.close();
    fs.appendFileSync(path.join(dir, JOURNAL_FILE), '{"op":"state.put","state":{"id":"d:org1x2:sens');
    const second = open();
    assert.equal(snapshotOf(second), want);
    assert.ok(
      log.lines.some((l) => l.startsWith('warn') && /incomplete/.test(l)),
      log.lines.join('\n'),
    );
    second.appendLog('sensor', 's-01', { message: 'after the crash', timestamp: ISO });
    second.close();
    log.lines.length = 0;
    const third = open();
    assert.equal(third.listLog('sensor', 's-01')[0].message, 'after the crash');
    assert.ok(!log.lines.some((l) => l.startsWith('warn')), log.lines.join('\n'));
  });

  it('skips damaged lines in the middle with a log line', () => {
    const first = open();
    fillSome(first);
    first.close();
    const file = path.join(dir, JOURNAL_FILE);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    lines.splice(2, 0, 'garbage', '{"op":"state.put","state":null}', '{"op":"rm -rf"}', '[]');
    fs.writeFileSync(file, lines.join('\n'));
    const second = open();
    assert.equal(log.lines.filter((l) => /not a store operation/.test(l)).length, 4);
    assert.ok(second.getDevice('sensor', 's-01'));
    assert.equal(second.stateCount(), 1);
  });

  it('compacts a journal grown well past the live state, and reopens to the same state', () => {
    const store = open();
    fillSome(store);
    const base = store.getState('d:org1x2:sensor:s-01')!;
    for (let i = 0; i < 70_000; i++) {
      store.putState({ ...base, lastActivityTime: new Date(Date.parse(ISO) + i).toISOString() });
    }
    const want = snapshotOf(store);
    assert.ok(
      log.lines.some((l) => /journal compacted/.test(l)),
      log.lines.join('\n'),
    );
    const lines = fs.readFileSync(path.join(dir, JOURNAL_FILE), 'utf8').split('\n').length;
    assert.ok(lines < 30_000, `${lines} lines after compaction`);
    store.close();
    assert.equal(snapshotOf(open()), want);
  });

  it('lets one process at a time use a data dir, and takes over the lock of a dead one', () => {
    open();
    assert.throws(() => openStore(dir, log), /in use by process/);
    opened.pop()?.close();
    assert.ok(!fs.existsSync(path.join(dir, LOCK_FILE)));
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    fs.writeFileSync(path.join(dir, LOCK_FILE), dead.stdout);
    const mine = open();
    assert.equal(JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8')).pid, process.pid);
    // A second close must not remove a lock that another (running) process has taken since.
    mine.close();
    fs.writeFileSync(path.join(dir, LOCK_FILE), String(process.ppid));
    mine.close();
    assert.equal(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8'), String(process.ppid));
    fs.rmSync(path.join(dir, LOCK_FILE));
  });

  it('loses nothing acknowledged when the process is killed with SIGKILL', async function () {
    const child = spawn(process.execPath, [path.join(__dirname, 'journalWriter.child.js'), dir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    let acknowledged = 0;
    let buffered = '';
    await new Promise<void>((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', () => reject(new Error(`the writer exited early after ${acknowledged}`)));
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString('utf8');
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) acknowledged = Math.max(acknowledged, Number(line));
        if (acknowledged >= 3000) {
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    assert.equal(await exited, 'SIGKILL');
    const store = open();
    for (let i = 0; i < acknowledged; i++) {
      const state = store.getState(`d:org1x2:sensor:s-${i}`);
      assert.ok(state, `state ${i} of ${acknowledged} acknowledged is lost`);
      assert.equal(state.lastActivityTime, new Date(Date.UTC(2024, 0, 1) + i).toISOString());
      assert.equal(store.listLog('sensor', `s-${i}`)[0]?.message, `line ${i}`);
    }
  });
});
