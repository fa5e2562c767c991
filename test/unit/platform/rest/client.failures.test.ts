// Failures other than retries, against a real HTTP server on loopback: answers that are not JSON
// or not the expected shape, timeouts, cancellation, refused connections, redirects, and the 403
// that means "state API switched off".

import * as assert from 'node:assert/strict';
import { PlatformError } from '../../../../src/platform';
import { faultClient, failure } from '../support/clients';
import { apiError, json, startFaultServer, type FaultServer } from '../support/faultServer';
import { until } from '../support/wait';
import { COMMAND_LINK, hasLinkedText } from '../../core/links';

describe('platform REST client: failures', () => {
  let server: FaultServer | undefined;
  afterEach(async () => server?.close());

  async function failureOf(call: Promise<unknown>): Promise<PlatformError> {
    const error = await failure(call);
    assert.ok(error instanceof PlatformError, `not a PlatformError: ${String(error)}`);
    return error;
  }

  it('makes a hostile error body plain text: message, violations and Location hold no link, bounded', async () => {
    const huge = `${COMMAND_LINK}\u202E${'x'.repeat(100_000)}`;
    server = await startFaultServer((req, res) => {
      if (req.url?.includes('clientstate')) {
        res.writeHead(302, { location: COMMAND_LINK });
        return void res.end();
      }
      json(
        res,
        400,
        apiError(
          'CUDCS0400E',
          huge,
          Array.from({ length: 50 }, () => COMMAND_LINK),
        ),
      );
    });
    const rest = faultClient(server.apiUrl);
    const bad = await failureOf(rest.listClientStates());
    const moved = await failureOf(rest.getClientStateConfig());
    for (const text of [bad.message, bad.apiMessage ?? '', ...bad.violations, moved.message]) {
      assert.ok(!hasLinkedText(text), text.slice(0, 300));
      assert.ok(text.length <= 2000, `${text.length} characters`);
      assert.doesNotMatch(text, /\u202E/);
    }
    assert.ok(bad.violations.length <= 10, `${bad.violations.length} violations kept`);
    rest.dispose();
  });

  it('reports an HTML answer as malformed, naming the API URL to check', async () => {
    server = await startFaultServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body>Welcome to nginx</body></html>');
    });
    const rest = faultClient(server.apiUrl);
    const error = await failureOf(rest.listClientStates());
    assert.equal(error.kind, 'malformed');
    assert.match(error.message, /not JSON \("<html><body>Welcome/);
    assert.ok(error.message.includes(server.apiUrl));
    rest.dispose();
  });

  it('reports truncated JSON and JSON of the wrong shape as malformed', async () => {
    server = await startFaultServer((req, res) => {
      if (req.url?.includes('clientstate')) json(res, 200, { enabled: 'yes' });
      else if (req.url?.includes('logs')) json(res, 200, { entries: [] });
      else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"results": [{"id": "d:o:t:x"');
      }
    });
    const rest = faultClient(server.apiUrl);
    assert.equal((await failureOf(rest.listClientStates())).kind, 'malformed');
    assert.equal((await failureOf(rest.getClientStateConfig())).kind, 'malformed');
    assert.equal((await failureOf(rest.getConnectionLog({ typeId: 't', deviceId: 'd' }))).kind, 'malformed');
    rest.dispose();
  });

  it('keeps readable records and counts the unreadable ones', async () => {
    server = await startFaultServer((_req, res) =>
      json(res, 200, {
        results: [
          { id: 'd:o:t:a', connectionStatus: 'connected' },
          null,
          'text',
          { connectionStatus: 'connected' },
          { id: 'd:o:t:b', connectionStatus: 'weird' },
        ],
        bookmark: '',
        meta: { total_rows: 'many' },
      }),
    );
    const rest = faultClient(server.apiUrl);
    const page = await rest.listClientStates();
    assert.deepEqual(
      page.records.map((r) => [r.id, r.status]),
      [
        ['d:o:t:a', 'connected'],
        ['d:o:t:b', 'unknown'],
      ],
    );
    assert.equal(page.skipped, 3);
    assert.equal(page.bookmark, undefined);
    assert.equal(page.totalRows, undefined);
    rest.dispose();
  });

  it('times out when the server never answers', async () => {
    server = await startFaultServer(() => {
      /* never answers */
    });
    const rest = faultClient(server.apiUrl, { timeoutMs: 300 });
    const error = await failureOf(rest.getClientStateConfig());
    assert.equal(error.kind, 'timeout');
    assert.match(error.message, /did not answer within 0.3 s/);
    assert.equal(server.requests.length, 1, 'a timeout is not retried');
    rest.dispose();
  });

  it('cancels a call mid-request: the caller gets cancelled and the server sees the socket close', async () => {
    let closed = false;
    server = await startFaultServer((req) => req.socket.on('close', () => (closed = true)));
    const rest = faultClient(server.apiUrl);
    const controller = new AbortController();
    const call = rest.getClientStateConfig(controller.signal);
    await server.waitForRequests(1);
    controller.abort();
    const error = await failureOf(call);
    assert.equal(error.kind, 'cancelled');
    await until(() => closed, 2000, 'the server to see the connection close');
    rest.dispose();
  });

  it('cancels a call still waiting for its pacing slot without sending it', async () => {
    server = await startFaultServer((_req, res) => json(res, 200, { enabled: true }));
    const rest = faultClient(server.apiUrl, { callsPerSecond: 1 });
    await rest.getClientStateConfig();
    const controller = new AbortController();
    const waiting = rest.getClientStateConfig(controller.signal);
    controller.abort();
    assert.equal((await failureOf(waiting)).kind, 'cancelled');
    assert.equal(server.requests.length, 1);
    rest.dispose();
  });

  it('says the connection was refused when nothing listens', async () => {
    server = await startFaultServer(() => {});
    const url = server.apiUrl;
    await server.close();
    server = undefined;
    const rest = faultClient(url, { maxRetries: 1 });
    const error = await failureOf(rest.verify());
    assert.equal(error.kind, 'network');
    assert.equal(error.code, 'ECONNREFUSED');
    assert.match(error.message, /Cannot reach 127\.0\.0\.1:\d+: the connection was refused/);
    rest.dispose();
  });

  it('does not follow a redirect (the credentials would go along) and says where it pointed', async () => {
    const other = await startFaultServer((_req, res) => json(res, 200, { enabled: true }));
    server = await startFaultServer((_req, res) => {
      res.writeHead(302, { location: `${other.apiUrl}/config/clientstate` });
      res.end();
    });
    const rest = faultClient(server.apiUrl);
    const error = await failureOf(rest.getClientStateConfig());
    assert.equal(error.kind, 'malformed');
    assert.match(error.message, /redirects the call \(HTTP 302\) to http:\/\/127\.0\.0\.1/);
    assert.equal(other.requests.length, 0);
    await other.close();
    rest.dispose();
  });

  it('explains a 403 from the state API as featureDisabled when the switch is off, else forbidden', async () => {
    let enabled = false;
    server = await startFaultServer((req, res) => {
      if (req.url?.includes('/config/clientstate')) json(res, 200, { enabled });
      else json(res, 403, apiError('CUDCS0403E', 'Forbidden.'));
    });
    const rest = faultClient(server.apiUrl);
    const off = await failureOf(rest.listClientStates());
    assert.equal(off.kind, 'featureDisabled');
    assert.equal(off.status, 403);
    assert.match(off.message, /switched off/);
    assert.equal((await failureOf(rest.getClientState('d:o:t:x'))).kind, 'featureDisabled');
    enabled = true;
    const on = await failureOf(rest.listClientStates());
    assert.equal(on.kind, 'forbidden');
    assert.match(on.message, /HTTP 403\): CUDCS0403E: Forbidden\. Check/);
    rest.dispose();
  });

  it('tells verify() failures apart: 401, 403, and a server that is not a platform API', async () => {
    let mode = 401;
    server = await startFaultServer((_req, res) => {
      if (mode === 404) {
        res.writeHead(404, { 'content-type': 'text/html' });
        res.end('<h1>Not Found</h1>');
      } else json(res, mode, apiError(`CUDSEC${mode}E`, 'Credentials.'));
    });
    const rest = faultClient(server.apiUrl);
    assert.equal((await failureOf(rest.verify())).kind, 'unauthorized');
    mode = 403;
    assert.equal((await failureOf(rest.verify())).kind, 'forbidden');
    mode = 404;
    const notApi = await failureOf(rest.verify());
    assert.equal(notApi.kind, 'malformed');
    assert.match(
      notApi.message,
      /does not answer like a platform API at .* \(HTTP 404 for config\/clientstate\): check the API URL/,
    );
    rest.dispose();
  });
});
