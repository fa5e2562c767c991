// Pacing, counted where it matters: at the server. However the calls are issued, no one-second
// window at the server may see more than the platform's 10 calls. The client frees a call's slot
// only a window after its answer, which the server sent after it counted the call: so these
// counts hold however long the machine stalls, and the servers here hold their answers to see
// which calls were in flight together.

import * as assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { faultClient } from '../support/clients';
import { json, startFaultServer, type FaultServer } from '../support/faultServer';

/** The most arrivals inside any window of `windowMs` (sliding, anchored at each arrival). */
function busiestWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[j] <= sorted[i] - windowMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

/** A server that answers nothing until `batch` calls (or the `total`-th) wait, then answers them all. */
async function batchingServer(
  batch: number,
  total: number,
  body: unknown = { enabled: true },
): Promise<FaultServer & { batches: number[] }> {
  const waiting: ServerResponse[] = [];
  const batches: number[] = [];
  const server = await startFaultServer((_req, res) => {
    waiting.push(res);
    if (waiting.length < batch && server.requests.length < total) return;
    batches.push(waiting.length);
    for (const r of waiting.splice(0)) json(r, 200, body);
  });
  return Object.assign(server, { batches });
}

describe('platform REST client: pacing', function () {
  let server: FaultServer | undefined;
  afterEach(async () => server?.close());

  it('sends 10 of 25 concurrent calls at once, and never more than 10 in a second at the server', async () => {
    const batching = await batchingServer(10, 25);
    server = batching;
    // Answers are held until a batch is complete: room for a slow machine before an attempt times out.
    const rest = faultClient(server.apiUrl, { timeoutMs: 15_000 });
    const calls = Promise.all(Array.from({ length: 25 }, () => rest.getClientStateConfig()));
    // Were the first 10 not sent together, the server would never answer: fail clearly instead.
    await server.waitForRequests(10, 10_000);
    await calls;
    assert.deepEqual(batching.batches, [10, 10, 5]);
    const times = server.requests.map((r) => r.at);
    assert.ok(busiestWindow(times, 1000) <= 10, `${busiestWindow(times, 1000)} calls in one second`);
    rest.dispose();
  });

  it('shares the pace between different kinds of calls of one client', async () => {
    server = await startFaultServer((req, res) => json(res, 200, req.url?.includes('logs') ? [] : { enabled: true }));
    const rest = faultClient(server.apiUrl, { callsPerSecond: 4 });
    await Promise.all([
      ...Array.from({ length: 5 }, () => rest.getClientStateConfig()),
      ...Array.from({ length: 5 }, () => rest.getConnectionLog({ typeId: 't', deviceId: 'd' })),
    ]);
    const times = server.requests.map((r) => r.at);
    assert.ok(busiestWindow(times, 1000) <= 4, `${busiestWindow(times, 1000)} calls in one second`);
    rest.dispose();
  });

  it('paces the clients of two platforms apart', async () => {
    // 6 calls in flight together are possible only if neither client waits for the other's slots.
    server = await batchingServer(6, 6);
    const a = faultClient(server.apiUrl, { callsPerSecond: 3, timeoutMs: 15_000 });
    const b = faultClient(server.apiUrl, { callsPerSecond: 3, timeoutMs: 15_000 });
    const calls = Promise.all([a, b].flatMap((rest) => Array.from({ length: 3 }, () => rest.getClientStateConfig())));
    await server.waitForRequests(6, 10_000);
    await calls;
    a.dispose();
    b.dispose();
  });
});
