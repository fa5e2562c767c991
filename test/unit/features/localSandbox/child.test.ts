// The sandbox CLI as a child process (what "Start Local Sandbox" and `npm start` run): the real
// dist/sandbox.js, its ready line, its stderr, SIGTERM to stop, and no orphan when the parent ends.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { connect } from 'mqtt';
import { startSandboxChild, type SandboxChild } from '../../../../src/features/localSandbox/child';
import { waitFor } from '../../../support/waitFor';
import { pidAlive } from '../../../support/brokers/processes';

const root = path.resolve(__dirname, '../../../../..');
const cliPath = path.join(root, 'dist', 'sandbox.js');
const FREE_PORTS = ['--http-port', '0', '--mqtt-port', '0', '--ws-port', '0'];

describe('localSandbox/child: the sandbox CLI as a child process', function () {
  this.timeout(30_000);
  let child: SandboxChild | undefined;
  afterEach(async () => {
    await child?.stop();
    child = undefined;
  });

  it('reads the ready line, hands over stderr lines, and stops on SIGTERM with exit code 0', async () => {
    const lines: string[] = [];
    child = await startSandboxChild({ cliPath, args: FREE_PORTS, onStderrLine: (l) => lines.push(l) });
    assert.strictEqual(child.ready.event, 'ready');
    assert.match(child.ready.apiUrl, /^http:\/\/127\.0\.0\.1:\d+\/api\/v0002$/);
    const auth = `Basic ${Buffer.from(`${child.ready.apiKey}:${child.ready.apiToken}`).toString('base64')}`;
    const response = await fetch(`${child.ready.apiUrl}/config/clientstate`, { headers: { authorization: auth } });
    assert.strictEqual(response.status, 200);
    await waitFor('a stderr line of the REST API', () => lines.some((l) => /REST API listening/.test(l)));

    const app = connect(child.ready.mqttUrl, {
      clientId: `a:${child.ready.org}:probe`,
      username: child.ready.apiKey,
      password: child.ready.apiToken,
      reconnectPeriod: 0,
    });
    await new Promise((resolve, reject) => app.once('connect', resolve).once('error', reject));
    const closed = new Promise<void>((resolve) => app.once('close', () => resolve()));
    const pid = child.pid;
    await child.stop();
    assert.strictEqual(await child.exited, 0);
    assert.strictEqual(child.running, false);
    assert.strictEqual(pidAlive(pid), false);
    await closed;
    assert.ok(
      lines.some((l) => /SIGTERM: closing every client with 93/.test(l)),
      'the sandbox closed its clients',
    );
  });

  it("fails with the sandbox's own words when it cannot start", async () => {
    await assert.rejects(
      startSandboxChild({ cliPath, args: ['--simulate', 'many'] }),
      /exited \(code 2\) before it was ready:\nsandbox: --simulate must be an integer/,
    );
  });

  it('fails when what it runs prints something else than the ready line, and ends it', async () => {
    let pid = 0;
    const script = 'console.error(process.pid); console.log("hello"); setInterval(() => {}, 1000)';
    await assert.rejects(
      startSandboxChild({ cliPath: '-e', args: [script], onStderrLine: (l) => (pid = Number(l)) }),
      /not its ready line/,
    );
    assert.ok(pid > 0);
    assert.strictEqual(pidAlive(pid), false);
  });

  it('is ended when the start is cancelled', async () => {
    const controller = new AbortController();
    const started = startSandboxChild({
      cliPath: '-e',
      args: ['setInterval(() => {}, 1000)'],
      signal: controller.signal,
    });
    controller.abort(new Error('cancelled by the person'));
    await assert.rejects(started, /cancelled by the person/);
  });

  it('never outlives its parent: a parent that exits without stopping it takes it along', () => {
    const orphan = spawnSync(process.execPath, [path.join(__dirname, 'fixtures', 'orphan.js'), cliPath], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    assert.strictEqual(orphan.status, 0, orphan.stderr);
    const pid = Number(orphan.stdout.trim());
    assert.ok(pid > 0);
    return waitFor(`the sandbox (pid ${pid}) to be gone`, () => !pidAlive(pid), { timeoutMs: 5000 });
  });
});
