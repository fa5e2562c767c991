// Watching again after a restart (features/watchBroker/resume.ts): which broker the active platform watched, that the
// platform is its data dir's server, whether a server answers already, and the server's own words when it cannot start.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { targetOf } from '../../../../src/features/watchBroker/draft';
import {
  keptTokenOf,
  observeDataDir,
  serverAnswers,
  serverWords,
  watchedTargetOf,
} from '../../../../src/features/watchBroker/resume';
import { platformNameOf, targetKey } from '../../../../src/features/watchBroker/target';
import { bootstrapCredentials } from '../../../../src/server/credentials';
import { memoryLogger } from '../../../../src/server/log';
import { SandboxStore } from '../../../../src/server/store/store';

describe('features/watchBroker/resume: watching again after VS Code restarted', () => {
  const alice = targetOf({ kind: 'mosquitto', url: 'mqtt://127.0.0.1:1883', user: 'alice' })!;
  const bob = targetOf({ kind: 'mosquitto', url: 'mqtt://127.0.0.1:1883', user: 'bob' })!;
  const rabbit = targetOf({
    kind: 'rabbitmq',
    managementUrl: 'http://r:15672',
    amqpUrl: 'amqp://r:5672',
    user: 'u',
  })!;

  it('finds the newest broker watched under the platform name, and none for another platform', () => {
    assert.equal(platformNameOf(alice), platformNameOf(bob));
    assert.equal(watchedTargetOf('Mosquitto 127.0.0.1:1883', [rabbit, bob, alice]), bob);
    assert.equal(watchedTargetOf('RabbitMQ r:15672', [alice, rabbit]), rabbit);
    assert.equal(watchedTargetOf('Local sandbox', [alice, rabbit]), undefined);
    assert.equal(watchedTargetOf(undefined, [alice]), undefined);
  });

  it('keeps one data dir per broker and user under global storage', () => {
    assert.equal(observeDataDir('/g', alice), path.join('/g', 'observe', targetKey(alice)));
    assert.notEqual(observeDataDir('/g', alice), observeDataDir('/g', bob));
  });

  describe('the platform of a data dir, and whether its server answers', () => {
    let dataDir: string;
    let kept: { apiKey: string; apiToken: string };
    let server: http.Server | undefined;
    const config = (apiUrl: string, apiKey = kept.apiKey) => ({
      name: 'Mosquitto x',
      apiUrl,
      mqttUrl: 'mqtt://127.0.0.1:1',
      apiKey,
    });
    beforeEach(() => {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iotc-resume-'));
      kept = bootstrapCredentials(new SandboxStore(), 'observ', {}, dataDir, memoryLogger());
    });
    afterEach(async () => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
      server = undefined;
    });

    it("is the data dir's server only with the API key it keeps, on this machine", async () => {
      assert.equal((await keptTokenOf(dataDir, config('http://127.0.0.1:9/api/v0002')))?.token, kept.apiToken);
      assert.equal(
        await keptTokenOf(dataDir, config('http://127.0.0.1:9/api/v0002', 'a-observ-other00000')),
        undefined,
      );
      assert.equal(await keptTokenOf(dataDir, config('http://10.1.2.3:9/api/v0002')), undefined);
    });

    it('answers when a server takes the token at that URL; not when nothing listens', async () => {
      let auth: string | undefined;
      server = http.createServer((req, res) => {
        auth = req.headers.authorization;
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ kind: 'mosquitto', status: 'connected', diagnostics: [] }));
      });
      await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
      const port = (server.address() as AddressInfo).port;
      assert.equal(await serverAnswers(config(`http://127.0.0.1:${port}/api/v0002`), kept.apiToken), true);
      assert.equal(auth, `Basic ${Buffer.from(`${kept.apiKey}:${kept.apiToken}`).toString('base64')}`);
      await new Promise((resolve) => server?.close(resolve));
      server = undefined;
      assert.equal(await serverAnswers(config(`http://127.0.0.1:${port}/api/v0002`), kept.apiToken), false);
    });
  });

  it("says the server's own words: its cannot-start line, else the first line", () => {
    const failed =
      'the sandbox exited (code 1) before it was ready:\n' +
      '2026-12-03T18:00:00.000Z info [sandbox] observing mqtt://127.0.0.1:1883\n' +
      '2026-12-03T18:00:00.100Z error [sandbox] cannot start: the data dir is in use by process 42 (lock /x/lock)';
    assert.equal(serverWords(failed), 'the data dir is in use by process 42 (lock /x/lock)');
    assert.equal(
      serverWords('the sandbox printed no ready line within 120 s'),
      'the sandbox printed no ready line within 120 s',
    );
  });
});
