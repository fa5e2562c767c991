// The duplicate client id detective racing /proc: processes end, PIDs are reused and sockets change
// hands between a connect (when a side's process is first read) and the finding. A /proc of the
// test's own making, changed between the two, read by the real procReader; and readers that fail.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConnectLedger } from '../../../../src/features/debug/connects';
import { DuplicateDetective, type Finding } from '../../../../src/features/debug/detective';
import { procReader, type ProcessReader } from '../../../../src/features/debug/processes';
import { waitFor } from '../../../support/waitFor';

const ID = 'd:org:type:boiler-1';
const LOCAL = new Set(['127.0.0.1']);
const HEADER = '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode';
const ZEROS = '00000000:00000000 00:00000000 00000000';
const hex = (port: number) => port.toString(16).toUpperCase().padStart(4, '0');

interface FakeProcess {
  readonly cmdline: string;
  /** Clock ticks after boot (stat field 22). */
  readonly start: number;
  /** Local ports of its established connections to the broker (inode = port). */
  readonly ports: readonly number[];
}

/** A /proc folder: numbered process folders, the TCP table of every socket, the boot time. */
class FakeProc {
  readonly root = fs.mkdtempSync(path.join(os.tmpdir(), 'iotc-detective-'));
  private readonly processes = new Map<number, FakeProcess>();

  set(pid: number, p: FakeProcess | undefined): void {
    fs.rmSync(path.join(this.root, String(pid)), { recursive: true, force: true });
    if (p) this.processes.set(pid, p);
    else this.processes.delete(pid);
    if (p) {
      const dir = path.join(this.root, String(pid));
      fs.mkdirSync(path.join(dir, 'fd'), { recursive: true });
      fs.mkdirSync(path.join(dir, 'ns'));
      const fields = `S 1 ${pid} ${pid} 0 -1 4194560 100 0 0 0 1 1 0 0 20 0 1 0 ${p.start} 1000 100`;
      fs.writeFileSync(path.join(dir, 'stat'), `${pid} (node) ${fields}\n`);
      fs.writeFileSync(path.join(dir, 'cmdline'), p.cmdline.split(' ').join('\0') + '\0');
      fs.symlinkSync('net:[4026531840]', path.join(dir, 'ns', 'net'));
      fs.symlinkSync('../net', path.join(dir, 'net'));
      p.ports.forEach((port, i) => fs.symlinkSync(`socket:[${port}]`, path.join(dir, 'fd', String(3 + i))));
    }
    const lines = [...this.processes.values()].flatMap((x) =>
      x.ports.map((port, i) => `   ${i}: 0100007F:${hex(port)} 0100007F:075B 01 ${ZEROS}  1000        0 ${port} 1`),
    );
    fs.mkdirSync(path.join(this.root, 'net'), { recursive: true });
    fs.writeFileSync(path.join(this.root, 'net', 'tcp'), [HEADER, ...lines].join('\n') + '\n');
    fs.writeFileSync(path.join(this.root, 'stat'), 'cpu  1 2 3 4\nbtime 1700000000\n');
  }

