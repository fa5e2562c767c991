// Bad input and failures around the watcher: unreadable monitor payloads, a refused subscription,
// wrong credentials, a certificate it does not trust, the state API failing during
// reconciliation. Each time it logs, shows its own state honestly, keeps watching the rest, and
// throws nothing.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { deviceMonitorTopic } from '../../../../src/core/ids';
import { problemWords, tooltipMarkdown } from '../../../../src/features/watcher/tooltip';
import { connected } from '../../../support/mqtt';
import { startTestSandbox, type TestSandbox } from '../../../support/sandbox';
import { waitFor } from '../../../support/waitFor';
import { faultClient } from '../../platform/support/clients';
import { startFaultBroker, type FaultBroker } from '../../platform/support/faultBroker';
import { json, startFaultServer, type FaultServer } from '../../platform/support/faultServer';
import { startProxy, type TcpProxy } from '../../platform/support/proxy';
import { testCerts } from '../../platform/support/certs';
import { ObservedWatcher } from './support';

const ORG = 'faults';
const fake = (url: string) => ({
  mqttUrl: url,
  org: ORG,
  apiKey: 'a-faults-abcdefghij',
  apiToken: 'tok-secret-1',
  apiUrl: 'http://127.0.0.1:9/api/v0002',
});
const id = (d: string) => `d:${ORG}:t:${d}`;

