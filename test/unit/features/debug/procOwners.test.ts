// procOwners on this machine's real /proc: a device program (mqtt.js, in a process of its own,
// started through a shell) connected to a real broker on loopback is found below the test's
// process, its connection's local port is its own, and that port leads back to it.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { commandLineOf, connectionsOf, descendantsOf, ownersOf } from '../../../../src/features/debug/procOwners';
import { CHILD_JS, startMqttProcess, type MqttProcess } from '../../../support/mqttProcess';
import { startTestSandbox, type TestSandbox } from '../../../support/sandbox';
import { waitFor } from '../../../support/waitFor';

const linux = process.platform === 'linux';

describe('procOwners on this machine', function () {
  let t: TestSandbox;
  let device: MqttProcess;
  let brokerPort: number;

  before(async function () {
    if (!linux) this.skip();
    t = await startTestSandbox();
    brokerPort = Number(new URL(t.ready.mqttUrl).port);
    const d = t.registerDevice('dbgtype', 'proc-1');
    device = await startMqttProcess({
      mqttUrl: t.ready.mqttUrl,
      clientId: d.clientId,
      username: 'use-token-auth',
      password: d.token,
      throughShell: true,
    });
  });
  after(async () => {
    await device?.stop();
    await t?.close();
  });

  it("finds the program below the test's process, through the shell that started it", async () => {
    const shell = device.started.pid!;
    assert.notStrictEqual(shell, device.pid, 'the shell did not replace itself with the program');
    assert.deepStrictEqual(await descendantsOf(shell), { value: [shell, device.pid], reason: undefined });
    const mine = await descendantsOf(process.pid);
    assert.strictEqual(mine.value[0], process.pid);
    assert.ok(
      mine.value.indexOf(shell) > 0 && mine.value.indexOf(device.pid) > mine.value.indexOf(shell),
      JSON.stringify(mine),
    );
  });

  it("gives the program's established connection to the broker, from its own descriptors", async () => {
    const tree = await descendantsOf(device.started.pid!);
    const answer = await connectionsOf(tree.value);
    assert.strictEqual(answer.reason, undefined);
    assert.deepStrictEqual(
      answer.value.map(({ pid, local, remote }) => ({ pid, local, remote })),
      [
        {
          pid: device.pid,
          local: { address: device.localAddress, port: device.localPort },
          remote: { address: '127.0.0.1', port: brokerPort },
        },
      ],
    );
  });

  it("sees the broker's end of the same connection in the test's own process", async () => {
    const answer = await connectionsOf([process.pid]);
    const brokerSide = answer.value.filter((c) => c.remote.port === device.localPort);
    assert.deepStrictEqual(
      brokerSide.map((c) => [c.pid, c.local.port]),
      [[process.pid, brokerPort]],
    );
  });

  it('leads from the local address:port back to the program and its command line', async () => {
    const answer = await ownersOf({ address: device.localAddress, port: device.localPort });
    assert.deepStrictEqual(answer, {
      value: [{ pid: device.pid, cmdline: [process.execPath, CHILD_JS, device.marker] }],
      reason: undefined,
    });
    assert.deepStrictEqual(
      (await ownersOf({ address: `::ffff:${device.localAddress}`, port: device.localPort })).value.map((p) => p.pid),
      [device.pid],
    );
    assert.deepStrictEqual((await commandLineOf(device.started.pid!)).value, [
      '/bin/sh',
      '-c',
      '"$0" "$1" "$2"; exit $?',
      process.execPath,
      CHILD_JS,
      device.marker,
    ]);
  });

  it('answers with a reason, not an exception, for what another user may not read', async function () {
    const uid = process.getuid?.();
    if (uid === 0) {
      // As root every process is readable: ask as `nobody` about this (root's) process instead.
      const run = spawnSync(
        process.execPath,
        [
          path.resolve('out', 'test', 'unit', 'features', 'debug', 'procOwners.child.js'),
          String(process.pid),
          String(device.localPort),
        ],
        { uid: 65534, gid: 65534, encoding: 'utf8', timeout: 20_000 },
      );
      assert.strictEqual(run.status, 0, run.stderr);
      const answers = JSON.parse(run.stdout) as Record<string, { value: unknown[]; reason?: string }>;
      assert.deepStrictEqual(answers.inodes.value, []);
      assert.match(
        answers.inodes.reason ?? '',
        new RegExp(`^the descriptors of process ${process.pid} cannot be read: EACCES`),
      );
      assert.deepStrictEqual(answers.connections.value, []);
      assert.match(answers.connections.reason ?? '', /EACCES/);
      assert.deepStrictEqual(answers.owners.value, []);
      assert.match(answers.owners.reason ?? '', /^\d+ entries of \/proc could not be read \(permission denied\)/);
    } else {
      const answer = await connectionsOf([1]);
      assert.deepStrictEqual(answer.value, []);
      assert.match(answer.reason ?? '', /^the descriptors of process 1 cannot be read: EACCES/);
    }
  });

  it('forgets the program once it has ended', async () => {
    const { pid, localAddress, localPort } = device;
    await device.stop();
    await waitFor('the program to be gone from /proc', async () => (await descendantsOf(pid)).value.length === 0);
    assert.deepStrictEqual(await descendantsOf(pid), { value: [], reason: `no process ${pid} is running` });
    const owners = await ownersOf({ address: localAddress, port: localPort });
    assert.deepStrictEqual(owners.value, []);
    assert.ok(owners.reason, 'a reason is given');
  });
});
