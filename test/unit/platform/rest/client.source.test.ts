// `GET /config/source` (platform-contract.md §7.2) through the REST client: the sandbox's own answer, and answers of
// other servers, well-formed and not, from a fault server.

import * as assert from 'node:assert/strict';
import { isPlatformError } from '../../../../src/platform/errors';
import { PlatformRestClient } from '../../../../src/platform/rest/client';
import { startTestSandbox, type TestSandbox } from '../../../support/sandbox';
import { failure, faultClient } from '../support/clients';
import { json, startFaultServer, type FaultServer } from '../support/faultServer';

describe('platform REST client: the source against the sandbox', () => {
  let sandbox: TestSandbox;
  let rest: PlatformRestClient;
  before(async () => {
    sandbox = await startTestSandbox();
    const { apiUrl, apiKey, apiToken } = sandbox.ready;
    rest = new PlatformRestClient({ apiUrl, apiKey, apiToken });
  });
  after(async () => {
    rest.dispose();
    await sandbox.close();
  });

  it('reads the sandbox: its own broker, heard, able to hold, listing its clients', async () => {
    const s = await rest.getSource();
    assert.equal(s.kind, 'sandbox');
    assert.equal(s.holdKeepAlive, true);
    assert.equal(s.listsConnected, true);
    assert.equal(s.history, 'platform');
    assert.equal(s.status, 'connected');
    assert.deepEqual([s.nodes, s.diagnostics], [[], []]);
    assert.ok(s.observingSince !== undefined && Math.abs(Date.now() - s.observingSince) < 600_000);
    assert.equal(s.connectedCount, 0);
  });
});

describe('platform REST client: the source on other servers', () => {
  let server: FaultServer | undefined;
  afterEach(async () => server?.close());

  it('takes a platform without config/source (404) as unknown, one that cannot hold', async () => {
    server = await startFaultServer((_req, res) => json(res, 404, { message: 'no' }));
    const s = await faultClient(server.apiUrl).getSource();
    assert.deepEqual(
      [s.kind, s.holdKeepAlive, s.status, s.nodes, s.diagnostics],
      ['unknown', false, 'unknown', [], []],
    );
  });

  it("reads an observing server's answer: nodes, counts, status, diagnostics with their fix", async () => {
    const body = {
      kind: 'rabbitmq',
      broker: 'http://127.0.0.1:15672',
      observingSince: '2026-12-03T10:00:00.000Z',
      connectedCount: 5000,
      nodes: ['rabbit@a', 'rabbit@b'],
      capabilities: { listsConnected: true, history: 'observed', holdKeepAlive: false },
      sourceStatus: 'reconnecting',
      sourceError: 'ECONNREFUSED 127.0.0.1:5672',
      diagnostics: [{ code: 'rabbitmq.logExchange', message: 'no log exchange', fix: ['log.exchange = true'] }],
    };
    server = await startFaultServer((_req, res) => json(res, 200, body));
    const s = await faultClient(server.apiUrl).getSource();
    assert.equal(server.requests[0].url, '/api/v0002/config/source');
    assert.deepEqual(s, {
      kind: 'rabbitmq',
      holdKeepAlive: false,
      broker: 'http://127.0.0.1:15672',
      observingSince: Date.UTC(2026, 11, 3, 10),
      connectedCount: 5000,
      nodes: ['rabbit@a', 'rabbit@b'],
      listsConnected: true,
      history: 'observed',
      status: 'reconnecting',
      error: 'ECONNREFUSED 127.0.0.1:5672',
      diagnostics: [{ code: 'rabbitmq.logExchange', message: 'no log exchange', fix: ['log.exchange = true'] }],
    });
  });

  it('leaves out what has the wrong type, bounds lists and texts, and drops empty diagnostics', async () => {
    const body = {
      kind: 'mosquitto',
      capabilities: { holdKeepAlive: 'yes', listsConnected: 'no', history: 'all' },
      connectedCount: -3,
      observingSince: 'yesterday',
      nodes: ['n', 7, null, ...Array.from({ length: 100 }, (_, i) => `node-${i}`)],
      sourceStatus: 'maybe',
      broker: 'x'.repeat(10_000),
      diagnostics: [
        7,
        { code: 'c' },
        { message: 'm', fix: 'not a list' },
        ...Array.from({ length: 50 }, () => ({ message: 'x' })),
      ],
    };
    server = await startFaultServer((_req, res) => json(res, 200, body));
    const s = await faultClient(server.apiUrl).getSource();
    assert.equal(s.kind, 'mosquitto');
    assert.deepEqual(
      [s.holdKeepAlive, s.listsConnected, s.history, s.connectedCount, s.observingSince, s.status],
      [false, undefined, undefined, undefined, undefined, 'unknown'],
    );
    assert.equal(s.nodes.length, 64);
    assert.equal(s.nodes[0], 'n');
    assert.equal(s.broker?.length, 2000);
    assert.ok(s.diagnostics.length <= 20);
    assert.deepEqual(s.diagnostics[0], { code: '', message: 'm', fix: [] });
  });

  it('fails with the platform error of any other failure', async () => {
    server = await startFaultServer((_req, res) => json(res, 401, { message: 'who?' }));
    assert.ok(isPlatformError(await failure(faultClient(server.apiUrl).getSource()), 'unauthorized'));
  });
});
