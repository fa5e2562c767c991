// Pacing, counted where it matters: at the server. However the calls are issued, no one-second
// window at the server may see more than the platform's 10 calls.

import * as assert from 'node:assert/strict';
import { faultClient } from './support/clients';
import { json, startFaultServer, type FaultServer } from './support/faultServer';

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

describe('platform REST client: pacing', function () {
  this.timeout(20000);
  let server: FaultServer | undefined;
  afterEach(async () => server?.close());

  it('keeps 25 concurrent calls within 10 per second at the server', async () => {
    server = await startFaultServer((_req, res) => json(res, 200, { enabled: true }));
    const rest = faultClient(server.apiUrl);
    await Promise.all(Array.from({ length: 25 }, () => rest.getClientStateConfig()));
    const times = server.requests.map((r) => r.at);
    assert.equal(times.length, 25);
    assert.ok(busiestWindow(times, 1000) <= 10, `${busiestWindow(times, 1000)} calls in one second`);
    // The first 10 go at once: the pacing does not slow a burst that is within the rate.
    assert.equal(busiestWindow(times.slice(0, 10), 200), 10);
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
    server = await startFaultServer((_req, res) => json(res, 200, { enabled: true }));
    const a = faultClient(server.apiUrl, { callsPerSecond: 3 });
    const b = faultClient(server.apiUrl, { callsPerSecond: 3 });
    await Promise.all([a, b].flatMap((rest) => Array.from({ length: 3 }, () => rest.getClientStateConfig())));
    assert.equal(busiestWindow(server.requests.map((r) => r.at), 300), 6);
    a.dispose();
    b.dispose();
  });
});