  close(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

const procReaderFor = (proc: FakeProc) => procReader({ root: proc.root, platform: 'linux', littleEndian: true });

/** A reader whose every answer can be awaited: the test changes /proc only once the connects' reads are over. */
function tracked(reader: ProcessReader): ProcessReader & { settled(): Promise<void> } {
  const pending = new Set<Promise<unknown>>();
  const track =
    <A extends unknown[], R>(f: (...a: A) => Promise<R>) =>
    (...a: A): Promise<R> => {
      const p = f(...a);
      pending.add(p);
      return p;
    };
  return {
    connectionsBelow: track(reader.connectionsBelow),
    ownersOf: track(reader.ownersOf),
    descendantsOf: track(reader.descendantsOf),
    facts: track(reader.facts),
    async settled() {
      while (pending.size > 0) {
        const now = [...pending];
        await Promise.allSettled(now);
        now.forEach((p) => pending.delete(p));
      }
    },
  };
}

describe('features/debug/detective: /proc changing under a finding', () => {
  let proc: FakeProc;
  let ledger: ConnectLedger;
  let detective: DuplicateDetective;
  let findings: Finding[];
  let clock = 0;
  const event = (message: Record<string, unknown>) =>
    ledger.handle({ topic: 't', clientId: ID, message, retained: false, receivedAt: (clock += 100) });
  const connect = (port: number) => event({ Action: 'Connect', ClientAddr: '127.0.0.1', ClientPort: port });
  const takeover = (port: number) =>
    event({ Action: 'Disconnect', ClientAddr: '127.0.0.1', ClientPort: port, CloseCode: 288 });

  function start(reader: ProcessReader, lookupWaitMs?: number): void {
    ledger = new ConnectLedger();
    findings = [];
    detective = new DuplicateDetective(ledger, {
      reader,
      localAddresses: () => LOCAL,
      debuggedPids: () => [100],
      lookupWaitMs,
    });
    detective.on('finding', (f) => findings.push(f));
  }

  /** Programs 100 (a.js, debugged) and 101 (b.js) take the id from each other; `change` before the 3rd takeover. */
  async function episode(change: () => void): Promise<Finding> {
    const reader = tracked(procReaderFor(proc));
    start(reader);
    proc.set(100, { cmdline: 'node a.js', start: 500, ports: [50001] });
    connect(50001);
    proc.set(101, { cmdline: 'node b.js', start: 600, ports: [50002] });
    connect(50002);
    proc.set(100, { cmdline: 'node a.js', start: 500, ports: [] });
    takeover(50001);
    proc.set(100, { cmdline: 'node a.js', start: 500, ports: [50003] });
    connect(50003);
    proc.set(101, { cmdline: 'node b.js', start: 600, ports: [] });
    takeover(50002);
    proc.set(101, { cmdline: 'node b.js', start: 600, ports: [50004] });
    connect(50004);
    await reader.settled(); // the connects' reads: b.js at 50004, a.js at 50003
    change();
    takeover(50003);
    return waitFor('the finding', () => findings[0]);
  }

  beforeEach(() => (proc = new FakeProc()));
  afterEach(() => {
    detective?.dispose();
    proc.close();
  });

  it('names the processes as they are when nothing changed', async () => {
    const f = await episode(() => undefined);
    assert.deepStrictEqual(
      f.sides.map((s) => [s.endpoint, s.process?.pid, s.process?.cmdline.join(' '), s.debugged]),
      [
        ['127.0.0.1:50004', 101, 'node b.js', false],
        ['127.0.0.1:50003', 100, 'node a.js', true],
      ],
    );
  });

  it('names the process that holds the socket when the finding is made, not the one read at the connect', async () => {
    const f = await episode(() => {
      proc.set(101, undefined); // b.js ended; its socket lives on in the process it was handed to
      proc.set(300, { cmdline: 'node c.js', start: 700, ports: [50004] });
    });
    assert.deepStrictEqual(
      f.sides.map((s) => [s.endpoint, s.process?.pid, s.process?.cmdline.join(' ')]),
      [
        ['127.0.0.1:50004', 300, 'node c.js'],
        ['127.0.0.1:50003', 100, 'node a.js'],
      ],
    );
  });

  it('names no process that ended, nor the one that took its PID', async () => {
    const f = await episode(() => {
      proc.set(101, undefined); // the holder ended: its socket is gone from the table
      proc.set(100, { cmdline: 'sleep 1000', start: 900, ports: [] }); // a.js ended, its PID reused
    });
    assert.deepStrictEqual(
      f.sides.map((s) => [s.endpoint, s.local, s.process, s.debugged]),
      [
        ['127.0.0.1:50004', true, undefined, false],
        ['127.0.0.1:50003', true, undefined, false],
      ],
    );
  });

  it('starts counting again once cleared (another platform)', async () => {
    start(procReaderFor(proc), 20);
    [50001, 50002].forEach(connect);
    takeover(50001);
    connect(50003);
    takeover(50002);
    detective.clear();
    assert.strictEqual(detective.size, 0);
    const clearedAt = clock;
    for (const port of [50004, 50005, 50006]) {
      connect(port);
      takeover(port - 1);
    }
    const f = await waitFor('the finding', () => findings[0]);
    assert.strictEqual(f.takeovers, 3);
    assert.ok(f.firstAt > clearedAt, 'counted from the clear');
    assert.strictEqual(findings.length, 1);
  });

  it('tells the finding, its sides unnamed, when every read fails or never answers', async () => {
    for (const answer of [() => Promise.reject(new Error('EIO')), () => new Promise<never>(() => undefined)]) {
      const failing: ProcessReader = {
        connectionsBelow: answer,
        ownersOf: answer,
        descendantsOf: answer,
        facts: answer,
      };
      start(failing, 20);
      [50001, 50002].forEach(connect);
      takeover(50001);
      connect(50003);
      takeover(50002);
      connect(50004);
      takeover(50003);
      const f = await waitFor('the finding', () => findings[0]);
      assert.deepStrictEqual(
        f.sides.map((s) => [s.endpoint, s.process]),
        [
          ['127.0.0.1:50004', undefined],
          ['127.0.0.1:50003', undefined],
        ],
      );
      detective.dispose();
    }
  });
});
