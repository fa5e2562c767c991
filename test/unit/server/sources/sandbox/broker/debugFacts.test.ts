// What the sandbox's own broker tells for debugging (platform-contract.md §8): the keep-alive and
// the client's source port in monitor messages and state records, and holds that end with the
// sandbox without a timer left behind.

import * as assert from 'node:assert/strict';
import { createHook } from 'node:async_hooks';
import { parseMonitorPayload } from '../../../../../../src/core/monitor';
import { connected } from '../../../../../support/mqtt';
import { RawMqtt } from '../../../../../support/rawMqtt';
import { startTestSandbox, watchAllMonitors, type TestSandbox } from '../../../../../support/sandbox';
import { waitFor } from '../../../../../support/waitFor';

describe('sandbox broker: keep-alive and client port for debugging (platform-contract.md §8)', () => {
  let t: TestSandbox;
  before(async () => {
    t = await startTestSandbox();
  });
  after(() => t.close());

  it('puts KeepAlive and ClientPort in Connect and Disconnect, and in the state record', async () => {
    const live = await watchAllMonitors(t, 'debug-facts');
    const d = t.registerDevice('boiler', 'b-1');
    const client = await connected(t.device(d, { keepalive: 7 }));
    const { localPort, localAddress } = client.stream as unknown as { localPort: number; localAddress: string };
    const local = { localPort, localAddress };
    const connect = (await live.monitor(d.clientId, 'Connect')).json();
    assert.equal(connect.KeepAlive, 7);
    assert.equal(connect.ClientPort, local.localPort);
    assert.equal(connect.ClientAddr, local.localAddress);
    const state = await waitFor('the state record', () => t.store.getState(d.clientId));
    assert.equal(state.keepAliveSeconds, 7);
    assert.equal(state.clientPort, local.localPort);
    assert.equal(state.clientAddr, '127.0.0.1');
    await client.endAsync();
    const disconnect = (await live.monitor(d.clientId, 'Disconnect')).json();
    assert.equal(disconnect.ClientPort, local.localPort);
    assert.equal(disconnect.KeepAlive, 7);
  });

  it('gives a new connection its own port and keep-alive, not the last one', async () => {
    const d = t.registerDevice('boiler', 'b-2');
    const first = await connected(t.device(d, { keepalive: 9 }));
    await first.endAsync();
    const second = await connected(t.device(d, { keepalive: 0 }));
    const port = (second.stream as unknown as { localPort: number }).localPort;
    const state = await waitFor('the second connection in the state', () => {
      const s = t.store.getState(d.clientId);
      return s?.connectionStatus === 'connected' && s.clientPort === port ? s : undefined;
    });
    assert.equal(state.keepAliveSeconds, 0);
  });

  it('reads KeepAlive and ClientPort from a payload only when they are numbers', () => {
    const ok = parseMonitorPayload('{"Action":"Connect","KeepAlive":30,"ClientPort":50123}');
    assert.ok(ok.ok);
    assert.deepEqual([ok.message.KeepAlive, ok.message.ClientPort], [30, 50123]);
    const bad = parseMonitorPayload('{"Action":"Connect","KeepAlive":"30","ClientPort":null}');
    assert.ok(bad.ok);
    assert.deepEqual([bad.message.KeepAlive, bad.message.ClientPort], [undefined, undefined]);
  });
});

describe('sandbox broker: a hold when the sandbox stops', () => {
  it('closes the held client with 93, says nothing of the hold, and leaves no timer of it running', async () => {
    const t = await startTestSandbox();
    const d = t.registerDevice('boiler', 'held');
    const raw = await RawMqtt.open(Number(new URL(t.ready.mqttUrl).port));
    raw.connect({ clientId: d.clientId, username: 'use-token-auth', password: d.token, keepalive: 1 });
    await raw.next('connack');
    await waitFor('the client to be live', () => t.sandbox.store.getState(d.clientId));
    // Every timer made from here on (the hold's among them) must be gone once the sandbox has closed.
    const timers = new Set<number>();
    const hook = createHook({
      init: (id, type) => void (type === 'Timeout' && timers.add(id)),
      destroy: (id) => void timers.delete(id),
    }).enable();
    try {
      const auth = `Basic ${Buffer.from(`${t.ready.apiKey}:${t.ready.apiToken}`).toString('base64')}`;
      const res = await fetch(`${t.ready.apiUrl}/sandbox/clients/${encodeURIComponent(d.clientId)}/hold`, {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/json', connection: 'close' },
        body: '{"seconds":600}',
      });
      assert.equal(res.status, 200);
      await res.text();
      const store = t.store;
      const logged = () => store.listLog('boiler', 'held').map((e) => e.message);
      await waitFor('the hold in the log', () => logged().includes('Keep-alive held for 600 s'));
      await t.close();
      await raw.closed;
      assert.equal(store.getState(d.clientId)?.closeCode, 93);
      assert.ok(!logged().includes('Keep-alive hold released'), logged().join(' | '));
      const left = [...timers];
      await waitFor('the timers to be gone', () => left.every((id) => !timers.has(id)), { timeoutMs: 8_000 });
    } finally {
      hook.disable();
    }
  });
});
