// Retries against a real HTTP server on loopback: 5xx and resets on idempotent calls, never 4xx,
// never a POST on 5xx, 429 after its Retry-After (seconds or HTTP date), bounded.

import * as assert from 'node:assert/strict';
import { PlatformError } from '../../../../src/platform';
import { captureLog, faultClient, failure } from '../support/clients';
import { until } from '../support/wait';
import { apiError, json, startFaultServer, type FaultServer } from '../support/faultServer';

const config = { enabled: true };

describe('platform REST client: retries', () => {
  let server: FaultServer | undefined;
  afterEach(async () => server?.close());

  it('retries a GET after 5xx and succeeds', async () => {
    server = await startFaultServer((_req, res, i) =>
      i < 2 ? json(res, 503, apiError('CUDCS0500E', 'busy')) : json(res, 200, config),
    );
    const rest = faultClient(server.apiUrl);
    assert.deepEqual(await rest.getClientStateConfig(), config);
    assert.equal(server.requests.length, 3);
    rest.dispose();
  });

  it('gives up after maxRetries with kind server and the API message', async () => {
    server = await startFaultServer((_req, res) => json(res, 500, apiError('CUDCS0500E', 'Unexpected failure.')));
    const rest = faultClient(server.apiUrl, { maxRetries: 2 });
    const error = await failure(rest.getClientStateConfig());
    assert.ok(error instanceof PlatformError);
    assert.equal(error.kind, 'server');
    assert.equal(error.status, 500);
    assert.equal(error.apiId, 'CUDCS0500E');
    assert.match(error.message, /internal error \(HTTP 500\): CUDCS0500E: Unexpected failure\. Try again later\./);
    assert.equal(server.requests.length, 3);
    rest.dispose();
  });

  it('never retries a 4xx, and reports the violations', async () => {
    server = await startFaultServer((_req, res) =>
      json(
        res,
        400,
        apiError('CUDCS0400E', 'Invalid request.', ['connectionStatus: maybe is not connected or disconnected']),
      ),
    );
    const rest = faultClient(server.apiUrl);
    const error = await failure(rest.listClientStates({ query: { connectionStatus: 'connected' } }));
    assert.ok(error instanceof PlatformError);
    assert.equal(error.kind, 'badRequest');
    assert.deepEqual(error.violations, ['connectionStatus: maybe is not connected or disconnected']);
    assert.match(error.message, /maybe is not connected or disconnected/);
    assert.equal(server.requests.length, 1);
    rest.dispose();
  });

  it('does not retry a POST after 5xx (it may have been done)', async () => {
    server = await startFaultServer((_req, res) => json(res, 502, {}));
    const rest = faultClient(server.apiUrl);
    const error = await failure(rest.createDeviceType('sensor'));
    assert.ok(error instanceof PlatformError && error.kind === 'server');
    assert.equal(server.requests.length, 1);
    rest.dispose();
  });

  it('retries a PUT of the config after 5xx (idempotent)', async () => {
    server = await startFaultServer((_req, res, i) =>
      i === 0 ? json(res, 500, {}) : json(res, 200, { enabled: false }),
    );
    const rest = faultClient(server.apiUrl);
    assert.deepEqual(await rest.setClientStateConfig(false), { enabled: false });
    assert.equal(server.requests.length, 2);
    assert.deepEqual(JSON.parse(server.requests[1].body), { enabled: false });
    rest.dispose();
  });

  it('retries a GET whose connection was reset', async () => {
    server = await startFaultServer((req, res, i) => (i === 0 ? req.socket.destroy() : json(res, 200, config)));
    const rest = faultClient(server.apiUrl);
    assert.deepEqual(await rest.getClientStateConfig(), config);
    assert.equal(server.requests.length, 2);
    rest.dispose();
  });

  it('waits for Retry-After in seconds after a 429, then succeeds', async () => {
    server = await startFaultServer((_req, res, i) =>
      i === 0
        ? json(res, 429, apiError('CUDCS0429E', 'Too many calls.'), { 'retry-after': '1' })
        : json(res, 200, config),
    );
    const rest = faultClient(server.apiUrl);
    assert.deepEqual(await rest.getClientStateConfig(), config);
    assert.equal(server.requests.length, 2);
    assert.ok(
      server.requests[1].at - server.requests[0].at >= 990,
      `retried after ${server.requests[1].at - server.requests[0].at} ms`,
    );
    rest.dispose();
  });

  it('reads Retry-After as an HTTP date, and retries a 429 even for a POST', async () => {
    server = await startFaultServer((_req, res, i) => {
      if (i === 0) json(res, 429, {}, { 'retry-after': new Date(Date.now() + 2000).toUTCString() });
      else json(res, 201, { id: 'sensor' });
    });
    const rest = faultClient(server.apiUrl);
    assert.deepEqual(await rest.createDeviceType('sensor'), { id: 'sensor' });
    assert.equal(server.requests.length, 2);
    // An HTTP date has whole seconds: at least one second of waiting.
    assert.ok(server.requests[1].at - server.requests[0].at >= 990);
    rest.dispose();
  });

  it('fails at once as rateLimited when Retry-After is longer than it waits', async () => {
    server = await startFaultServer((_req, res) => json(res, 429, {}, { 'retry-after': '3600' }));
    const rest = faultClient(server.apiUrl);
    const error = await failure(rest.getClientStateConfig());
    assert.ok(error instanceof PlatformError);
    assert.equal(error.kind, 'rateLimited');
    assert.equal(error.retryAfterMs, 3_600_000);
    assert.match(error.message, /try again in 3600 s/);
    assert.equal(server.requests.length, 1);
    rest.dispose();
  });

  it('a 429 holds back the other calls of the same client too', async () => {
    server = await startFaultServer((req, res, i) => {
      if (i === 0) json(res, 429, {}, { 'retry-after': '1' });
      else json(res, 200, req.url?.includes('clientstate') ? config : []);
    });
    const log = captureLog();
    const rest = faultClient(server.apiUrl, { log });
    const first = rest.getClientStateConfig();
    // Once the client has read the 429 (it logs the retry), a new call must wait as well.
    await until(() => log.lines.some((l) => /429; retry 1/.test(l)));
    const second = rest.getConnectionLog({ typeId: 't', deviceId: 'd' });
    await Promise.all([first, second]);
    assert.equal(server.requests.length, 3);
    for (const later of server.requests.slice(1)) {
      assert.ok(
        later.at - server.requests[0].at >= 990,
        `a call went ${later.at - server.requests[0].at} ms after the 429`,
      );
    }
    rest.dispose();
  });
});
