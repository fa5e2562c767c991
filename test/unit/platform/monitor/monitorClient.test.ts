// The monitor client against the real sandbox broker (platform-contract.md §4): a real device's Connect and
// Disconnect, retained state on subscribe, unsubscribe and filters, wrong credentials (CONNACK 5),
// TLS, and a broker restart mid-watch reconciled against the state API with no transition lost.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import mqtt from 'mqtt';
import { deviceMonitorTopic } from '../../../../src/core/ids';
import { PlatformRestClient, reconcile, type MonitorOptions, type Reconnected } from '../../../../src/platform';
import { connected } from '../../../support/mqtt';
import { startTestSandbox, type TestSandbox } from '../../../support/sandbox';
import { testCerts } from '../support/certs';
import { captureLog } from '../support/clients';
import { WatchedMonitor } from '../support/monitors';
import { startProxy } from '../support/proxy';

describe('platform monitor client against the sandbox', function () {
  let sandbox: TestSandbox;
  const monitors: WatchedMonitor[] = [];
  let nextApp = 0;
  const watch = (extra: Partial<MonitorOptions> = {}) => {
    const w = new WatchedMonitor({
      mqttUrl: sandbox.ready.mqttUrl,
      orgId: sandbox.ready.org,
      appId: `watcher-${++nextApp}`,
      apiKey: sandbox.ready.apiKey,
      apiToken: sandbox.ready.apiToken,
      backoff: { initialMs: 20, maxMs: 200 },
      ...extra,
    });
    monitors.push(w);
    return w;
  };

  before(async () => (sandbox = await startTestSandbox()));
  afterEach(async () => Promise.all(monitors.splice(0).map((w) => w.monitor.dispose())));
  after(async () => sandbox.close());

  it("receives a real device's Connect and Disconnect as they happen", async () => {
    const d = sandbox.registerDevice('sensor', 'live-1');
    const w = watch();
    w.monitor.start();
    await w.monitor.setPlan({ topics: [deviceMonitorTopic('sensor', 'live-1')] });
    assert.equal((await w.subscribed(deviceMonitorTopic('sensor', 'live-1'))).granted, true);
    const device = await connected(sandbox.device(d));
    const connect = await w.message(d.clientId, 'Connect');
    assert.equal(connect.retained, false);
    assert.deepEqual(connect.subject, { kind: 'device', typeId: 'sensor', deviceId: 'live-1' });
    await device.endAsync();
    const disconnect = await w.message(d.clientId, 'Disconnect');
    assert.equal(disconnect.message.CloseCode, undefined, 'a clean disconnect has code 0, omitted');
    assert.ok(w.subscriptions.every((s) => s.granted));
  });

  it("gets a device's current state on subscribe, as a retained message", async () => {
    const d = sandbox.registerDevice('sensor', 'retained-1');
    await connected(sandbox.device(d));
    const w = watch();
    w.monitor.start();
    await w.monitor.setPlan({ topics: [deviceMonitorTopic('sensor', 'retained-1')] });
    const first = await w.message(d.clientId, 'Connect');
    assert.equal(first.retained, true);
  });

  it('stops delivering a topic once the plan drops it, and filters a wildcard cover', async () => {
    const [a, b, c] = ['unsub-a', 'unsub-b', 'unsub-c'].map((id) => sandbox.registerDevice('valve', id));
    const w = watch();
    w.monitor.start();
    // A wildcard cover, filtered to two clients.
    await w.monitor.setPlan({
      topics: ['iot-2/type/valve/id/+/mon'],
      accepts: (topic) => topic !== deviceMonitorTopic('valve', 'unsub-b'),
    });
    await w.subscribed('iot-2/type/valve/id/+/mon');
    await connected(sandbox.device(a));
    await w.message(a.clientId, 'Connect');
    await connected(sandbox.device(b));
    await connected(sandbox.device(c));
    await w.message(c.clientId, 'Connect');
    assert.ok(!w.messages.some((e) => e.clientId === b.clientId), 'b is filtered out');
    // Now only c: a's next event must not arrive, c's (published after it) must.
    await w.monitor.setPlan({ topics: [deviceMonitorTopic('valve', 'unsub-c')] });
    assert.deepEqual(w.monitor.topics, [deviceMonitorTopic('valve', 'unsub-c')]);
    const a2 = await connected(sandbox.device(a));
    await connected(sandbox.device(c));
    await w.message(c.clientId, 'Disconnect'); // the takeover (288) of c's first session
    assert.equal(
      w.messages.filter((e) => e.clientId === a.clientId).length,
      1,
      'nothing more of a after unsubscribing',
    );
    await a2.endAsync();
  });

  it('stops in a distinct state on wrong credentials (CONNACK 5) and does not retry by itself', async () => {
    const log = captureLog();
    const bad = watch({ apiToken: 'wrong-token', backoff: { initialMs: 1, maxMs: 1 }, log });
    bad.monitor.start();
    const rejected = await bad.state('rejected');
    assert.ok(rejected.state === 'rejected');
    assert.equal(rejected.connackCode, 5);
    assert.match(rejected.reason, /refused the API key and token \(CONNACK 5: not authorized\); check the credentials/);
    assert.ok(log.lines.some((l) => l.includes('CONNACK 5')));
    assert.ok(![rejected.reason, ...log.lines].some((l) => l.includes('wrong-token')), 'the token leaked');
    // A whole other connection takes far longer than a 1 ms backoff: a retrying client would show it.
    const good = watch();
    good.monitor.start();
    await good.state('connected');
    assert.deepEqual(
      bad.states.map((s) => s.state),
      ['connecting', 'rejected'],
    );
    bad.monitor.restart();
    await bad.state('rejected');
    assert.deepEqual(
      bad.states.map((s) => s.state),
      ['connecting', 'rejected', 'connecting', 'rejected'],
    );
  });
});

