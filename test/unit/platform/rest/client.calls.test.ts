// What goes on the wire, seen by a real HTTP server: query parameters, ids in paths (raw, but
// encoded where a character would break the path), local checks of the log's limits, entries
// read defensively, and the token kept out of every message, property and log line.

import * as assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { PlatformError } from '../../../../src/platform';
import { MAX_LOG_MESSAGE } from '../../../../src/platform/rest/logs';
import { captureLog, faultClient, failure, TEST_KEY, TEST_TOKEN } from '../support/clients';
import { json, startFaultServer, type FaultServer } from '../support/faultServer';

describe('platform REST client: calls on the wire', () => {
  let server: FaultServer | undefined;
  afterEach(async () => server?.close());

  it('sends the query, page size, sort and bookmark, and Basic auth', async () => {
    server = await startFaultServer((_req, res) => json(res, 200, { results: [], meta: { total_rows: 0 } }));
    const rest = faultClient(server.apiUrl);
    await rest.listClientStates({
      query: {
        connectionStatus: 'disconnected',
        deviceType: 'sensor',
        connectedAfter: '2019-03-09T15:00:00Z',
        clientType: undefined,
      },
      limit: 500,
      sort: ['-lastActivityTime', 'id'],
      bookmark: 'b+/=',
    });
    const url = new URL(server.requests[0].url, 'http://x');
    assert.equal(url.pathname, '/api/v0002/clientconnectionstates');
    assert.deepEqual(Object.fromEntries(url.searchParams), {
      connectionStatus: 'disconnected',
      deviceType: 'sensor',
      connectedAfter: '2019-03-09T15:00:00Z',
      _limit: '100',
      _sort: '-lastActivityTime,id',
      _bookmark: 'b+/=',
    });
    assert.equal(
      server.requests[0].headers.authorization,
      `Basic ${Buffer.from(`${TEST_KEY}:${TEST_TOKEN}`).toString('base64')}`,
    );
    rest.dispose();
  });

  it('adds /api/v0002 to a bare host URL', async () => {
    server = await startFaultServer((_req, res) => json(res, 200, { enabled: true }));
    const rest = faultClient(server.apiUrl.replace('/api/v0002', '/'));
    await rest.getClientStateConfig();
    assert.equal(server.requests[0].url, '/api/v0002/config/clientstate');
    rest.dispose();
  });

  it('sends an id raw, encoding only what would break the path', async () => {
    server = await startFaultServer((_req, res) => json(res, 200, { id: 'x', connectionStatus: 'connected' }));
    const rest = faultClient(server.apiUrl);
    await rest.getClientState('d:org1x2:sensor:s-01');
    await rest.getClientState('d:o:t:a/b?c#d%e f<script>');
    await rest.getClientState('..x');
    assert.deepEqual(
      server.requests.map((r) => r.url),
      [
        '/api/v0002/clientconnectionstates/d:org1x2:sensor:s-01',
        '/api/v0002/clientconnectionstates/d:o:t:a%2Fb%3Fc%23d%25e%20f%3Cscript%3E',
        '/api/v0002/clientconnectionstates/..x',
      ],
    );
    rest.dispose();
  });

  it('refuses ids that cannot name a client without calling, with a clear message', async () => {
    server = await startFaultServer((_req, res) => json(res, 200, {}));
    const rest = faultClient(server.apiUrl);
    for (const id of ['', '.', '..', 'x'.repeat(65536)]) {
      const error = await failure(rest.getClientState(id));
      assert.ok(error instanceof PlatformError && error.kind === 'badRequest');
      assert.ok(error.message.length < 300, 'the message stays short');
    }
    const rtl = await failure(rest.getClientState('\u202eevil\u0000'.repeat(9000)));
    assert.ok(rtl instanceof PlatformError && !rtl.message.includes('\u202e') && !rtl.message.includes('\u0000'));
    assert.equal(server.requests.length, 0);
    rest.dispose();
  });

  it('checks the log limits before calling, and sends fromTime/toTime together', async () => {
    server = await startFaultServer((_req, res) => json(res, 200, []));
    const rest = faultClient(server.apiUrl);
    for (const bad of [
      { limit: 21 },
      { limit: 0 },
      { offset: 1001 },
      { offset: -1 },
      { fromTime: '2020-01-01T00:00:00Z' },
      { fromTime: 'yesterday', toTime: 'today' },
    ]) {
      const error = await failure(rest.getConnectionLog({ typeId: 't', deviceId: 'd', ...bad }));
      assert.ok(error instanceof PlatformError && error.kind === 'badRequest', JSON.stringify(bad));
    }
    assert.equal(server.requests.length, 0);
    await rest.getConnectionLog({
      typeId: 't',
      deviceId: 'd',
      limit: 5,
      offset: 1000,
      fromTime: 0,
      toTime: '2020-01-01T00:00:00Z',
    });
    const params = Object.fromEntries(new URL(server.requests[0].url, 'http://x').searchParams);
    assert.deepEqual(params, {
      typeId: 't',
      deviceId: 'd',
      limit: '5',
      offset: '1000',
      fromTime: '1970-01-01T00:00:00.000Z',
      toTime: '2020-01-01T00:00:00Z',
    });
    rest.dispose();
  });

  it('keeps bad log entries, flagged, instead of throwing', async () => {
    const huge = 'x'.repeat(1024 * 1024);
    server = await startFaultServer((_req, res) =>
      json(res, 200, [
        {
          message: "Token auth succeeded: ClientID='d:o:t:d', ClientIP=10.0.0.1",
          timestamp: '2020-01-01T00:00:00.000Z',
        },
        { message: 'no time' },
        { message: 'bad time', timestamp: '31/12/2019' },
        { message: huge, timestamp: '2020-01-01T00:00:00Z' },
        42,
        { timestamp: '2020-01-01T00:00:00Z' },
      ]),
    );
    const rest = faultClient(server.apiUrl);
    const page = await rest.getConnectionLog({ typeId: 't', deviceId: 'd' });
    assert.equal(page.entries.length, 6);
    assert.equal(page.flagged, 5);
    assert.equal(page.entries[0].time, Date.UTC(2020, 0, 1));
    assert.equal(page.entries[0].problems, undefined);
    assert.deepEqual(page.entries[1].problems, [{ kind: 'noTimestamp' }]);
    assert.deepEqual(page.entries[2].problems, [{ kind: 'badTimestamp', timestamp: '31/12/2019' }]);
    assert.equal(page.entries[3].message.length, MAX_LOG_MESSAGE);
    assert.deepEqual(page.entries[3].problems, [{ kind: 'messageCut', length: huge.length }]);
    assert.deepEqual(page.entries[4].problems, [{ kind: 'notObject' }]);
    assert.deepEqual(page.entries[5].problems, [{ kind: 'noMessage' }]);
    rest.dispose();
  });

  it('streams older log pages until a short page', async () => {
    server = await startFaultServer((req, res) => {
      const offset = Number(new URL(req.url ?? '', 'http://x').searchParams.get('offset'));
      const count = Math.max(0, Math.min(20, 45 - offset));
      json(
        res,
        200,
        Array.from({ length: count }, (_, i) => ({
          message: `entry ${offset + i}`,
          timestamp: new Date(1e12 - (offset + i) * 1000).toISOString(),
        })),
      );
    });
    const rest = faultClient(server.apiUrl, { callsPerSecond: 100 });
    const pages = [];
    for await (const page of rest.streamConnectionLog({ typeId: 't', deviceId: 'd' })) pages.push(page);
    assert.deepEqual(
      pages.map((p) => [p.offset, p.entries.length]),
      [
        [0, 20],
        [20, 20],
        [40, 5],
      ],
    );
    rest.dispose();
  });

  it('never lets the token into an error, its properties, or a log line — even when the server echoes it', async () => {
    server = await startFaultServer((req, res) =>
      json(res, 401, {
        message: `CUDSEC0401E: bad credentials ${req.headers.authorization} (${TEST_TOKEN})`,
        exception: { id: 'CUDSEC0401E', properties: [] },
        violations: [{ message: `token ${TEST_TOKEN}` }],
      }),
    );
    const log = captureLog();
    const rest = faultClient(server.apiUrl, { log });
    const error = await failure(rest.listClientStates());
    assert.ok(error instanceof PlatformError && error.kind === 'unauthorized');
    const basic = Buffer.from(`${TEST_KEY}:${TEST_TOKEN}`).toString('base64');
    const seen = [
      error.message,
      error.stack ?? '',
      JSON.stringify(error),
      inspect(error, { depth: Infinity, showHidden: true }),
      ...log.lines,
    ].join('\n');
    assert.ok(log.lines.length > 0, 'the call was logged');
    assert.ok(!seen.includes(TEST_TOKEN), 'the token leaked');
    assert.ok(!seen.includes(basic), 'the Basic credential leaked');
    assert.match(error.message, /bad credentials Basic \*\*\* \(\*\*\*\)/);
    rest.dispose();
  });

  it('creates a device and returns its token, leaving it out of the record', async () => {
    server = await startFaultServer((_req, res, _i, body) =>
      json(res, 201, {
        ...JSON.parse(body),
        typeId: 'sensor',
        authToken: 'dev-token-1',
        clientId: 'd:tstorg:sensor:s-01',
      }),
    );
    const rest = faultClient(server.apiUrl);
    const device = await rest.createDevice('sensor', { deviceId: 's-01' });
    assert.equal(device.authToken, 'dev-token-1');
    assert.equal(device.clientId, 'd:tstorg:sensor:s-01');
    assert.ok(!('authToken' in device.raw));
    assert.equal(server.requests[0].url, '/api/v0002/device/types/sensor/devices');
    rest.dispose();
  });
});
