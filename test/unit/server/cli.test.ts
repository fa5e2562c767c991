// `node dist/sandbox.js` as a person runs it: one ready line on stdout, a REST API that answers,
// clients told 93 on SIGTERM, exit 0, and the same API key and token after a restart.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { connect } from 'mqtt';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ReadyInfo } from '../../../src/core/readyInfo';
import { closed, connected } from '../../support/mqtt';
import { killIfRunning, restCall as call, spawnSandbox, type SandboxProcess } from './process';

const FREE_PORTS = ['--mqtt-port', '0', '--ws-port', '0', '--http-port', '0'];

describe('sandbox CLI: the process', function () {
  let dataDir: string;
  let running: SandboxProcess | undefined;
  before(() => (dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-cli-'))));
  afterEach(() => killIfRunning(running));
  after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  let first: ReadyInfo;

  it(
    'prints exactly one JSON ready line, serves the REST API, and exits 0 on SIGTERM after closing clients with ' +
      '93',
    async () => {
      running = spawnSandbox([...FREE_PORTS, '--org', 'cli123', '--data-dir', dataDir]);
      first = await running.ready;
      assert.deepEqual(Object.keys(first), [
        'event',
        'org',
        'apiUrl',
        'mqttUrl',
        'mqttsUrl',
        'wsUrl',
        'wssUrl',
        'httpsUrl',
        'apiKey',
        'apiToken',
        'caFile',
      ]);
      assert.equal(first.event, 'ready');
      assert.equal(first.org, 'cli123');
      assert.match(first.apiUrl, /^http:\/\/127\.0\.0\.1:\d+\/api\/v0002$/);
      assert.match(first.mqttUrl, /^mqtt:\/\/127\.0\.0\.1:\d+$/);
      assert.match(first.apiKey, /^a-cli123-[A-Za-z0-9]{10}$/);
      assert.equal(first.mqttsUrl, null);
      assert.equal(first.wssUrl, null);
      assert.equal(first.httpsUrl, null);
      assert.equal(first.caFile, null);

      assert.deepEqual(await call(first, '/config/clientstate'), { status: 200, body: { enabled: true } });
      assert.equal((await call(first, '/device/types', { method: 'POST', body: { id: 'sensor' } })).status, 201);
      const created = await call(first, '/device/types/sensor/devices', {
        method: 'POST',
        body: { deviceId: 's-1', authToken: 'token-of-s-1' },
      });
      assert.equal(created.status, 201);
      const device = connect(first.mqttUrl, {
        clientId: 'd:cli123:sensor:s-1',
        username: 'use-token-auth',
        password: 'token-of-s-1',
        reconnectPeriod: 0,
      });
      device.on('error', () => {});
      await connected(device);

      const sawClose = closed(device, 10_000);
      running.child.kill('SIGTERM');
      await sawClose;
      assert.equal(await running.exit, 0);
      assert.equal(
        running.stdout.split('\n').filter((l) => l.length > 0).length,
        1,
        'stdout carries only the ready line',
      );
      assert.match(running.stderr, /SIGTERM: closing every client with 93/);
      assert.ok(!running.stderr.includes(first.apiToken), 'the token is not logged');
    },
  );

  it('reports the same working API key and token after a restart with the data dir, and the 93 of before', async () => {
    running = spawnSandbox([...FREE_PORTS, '--org', 'cli123', '--data-dir', dataDir]);
    const again = await running.ready;
    assert.equal(again.apiKey, first.apiKey);
    assert.equal(again.apiToken, first.apiToken);
    const state = await call(again, '/clientconnectionstates/d:cli123:sensor:s-1');
    assert.equal(state.status, 200);
    assert.equal((state.body as { closeCode?: number }).closeCode, 93);
    assert.equal((state.body as { disconnectInitiator?: string }).disconnectInitiator, 'server');
    running.child.kill('SIGINT');
    assert.equal(await running.exit, 0);
  });

  it('exits 2 with a clear message on a wrong option, printing nothing on stdout', async () => {
    running = spawnSandbox(['--mqtt-port', 'abc']);
    assert.equal(await running.exit, 2);
    assert.equal(running.stdout, '');
    assert.match(running.stderr, /--mqtt-port must be an integer/);
    assert.match(running.stderr, /--help/);
  });

  it('exits 1 with a clear message when a port is taken', async () => {
    const holder = spawnSandbox(FREE_PORTS);
    try {
      const taken = new URL((await holder.ready).mqttUrl).port;
      running = spawnSandbox(['--mqtt-port', taken, '--ws-port', '0', '--http-port', '0']);
      assert.equal(await running.exit, 1);
      assert.match(running.stderr, new RegExp(`port ${taken} on 127.0.0.1 is already in use`));
      assert.equal(running.stdout, '');
    } finally {
      holder.child.kill('SIGTERM');
      await holder.exit;
    }
  });

  it('prints the help on --help and exits 0', async () => {
    running = spawnSandbox(['--help']);
    assert.equal(await running.exit, 0);
    assert.match(running.stdout, /--state-lag-ms/);
  });
});