describe('features/watcher: bad input and failures', function () {
  this.timeout(30000);
  let broker: FaultBroker | undefined;
  let w: ObservedWatcher | undefined;
  afterEach(async () => {
    await w?.dispose();
    w = undefined;
    await broker?.close();
    broker = undefined;
  });

  it('ignores unreadable payloads (not JSON, 1 MB, unknown Action, missing fields) and goes on watching', async () => {
    broker = await startFaultBroker();
    w = new ObservedWatcher(fake(broker.url));
    await w.watcher.setPins([id('bad'), id('good')]);
    await w.subscribed();
    const bad = deviceMonitorTopic('t', 'bad');
    await broker.publish(bad, 'not json at all');
    await broker.publish(bad, Buffer.alloc(1024 * 1024, 0x7b));
    await broker.publish(bad, JSON.stringify({ Action: 'Explode', ClientID: id('bad'), Time: '2024-01-01T00:00:00Z' }));
    await broker.publish(bad, JSON.stringify({ ClientID: id('bad') }));
    await broker.publish(bad, JSON.stringify({ Action: 'Disconnect' }));
    await broker.publish(
      deviceMonitorTopic('t', 'good'),
      JSON.stringify({ Action: 'Connect', ClientID: id('good'), Time: '2024-01-01T00:00:01Z' }),
      true,
    );
    await waitFor('the good client connected', () => w!.watcher.tally.connected === 1);
    assert.deepEqual(
      w.watcher.snapshots().map((s) => s.status),
      ['unknown', 'connected'],
    );
    await waitFor('two unreadable payloads counted', () =>
      w!.watcher.problems.some((p) =>
        /^2 unreadable monitor messages ignored; the last: payload of 1048576 bytes is larger than 16384/.test(
          problemWords(p),
        ),
      ),
    );
    assert.equal(w.status().text, '$(plug) 1/2 $(warning)');
    assert.equal(w.watcher.connection.state, 'connected');
  });

  it('shows a refused subscription as its own problem and watches the rest', async () => {
    broker = await startFaultBroker({ refuse: (topic) => topic === deviceMonitorTopic('t', 'refused') });
    w = new ObservedWatcher(fake(broker.url));
    await w.watcher.setPins([id('refused'), id('ok')]);
    await w.subscribed();
    await waitFor('the refusal shown', () =>
      w!.watcher.problems.some((p) =>
        problemWords(p).includes('refused the subscription to iot-2/type/t/id/refused/mon'),
      ),
    );
    await broker.publish(
      deviceMonitorTopic('t', 'ok'),
      JSON.stringify({ Action: 'Disconnect', ClientID: id('ok'), Time: '2024-01-01T00:00:00Z', CloseCode: 160 }),
    );
    await waitFor('the other client offline', () => w!.status().kind === 'offline');
    assert.equal(w.status().text, '$(debug-disconnect) 1 offline: ok $(warning)');
    // Unpinning it removes its problem.
    await w.watcher.setPins([id('ok')]);
    assert.deepEqual(w.watcher.problems, []);
  });

  describe('against the sandbox', () => {
    let sandbox: TestSandbox;
    before(async () => (sandbox = await startTestSandbox({ tls: true })));
    after(async () => sandbox?.close());

    it('stops with the reason when the broker refuses its credentials, apart from any device', async () => {
      w = new ObservedWatcher({ ...sandbox.ready, apiToken: 'wrong-token-123' });
      await w.watcher.setPins([`d:${sandbox.ready.org}:t:x`]);
      await waitFor('refused', () => w!.status().kind === 'refused');
      const link = w.watcher.connection;
      assert.ok(link.state === 'rejected');
      assert.match(link.reason, /refused the API key and token \(CONNACK 5: not authorized\)/);
      assert.equal(w.status().background, 'error');
      assert.ok(!w.log.lines.some((l) => l.includes('wrong-token-123')), 'no token in the log');
      assert.match(
        tooltipMarkdown({ connection: link, clients: w.watcher.snapshots(), problems: [], now: Date.now() }),
        /The broker refused the watcher/,
      );
    });

    it("stops with a TLS reason when the broker's certificate is not signed by the CA it trusts", async () => {
      w = new ObservedWatcher(sandbox.ready, { mqttUrl: sandbox.ready.mqttsUrl!, ca: (await testCerts()).otherCa });
      await w.watcher.setPins([`d:${sandbox.ready.org}:t:x`]);
      await waitFor('refused', () => w!.status().kind === 'refused');
      assert.ok(w.watcher.connection.state === 'rejected');
      assert.match(w.watcher.connection.reason, /not signed by a CA this client trusts/);
    });

    it("connects over TLS with the platform's CA", async () => {
      w = new ObservedWatcher(sandbox.ready, {
        mqttUrl: sandbox.ready.mqttsUrl!,
        ca: fs.readFileSync(sandbox.ready.caFile!, 'utf8'),
      });
      await w.watcher.setPins([`d:${sandbox.ready.org}:t:x`]);
      await w.subscribed();
      assert.equal(w.status().text, '$(plug) 0/1');
    });

    it('shows a state API failing during reconciliation, retries it, and keeps watching live', async () => {
      let failing = false;
      const api: FaultServer = await startFaultServer((req, res) => {
        if (failing) return json(res, 500, { message: 'CUDCS0500E: the state store is down' });
        const target = new URL(req.url ?? '/', sandbox.ready.apiUrl.replace(/\/api\/v0002$/, '/'));
        void fetch(target, { headers: { authorization: req.headers.authorization ?? '' } }).then(
          async (r) => json(res, r.status, await r.json()),
          () => json(res, 502, {}),
        );
      });
      const proxy: TcpProxy = await startProxy(Number(new URL(sandbox.ready.mqttUrl).port));
      try {
        const quiet = sandbox.registerDevice('r', 'quiet');
        const live = sandbox.registerDevice('r', 'live');
        const dq = await connected(sandbox.device(quiet));
        const dl = await connected(sandbox.device(live));
        const rest = faultClient(api.apiUrl, { apiKey: sandbox.ready.apiKey, apiToken: sandbox.ready.apiToken });
        w = new ObservedWatcher(sandbox.ready, {
          mqttUrl: `mqtt://127.0.0.1:${proxy.port}`,
          rest,
          reconcileRetry: { initialMs: 100, maxMs: 200 },
        });
        await w.watcher.setPins([quiet.clientId, live.clientId]);
        await waitFor('both connected', () => w!.status().text === '$(plug) 2/2');
        proxy.block();
        await waitFor('reconnecting', () => w!.status().kind === 'reconnecting');
        await dq.endAsync();
        failing = true;
        proxy.unblock();
        await waitFor(
          'the failure shown',
          () =>
            w!.watcher.problems.some((p) =>
              /could not be checked for 2 pinned clients \(trying again\)/.test(problemWords(p)),
            ),
          { timeoutMs: 10000 },
        );
        assert.match(w.status().text, /\$\(warning\)$/);
        // Live messages still arrive meanwhile.
        dl.stream.destroy();
        await w.transition('the live drop', (t) => t.clientId === live.clientId && t.change === 'disconnected');
        failing = false;
        await waitFor(
          'reconciled on a retry',
          () => w!.reconciled.some((r) => r.failed.length === 0 && r.missed.has(quiet.clientId)),
          { timeoutMs: 10000 },
        );
        await waitFor('the problem cleared', () => w!.watcher.problems.length === 0);
        const found = w.reconciled.find((r) => r.missed.has(quiet.clientId));
        assert.deepEqual(
          found?.missed.get(quiet.clientId)?.map((e) => e.kind),
          ['disconnected'],
        );
        rest.dispose();
      } finally {
        await proxy.close();
        await api.close();
      }
    });
  });
});
