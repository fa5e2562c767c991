import * as assert from 'node:assert/strict';
import type { SourceInfoWire } from '../../../../../src/core/source';
import { BrokerCallError } from '../../../../../src/server/http/context';
import { connected } from '../../../../support/mqtt';
import { startTestSandbox, type TestSandbox } from '../../../../support/sandbox';
import { waitFor } from '../../../../support/waitFor';
import { restCall } from '../../process';
import { startFixture } from '../fixture';

describe('REST: config/source and the admin call per source (platform-contract.md §7.2)', () => {
  let t: TestSandbox;
  before(async () => (t = await startTestSandbox()));
  after(() => t.close());

  const source = async () => (await restCall(t.ready, '/config/source')).body as SourceInfoWire;

  it('tells the sandbox as its own broker: kind, URL, since when, and its count of connected clients', async () => {
    const before = Date.now();
    const first = await source();
    assert.equal(first.kind, 'sandbox');
    assert.equal(first.broker, t.ready.mqttUrl);
    assert.ok(Date.parse(first.observingSince) <= before);
    assert.deepEqual(first.nodes, []);
    assert.deepEqual(first.capabilities, { listsConnected: true, history: 'platform', holdKeepAlive: true });
    assert.equal(first.sourceStatus, 'connected');
    assert.deepEqual(first.diagnostics, []);
    const count = first.connectedCount ?? -1;
    const device = await connected(t.device(t.registerDevice('sensor', 'src-1')));
    await waitFor('the count to grow', async () => (await source()).connectedCount === count + 1);
    await device.endAsync();
    await waitFor('the count to shrink', async () => (await source()).connectedCount === count);
  });

  it('answers 501 to the admin call where the observed broker has none, 502 when its API fails', async () => {
    const info: SourceInfoWire = { ...(await source()), kind: 'mosquitto' };
    const none = await startFixture({ admin: {}, source: () => info });
    try {
      const r = await none.call<{ message: string }>(`/sandbox/clients/${encodeURIComponent('a/b')}/disconnect`, {
        method: 'POST',
      });
      assert.equal(r.status, 501);
      assert.match(r.body.message, /mosquitto offers no call/);
    } finally {
      await none.close();
    }
    const failing = await startFixture({
      admin: { disconnectClient: () => Promise.reject(new BrokerCallError('management API answered 503')) },
      source: () => ({ ...info, kind: 'rabbitmq' }),
    });
    try {
      const r = await failing.call<{ message: string }>('/sandbox/clients/x/disconnect', { method: 'POST' });
      assert.equal(r.status, 502);
      assert.match(r.body.message, /503/);
    } finally {
      await failing.close();
    }
  });
});
