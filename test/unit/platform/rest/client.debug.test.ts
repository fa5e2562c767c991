// The debugging calls of the REST client (platform-contract.md §8): against the sandbox for
// what it serves, and against a fault server for platforms that answer otherwise.

import * as assert from 'node:assert/strict';
import { isPlatformError } from '../../../../src/platform/errors';
import { PlatformRestClient } from '../../../../src/platform/rest/client';
import { RawMqtt } from '../../../support/rawMqtt';
import { startTestSandbox, type TestSandbox } from '../../../support/sandbox';
import { failure, faultClient } from '../support/clients';
import { json, startFaultServer, type FaultServer } from '../support/faultServer';

describe('platform REST client: keep-alive and hold against the sandbox', () => {
  let sandbox: TestSandbox;
  let rest: PlatformRestClient;
  let raw: RawMqtt;
  const clientId = 'd:testor:boiler:b-1';
  before(async () => {
    sandbox = await startTestSandbox();
    const d = sandbox.registerDevice('boiler', 'b-1');
    raw = await RawMqtt.open(Number(new URL(sandbox.ready.mqttUrl).port));
    raw.connect({ clientId: d.clientId, username: 'use-token-auth', password: d.token, keepalive: 20 });
    await raw.next('connack');
    const { apiUrl, apiKey, apiToken } = sandbox.ready;
    rest = new PlatformRestClient({ apiUrl, apiKey, apiToken });
  });
  after(async () => {
    rest.dispose();
    raw.destroy();
    await sandbox.close();
  });

  it('reads the keep-alive and its deadline as epoch ms', async () => {
    const k = await rest.getKeepAlive(clientId);
    assert.equal(k.keepAliveSeconds, 20);
    assert.equal(k.held, false);
    assert.equal((k.deadline as number) - (k.lastPacketTime as number), 30_001);
  });

  it('holds, clamping the seconds to 1–3600, and releases', async () => {
    const held = await rest.holdKeepAlive(clientId, 99_999);
    assert.equal(held.held, true);
    assert.ok((held.heldUntil as number) - Date.now() > 3_500_000);
    const released = await rest.releaseKeepAlive(clientId);
    assert.equal(released.held, false);
    assert.equal(released.heldUntil, undefined);
  });

  it('says notFound for a client that is not connected, quoting a hostile id as plain text', async () => {
    const error = await failure(rest.getKeepAlive('d:testor:boiler:\u202egone'));
    assert.ok(isPlatformError(error, 'notFound'));
    assert.ok(isPlatformError(error) && !error.message.includes('\u202e'));
    assert.ok(isPlatformError(await failure(rest.holdKeepAlive('..', 10)), 'badRequest'));
  });
});

describe('platform REST client: keep-alive on other platforms', () => {
  let server: FaultServer | undefined;
  afterEach(async () => server?.close());

  it('refuses a keep-alive answer of the wrong shape, and leaves out times that are not instants', async () => {
    let answer: unknown = { keepAliveSeconds: '30', held: false };
    server = await startFaultServer((_req, res) => json(res, 200, answer));
    const rest = faultClient(server.apiUrl);
    assert.ok(isPlatformError(await failure(rest.getKeepAlive('d:o:t:x')), 'malformed'));
    answer = { keepAliveSeconds: 30, held: true, deadline: 'soon', lastPacketTime: 5 };
    const k = await rest.getKeepAlive('d:o:t:x');
    assert.deepEqual([k.deadline, k.lastPacketTime, k.held], [undefined, undefined, true]);
    assert.equal(server.requests[0].url, '/api/v0002/sandbox/clients/d:o:t:x/keepalive');
  });

  it('sends the hold as DELETE and POST with the seconds', async () => {
    server = await startFaultServer((_req, res) => json(res, 200, { keepAliveSeconds: 5, held: false }));
    const rest = faultClient(server.apiUrl);
    await rest.holdKeepAlive('a:o:app', 0.2);
    await rest.releaseKeepAlive('a:o:app');
    assert.deepEqual(
      server.requests.map((r) => [r.method, r.url, r.body]),
      [
        ['POST', '/api/v0002/sandbox/clients/a:o:app/hold', '{"seconds":1}'],
        ['DELETE', '/api/v0002/sandbox/clients/a:o:app/hold', ''],
      ],
    );
  });
});
