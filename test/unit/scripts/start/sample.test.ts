// The sample device project of `npm start`, for real: written into a temp workspace against a
// real sandbox, its device.js run with the .env it was given connects as sample-device-1 and
// publishes; a second start keeps the person's edits and the device's token.
import * as assert from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeSampleProject } from '../../../../scripts/start/sample';
import { startTestSandbox, type TestSandbox } from '../../../support/sandbox';
import { waitFor } from '../../../support/waitFor';

function readEnv(file: string): Record<string, string> {
  return Object.fromEntries(
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
}

describe('npm start: the sample device project', function () {
  this.timeout(30_000);
  let sandbox: TestSandbox;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iotc-sample-'));
  const workspace = path.join(dir, 'workspace');
  before(async () => (sandbox = await startTestSandbox()));
  after(async () => {
    await sandbox.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('debugs device.js with the sandbox device from .env: it connects and publishes', async () => {
    await writeSampleProject(workspace, sandbox.ready, dir);
    const launch = JSON.parse(fs.readFileSync(path.join(workspace, '.vscode', 'launch.json'), 'utf8')) as {
      configurations: { type: string; program: string; envFile: string }[];
    };
    assert.deepStrictEqual(
      [launch.configurations[0].type, launch.configurations[0].program, launch.configurations[0].envFile],
      ['node', '${workspaceFolder}/device.js', '${workspaceFolder}/.env'],
    );
    const envFile = path.join(workspace, '.env');
    assert.strictEqual(fs.statSync(envFile).mode & 0o077, 0, '.env is readable by this user only');
    const env = readEnv(envFile);
    assert.strictEqual(env.IOT_CLIENT_ID, `d:${sandbox.ready.org}:sample:sample-device-1`);
    assert.strictEqual(env.IOT_MQTT_URL, sandbox.ready.mqttUrl);
    const child = spawn(process.execPath, [path.join(workspace, 'device.js')], {
      env: { ...process.env, ...env, IOT_PUBLISH_MS: '100', NODE_PATH: path.resolve('node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (out += c.toString('utf8')));
    try {
      await waitFor('the device to connect and publish', () => /connected to .*\n[\s\S]*published/.test(out));
      await waitFor(
        'the state API to count it connected',
        () => sandbox.store.getState(env.IOT_CLIENT_ID)?.connectionStatus === 'connected',
      );
    } finally {
      child.kill('SIGINT');
      await new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once('exit', resolve)));
    }
  });

  it('keeps the edits and the token on a second start', async () => {
    fs.writeFileSync(path.join(workspace, 'device.js'), '// edited\n');
    const token = readEnv(path.join(workspace, '.env')).IOT_PASSWORD;
    await writeSampleProject(workspace, sandbox.ready, dir);
    assert.strictEqual(fs.readFileSync(path.join(workspace, 'device.js'), 'utf8'), '// edited\n');
    assert.strictEqual(readEnv(path.join(workspace, '.env')).IOT_PASSWORD, token);
  });
});
