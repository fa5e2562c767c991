// Every paging loop ends, whatever the platform answers: against a real HTTP server on loopback
// that keeps sending new bookmarks (or full pages, slowly), each loop stops after its page or
// time budget with a PlatformError that says so, and at once when the caller's signal fires.

import * as assert from 'node:assert/strict';
import { PlatformError } from '../../../../src/platform';
import { faultClient, failure } from '../support/clients';
import { json, startFaultServer, type FaultServer } from '../support/faultServer';

/** Settles with the call, or fails once the server has served `pages` pages: the loop would not end. */
async function endsWithin<T>(server: FaultServer, pages: number, call: Promise<T>): Promise<T> {
  const stillPaging = server.waitForRequests(pages + 1, 30_000).then(() => {
    throw new Error(`still paging after ${pages} pages`);
  });
  return Promise.race([call, stillPaging]);
}

async function failureOf(call: Promise<unknown>): Promise<PlatformError> {
  const error = await failure(call);
  assert.ok(error instanceof PlatformError, `not a PlatformError: ${String(error)}`);
  return error;
}

async function drain(pages: AsyncGenerator<unknown>): Promise<number> {
  let n = 0;
  for await (const _ of pages) n++;
  return n;
}

describe('platform REST client: paging loops are bounded and cancellable', () => {
  let server: FaultServer | undefined;
  afterEach(async () => server?.close());

  /** A platform whose every page has a record and a bookmark never seen before. */
  const endless = () =>
    startFaultServer((req, res, i) => {
      if (req.url?.includes('/logs/')) {
        return json(
          res,
          200,
          Array.from({ length: 20 }, () => ({ message: 'x', timestamp: '2024-01-01T00:00:00.000Z' })),
        );
      }
      json(res, 200, { results: [{ id: `d:o:t:x${i}`, connectionStatus: 'connected' }], bookmark: `b${i}` });
    });

  it('listDeviceTypes stops after its page budget against a platform that always sends a new bookmark', async () => {
    server = await endless();
    const rest = faultClient(server.apiUrl, { callsPerSecond: 1000, pageBudget: { maxPages: 30 } });
    const error = await failureOf(endsWithin(server, 60, rest.listDeviceTypes()));
    assert.equal(error.kind, 'malformed');
    assert.match(error.message, /kept sending pages of device types: stopped after 30 pages/);
    assert.equal(server.requests.length, 30);
    rest.dispose();
  });

  it('allClientStates stops likewise', async () => {
    server = await endless();
    const rest = faultClient(server.apiUrl, { callsPerSecond: 1000, pageBudget: { maxPages: 30 } });
    const error = await failureOf(endsWithin(server, 60, drain(rest.allClientStates())));
    assert.match(error.message, /kept sending pages of client states/);
    rest.dispose();
  });

  it('streamConnectionLog stops when its time budget is spent, even inside a slow page', async () => {
    server = await startFaultServer((_req, res) =>
      setTimeout(
        () =>
          json(
            res,
            200,
            Array.from({ length: 20 }, () => ({ message: 'x', timestamp: '2024-01-01T00:00:00Z' })),
          ),
        150,
      ),
    );
    const rest = faultClient(server.apiUrl, { callsPerSecond: 1000, pageBudget: { maxMs: 400 } });
    const started = Date.now();
    const error = await failureOf(drain(rest.streamConnectionLog({ typeId: 't', deviceId: 'd' })));
    assert.equal(error.kind, 'timeout');
    assert.match(error.message, /took more than 400 ms for \d+ pages of the connection log of "d"/);
    assert.ok(Date.now() - started < 2000, `${Date.now() - started} ms`);
    rest.dispose();
  });

  it('each stops at once when the caller aborts, between pages and within one', async () => {
    let held = 0;
    server = await startFaultServer((_req, res, i) => {
      if (i >= 3) return void held++; // never answers: the page is in flight when the caller gives up
      json(res, 200, { results: [{ id: `t${i}` }], bookmark: `b${i}` });
    });
    const rest = faultClient(server.apiUrl, { callsPerSecond: 1000 });
    const controller = new AbortController();
    const call = rest.listDeviceTypes(controller.signal);
    await server.waitForRequests(4);
    controller.abort();
    assert.equal((await failureOf(call)).kind, 'cancelled');
    assert.equal(held, 1);
    const again = new AbortController();
    again.abort();
    assert.equal((await failureOf(drain(rest.allClientStates({}, again.signal)))).kind, 'cancelled');
    assert.equal(server.requests.length, 4, 'nothing is asked once cancelled');
    rest.dispose();
  });
});
