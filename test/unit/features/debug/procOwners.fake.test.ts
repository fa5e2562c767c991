// procOwners on a /proc of the test's own making: the odd cases a live machine seldom shows on
// demand (a process gone between listing and reading, a command name with parentheses, a
// descriptor folder that is not one, another OS).
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  commandLineOf,
  connectionsOf,
  descendantsOf,
  ownersOf,
  socketInodesOf,
} from '../../../../src/features/debug/procOwners';

const HEADER = '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode';
const REST = HEADER.slice(HEADER.indexOf(' st '));
const HEADER6 = `  sl  local_address${' '.repeat(27)}remote_address${' '.repeat(23)}${REST}`;
const line = (sl: number, local: string, remote: string, st: string, inode: number) =>
  `   ${sl}: ${local} ${remote} ${st} 00000000:00000000 00:00000000 00000000  1000        0 ${inode} ${TAIL}`;
const TAIL = '1 0000000000000000 20 0 0 10 -1';
// 127.0.0.1:50000 → 127.0.0.1:1883 (inode 555), the broker's end of it (556), a listener (557)
const TCP =
  [
    HEADER,
    line(0, '0100007F:075B', '00000000:0000', '0A', 557),
    line(1, '0100007F:C350', '0100007F:075B', '01', 555),
    line(2, '0100007F:075B', '0100007F:C350', '01', 556),
  ].join('\n') + '\n';
// [::ffff:127.0.0.1]:50001 → [::ffff:127.0.0.1]:1883 (inode 777)
const TCP6 =
  [HEADER6, line(0, '0000000000000000FFFF00000100007F:C351', '0000000000000000FFFF00000100007F:075B', '01', 777)].join(
    '\n',
  ) + '\n';

function write(root: string, rel: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
}
function link(root: string, rel: string, target: string): void {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.symlinkSync(target, path.join(root, rel));
}
const stat = (pid: number, comm: string, ppid: number) =>
  `${pid} (${comm}) S ${ppid} ${pid} ${pid} 0 -1 4194560 100 0 0 0 1 1 0 0 20 0 1 0 100 1000 100\n`;

describe("procOwners on a /proc of the test's making", () => {
  let root: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'iotc-proc-'));
    write(root, '1/stat', stat(1, 'init', 0));
    write(root, '100/stat', stat(100, 'node', 1));
    write(root, '100/cmdline', 'node\0app.js\0--name\0line\nbreak \u202eevil\0');
    link(root, '100/fd/0', '/dev/null');
    link(root, '100/fd/3', 'socket:[555]');
    link(root, '100/fd/4', 'pipe:[12]');
    link(root, '100/ns/net', 'net:[4026531840]');
    write(root, '100/net/tcp', TCP);
    write(root, '100/net/tcp6', TCP6);
    write(root, '101/stat', stat(101, 'a b) S 7 (c', 100));
    link(root, '101/fd/5', 'socket:[777]');
    link(root, '101/ns/net', 'net:[4026531840]');
    write(root, '102/stat', stat(102, 'worker', 101));
    fs.mkdirSync(path.join(root, '103')); // listed, gone before its stat is read
    write(root, '200/stat', stat(200, 'other', 1));
    write(root, '200/fd', 'not a folder');
    write(root, 'net/tcp', TCP);
    write(root, 'net/tcp6', TCP6);
    fs.mkdirSync(path.join(root, 'self'));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('walks descendants by parent pid, command names with parentheses and spaces included', async () => {
    assert.deepStrictEqual(await descendantsOf(100, { root }), { value: [100, 101, 102], reason: undefined });
    assert.deepStrictEqual(await descendantsOf(101, { root }), { value: [101, 102], reason: undefined });
    assert.deepStrictEqual((await descendantsOf(1, { root })).value, [1, 100, 200, 101, 102]);
  });

  it('gives no descendants, with a reason, for a process that is not running', async () => {
    assert.deepStrictEqual(await descendantsOf(103, { root }), { value: [], reason: 'no process 103 is running' });
    assert.deepStrictEqual(await descendantsOf(999, { root }), { value: [], reason: 'no process 999 is running' });
  });

  it('finds socket inodes among descriptors and the established connections they are', async () => {
    assert.deepStrictEqual(await socketInodesOf(100, { root }), { value: ['555'] });
    const answer = await connectionsOf([100, 101, 102], { root });
    assert.deepStrictEqual(answer.value, [
      {
        pid: 100,
        inode: '555',
        local: { address: '127.0.0.1', port: 50000 },
        remote: { address: '127.0.0.1', port: 1883 },
      },
      {
        pid: 101,
        inode: '777',
        local: { address: '127.0.0.1', port: 50001 },
        remote: { address: '127.0.0.1', port: 1883 },
      },
    ]);
    assert.strictEqual(answer.reason, 'process 102 has ended');
  });

  it('says why a descriptor folder could not be read', async () => {
    const answer = await socketInodesOf(200, { root });
    assert.deepStrictEqual(answer.value, []);
    assert.match(answer.reason ?? '', /^the descriptors of process 200 cannot be read: ENOTDIR/);
  });

  it('names the owner of a local address:port with its command line, in the forms brokers report', async () => {
    const owner = [{ pid: 100, cmdline: ['node', 'app.js', '--name', 'line\nbreak \u202eevil'] }];
    assert.deepStrictEqual(await ownersOf({ address: '127.0.0.1', port: 50000 }, { root }), {
      value: owner,
      reason: undefined,
    });
    assert.deepStrictEqual(await ownersOf({ address: '::ffff:127.0.0.1', port: 50000 }, { root }), {
      value: owner,
      reason: undefined,
    });
    assert.deepStrictEqual((await ownersOf({ address: '127.0.0.1', port: 50001 }, { root })).value, [
      { pid: 101, cmdline: [] },
    ]);
  });

  it('gives no owner, with a reason, when no socket or no readable process has it', async () => {
    assert.deepStrictEqual(await ownersOf({ address: '127.0.0.1', port: 40000 }, { root }), {
      value: [],
      reason: 'no TCP socket on this machine has the local address 127.0.0.1:40000',
    });
    // inode 556 (the broker's end) is held by nobody here; process 200's descriptors failed to read
    const unseen = await ownersOf({ address: '127.0.0.1', port: 1883 }, { root });
    assert.deepStrictEqual(unseen.value, []);
    assert.match(unseen.reason ?? '', /^reading \/proc failed: ENOTDIR/);
  });

  it('keeps the arguments of a command line apart, as given', async () => {
    assert.deepStrictEqual(await commandLineOf(100, { root }), {
      value: ['node', 'app.js', '--name', 'line\nbreak \u202eevil'],
    });
    assert.deepStrictEqual(await commandLineOf(102, { root }), { value: [], reason: 'process 102 has ended' });
  });

  it('answers empty with a reason off Linux or without a /proc', async () => {
    const darwin = { root, platform: 'darwin' as const };
    for (const answer of [
      await descendantsOf(100, darwin),
      await connectionsOf([100], darwin),
      await ownersOf({ address: '127.0.0.1', port: 50000 }, darwin),
      await commandLineOf(100, darwin),
    ]) {
      assert.deepStrictEqual(answer.value, []);
      assert.match(answer.reason ?? '', /darwin does not have/);
    }
    const missing = await descendantsOf(100, { root: path.join(root, 'absent') });
    assert.deepStrictEqual(missing.value, []);
    assert.match(missing.reason ?? '', /^\/proc could not be listed: ENOENT/);
  });
});
