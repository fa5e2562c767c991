// `node dist/sandbox.js --observe-mosquitto …` as a person runs it: the same ready line, config/source telling the
// observed broker, credentials never printed, --simulate refused (platform-contract.md §7).

import * as assert from 'node:assert/strict';
import type { SourceInfoWire } from '../../../src/core/source';
import { startMosquitto, type Mosquitto } from '../../support/brokers/mosquitto';
import { waitFor } from '../../support/waitFor';
import { killIfRunning, restCall as call, spawnSandbox, type SandboxProcess } from './process';

const FREE_PORTS = ['--mqtt-port', '0', '--ws-port', '0', '--http-port', '0'];

describe('sandbox CLI: observe modes', function () {
  this.timeout(60_000);
  let broker: Mosquitto;
  let running: SandboxProcess | undefined;
  before(async () => (broker = await startMosquitto({ users: { cli: 'cli-secret-42' } })));
  afterEach(() => killIfRunning(running));
  after(() => broker?.stop());

  it('prints the same ready line, tells the observed broker, never prints the password, exits 0', async () => {
    running = spawnSandbox([...FREE_PORTS, '--observe-mosquitto', `mqtt://cli:cli-secret-42@127.0.0.1:${broker.port}`]);
    const ready = await running.ready;
    assert.deepEqual(Object.keys(ready), [
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
    const source = await waitFor('the broker to be heard', async () => {
      const s = (await call(ready, '/config/source')).body as SourceInfoWire;
      return s.sourceStatus === 'connected' ? s : undefined;
    });
    assert.equal(source.kind, 'mosquitto');
    assert.equal(source.broker, `mqtt://127.0.0.1:${broker.port}`);
    running.child.kill('SIGTERM');
    assert.equal(await running.exit, 0);
    assert.ok(!`${running.stdout}${running.stderr}`.includes('cli-secret-42'), 'the password is never printed');
  });

  it('refuses --simulate in observe modes, and a wrong URL without echoing its password', async () => {
    running = spawnSandbox(['--observe-mosquitto', `mqtt://127.0.0.1:${broker.port}`, '--simulate', '5']);
    assert.equal(await running.exit, 2);
    assert.match(running.stderr, /--simulate runs a simulated fleet on the server's own broker/);
    running = spawnSandbox(['--observe-mosquitto', 'http://cli:cli-secret-42@127.0.0.1:1883']);
    assert.equal(await running.exit, 2);
    assert.match(running.stderr, /--observe-mosquitto must start with mqtt:\/\/ or mqtts:\/\//);
    assert.ok(!running.stderr.includes('cli-secret-42'));
    assert.equal(running.stdout, '');
  });
});