describe('platform monitor client over TLS', function () {
  let sandbox: TestSandbox;
  before(async () => (sandbox = await startTestSandbox({ tls: true })));
  after(async () => sandbox.close());

  const watch = (ca: string, mqttUrl = sandbox.ready.mqttsUrl!) =>
    new WatchedMonitor({
      mqttUrl,
      orgId: sandbox.ready.org,
      appId: 'tls-watcher',
      apiKey: sandbox.ready.apiKey,
      apiToken: sandbox.ready.apiToken,
      ca,
    });

  it('connects with the sandbox CA', async () => {
    const w = watch(fs.readFileSync(sandbox.ready.caFile!, 'utf8'));
    w.monitor.start();
    await w.state('connected');
    await w.monitor.dispose();
  });

  it('connects over secure WebSocket with the sandbox CA', async () => {
    const w = watch(fs.readFileSync(sandbox.ready.caFile!, 'utf8'), sandbox.ready.wssUrl!);
    w.monitor.start();
    await w.state('connected');
    await w.monitor.dispose();
  });

  it('stops with a TLS reason when the CA is wrong', async () => {
    const w = watch((await testCerts()).otherCa);
    w.monitor.start();
    const rejected = await w.state('rejected');
    assert.ok(rejected.state === 'rejected');
    assert.match(rejected.reason, /not signed by a CA this client trusts/);
    await w.monitor.dispose();
  });
});

describe('platform monitor client across a broker restart', function () {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'platform-restart-'));
  after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('reconnects, resubscribes, and reconciliation reports every transition it missed', async () => {
    let sandbox = await startTestSandbox({ dataDir });
    const ports = {
      mqtt: Number(new URL(sandbox.ready.mqttUrl).port),
      http: Number(new URL(sandbox.ready.apiUrl).port),
    };
    const proxy = await startProxy(ports.mqtt);
    const rest = new PlatformRestClient({
      apiUrl: sandbox.ready.apiUrl,
      apiKey: sandbox.ready.apiKey,
      apiToken: sandbox.ready.apiToken,
    });
    const w = new WatchedMonitor({
      mqttUrl: `mqtt://127.0.0.1:${proxy.port}`,
      orgId: sandbox.ready.org,
      appId: 'restart-watcher',
      apiKey: sandbox.ready.apiKey,
      apiToken: sandbox.ready.apiToken,
      backoff: { initialMs: 20, maxMs: 100 },
    });
    let firstSession: mqtt.MqttClient | undefined;
    try {
      const d1 = sandbox.registerDevice('sensor', 'steady');
      const d2 = sandbox.registerDevice('sensor', 'blinker');
      w.book.pin(d1.clientId);
      w.book.pin(d2.clientId);
      w.monitor.start();
      await w.monitor.setPlan({ topics: ['iot-2/type/sensor/id/+/mon'] });
      await w.subscribed('iot-2/type/sensor/id/+/mon');
      // Made here, not by the sandbox helper (which ends its clients before closing): the broker
      // itself must close this one, with 93.
      firstSession = mqtt.connect(sandbox.ready.mqttUrl, {
        clientId: d1.clientId,
        username: 'use-token-auth',
        password: d1.token,
        reconnectPeriod: 0,
      });
      firstSession.on('error', () => {});
      await connected(firstSession);
      await w.message(d1.clientId, 'Connect');
      assert.deepEqual(
        w.book.snapshot().map((p) => p.status),
        ['connected', 'unknown'],
      );

      // The watcher's link goes down and stays down while the broker restarts and devices change.
      proxy.block();
      await w.state('reconnecting');
      const blockedAt = w.states.length;
      await sandbox.close();
      sandbox = await startTestSandbox({ dataDir, ports });
      const d1again = await connected(sandbox.device(d1));
      const d2session = await connected(sandbox.device(d2));
      await d2session.endAsync();
      assert.ok(
        !w.states.slice(blockedAt).some((c) => c.state === 'connected'),
        'the watcher was offline the whole time',
      );

      const reconnected = new Promise<Reconnected>((resolve) => w.monitor.on('reconnected', resolve));
      proxy.unblock();
      const event = await reconnected;
      assert.deepEqual(w.monitor.topics, ['iot-2/type/sensor/id/+/mon'], 'resubscribed');
      const report = await reconcile(rest, w.book, event);
      assert.deepEqual(report.failures, []);
      // Every step of both devices while the watcher was offline, from their connection logs.
      const steps = (id: string) =>
        report.missed.get(id)?.map((e) => (e.kind === 'disconnected' ? `${e.kind} ${e.closeCode}` : e.kind));
      assert.deepEqual(steps(d1.clientId), ['disconnected 93', 'connected']);
      assert.deepEqual(steps(d2.clientId), ['connected', 'disconnected 0']);
      assert.deepEqual(report.incomplete, []);
      // The book ends where the platform is (through the retained messages or the records, whichever came first).
      assert.deepEqual(
        w.book.snapshot().map((p) => p.status),
        ['connected', 'disconnected'],
      );
      // And live delivery works again on the new connection.
      await d1again.endAsync();
      const live = await w.message(d1.clientId, 'Disconnect');
      assert.equal(live.retained, false);
    } finally {
      firstSession?.end(true);
      await w.monitor.dispose();
      rest.dispose();
      await proxy.close();
      await sandbox.close();
    }
  });
});
