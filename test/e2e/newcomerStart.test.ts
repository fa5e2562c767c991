// `npm start`'s pieces as CI can run them, without a display: the runner in --check mode starts
// the sandbox with its fleet, the profile and VS Code in the browser, waits in headless Chromium
// until the Clients view shows the fleet, and stops everything; a second start keeps the fleet;
// and in normal mode Ctrl-C (SIGINT) stops VS Code and the sandbox and exits 0.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { screenshotsDir } from '../../scripts/vscode-web/paths';
import { waitFor } from '../support/waitFor';
import { freePort, RUNNER, runStart, type Run } from './harness/npmStart';

async function answers(url: string): Promise<boolean> {
  return fetch(url, { signal: AbortSignal.timeout(2000) }).then(
    (r) => r.ok,
    () => false,
  );
}

describe('npm start (the runner in a real run, headless)', function () {
  this.timeout(300_000);
  let dataDir: string;
  const started: Run[] = [];

  before(() => {
    assert.ok(fs.existsSync(RUNNER), `${RUNNER} is missing: node esbuild.js --tests (or --start)`);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iotc-npm-start-'));
  });
  after(() => {
    for (const run of started) run.child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const sandboxLog = () => fs.readFileSync(path.join(dataDir, 'sandbox.log'), 'utf8');

  async function check(): Promise<{ seconds: number; connected: number; output: string }> {
    const run = runStart(['--check', '--data-dir', dataDir, '--fleet', '20', '--port', String(await freePort())]);
    started.push(run);
    const code = await run.exited;
    assert.strictEqual(code, 0, `npm start --check failed:\n${run.output()}`);
    const ready = /ready in ([\d.]+) s: the Clients view shows Connected \((\d+)\)/.exec(run.output());
    assert.ok(ready, `no ready line in:\n${run.output()}`);
    return { seconds: Number(ready[1]), connected: Number(ready[2]), output: run.output() };
  }

  it(
    '--check: VS Code in the browser shows the simulated fleet; the token went to secret storage, not ' + 'settings',
    async () => {
      const { connected, output } = await check();
      assert.ok(connected > 0, 'connected clients in the tree');
      assert.match(output, /sandbox ready in [\d.]+ s: 20 simulated clients/);
      assert.match(output, /\[start\] stopped/);

      const { apiToken } = JSON.parse(fs.readFileSync(path.join(dataDir, 'sandbox', 'api-key.json'), 'utf8')) as {
        apiToken: string;
      };
      assert.ok(apiToken && apiToken.length >= 8);
      const profile = path.join(dataDir, 'vscode-browser', 'user-data');
      assert.ok(
        !fs.readFileSync(path.join(profile, 'User', 'settings.json'), 'utf8').includes(apiToken),
        'settings.json never holds the token',
      );
      assert.ok(
        !fs.existsSync(path.join(profile, 'iotc-bootstrap.json')),
        'the extension took the one-time handover and deleted it',
      );
      assert.ok(!output.includes(apiToken), 'npm start never prints the token');
      assert.match(sandboxLog(), /SIGTERM: closing every client with 93/, 'the sandbox was stopped with one SIGTERM');
      // Its workspace is the sample device project, with the connection of its device in .env.
      const workspace = path.join(dataDir, 'workspace');
      for (const file of ['device.js', 'package.json', '.vscode/launch.json', '.env']) {
        assert.ok(fs.existsSync(path.join(workspace, file)), `${file} in the workspace`);
      }
      assert.match(
        fs.readFileSync(path.join(workspace, '.env'), 'utf8'),
        /^IOT_CLIENT_ID=d:\w+:sample:sample-device-1$/m,
      );
      fs.mkdirSync(screenshotsDir, { recursive: true });
      fs.copyFileSync(path.join(dataDir, 'check.png'), path.join(screenshotsDir, 'npm-start-check.png'));
    },
  );

  it('a second start keeps the fleet (its devices and API key are in the data dir)', async () => {
    const before = sandboxLog().length;
    const { connected } = await check();
    assert.ok(connected > 0);
    assert.match(
      sandboxLog().slice(before),
      /simulated fleet of 20 client\(s\).*; 0 device\(s\) registered, [1-9]\d* kept/,
    );
  });

  it('Ctrl-C stops VS Code and the sandbox and exits 0', async () => {
    const run = runStart(['--browser', '--data-dir', dataDir, '--fleet', '5', '--port', String(await freePort())]);
    started.push(run);
    const url = await waitFor(
      'the URL to open',
      () => /^\s+(http:\/\/127\.0\.0\.1:\d+\/\S+)$/m.exec(run.output())?.[1],
      { timeoutMs: 180_000, intervalMs: 200 },
    );
    const api = /API (http:\/\/127\.0\.0\.1:\d+\/api\/v0002)/.exec(run.output())?.[1];
    assert.ok(api, run.output());
    assert.ok(await answers(url), 'VS Code answers at the URL');
    assert.match(run.output(), /ssh -L (\d+):127\.0\.0\.1:\1 /, 'says how to reach it from another machine');

    run.child.kill('SIGINT');
    assert.strictEqual(await run.exited, 0, run.output());
    assert.match(run.output(), /SIGINT: stopping VS Code and the sandbox/);
    assert.strictEqual(await answers(url), false, 'VS Code is gone');
    await assert.rejects(fetch(`${api}/config/clientstate`), 'the sandbox is gone');
  });
});
