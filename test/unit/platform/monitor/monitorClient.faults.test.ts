// The monitor client against a bare broker that does what the sandbox never does: refuse one
// subscription with SUBACK 0x80, and deliver payloads that are not monitor messages.

import * as assert from 'node:assert/strict';
import { deviceMonitorTopic } from '../../../../src/core/ids';
import { MonitorClient, PlatformError } from '../../../../src/platform';
import { captureLog } from '../support/clients';
import { startFaultBroker, type FaultBroker } from '../support/faultBroker';
import { WatchedMonitor } from '../support/monitors';

describe('platform monitor client: broker faults and bad payloads', function () {
  let broker: FaultBroker | undefined;
  let watcher: WatchedMonitor | undefined;
  afterEach(async () => {
    await watcher?.monitor.dispose();
    watcher = undefined;
    await broker?.close();
  });

  const watch = (log = captureLog()) => {
    watcher = new WatchedMonitor({
      mqttUrl: broker!.url,
      orgId: 'faults',
      appId: 'w',
      apiKey: 'a-faults-abcdefghij',
      apiToken: 'tok',
      backoff: { initialMs: 20, maxMs: 100 },
      log,
    });
    return watcher;
  };
  const ok = deviceMonitorTopic('t', 'ok');
  const refused = deviceMonitorTopic('t', 'refused');

  it('reports a refused subscription per topic and keeps the others working', async () => {
    broker = await startFaultBroker({ refuse: (topic) => topic === refused });
    const w = watch();
    w.monitor.start();
    await w.monitor.setPlan({ topics: [ok, refused] });
    assert.deepEqual(await w.subscribed(refused), {
      topic: refused,
      granted: false,
      reason: 'refused by the broker (SUBACK 0x80)',
    });
    assert.deepEqual(await w.subscribed(ok), { topic: ok, granted: true });
    assert.deepEqual(w.monitor.topics, [ok]);
    assert.equal(w.monitor.state.state, 'connected');
    await broker.publish(
      ok,
      JSON.stringify({ Action: 'Connect', ClientID: 'd:faults:t:ok', Time: '2024-01-01T00:00:00Z' }),
    );
    await w.message('d:faults:t:ok', 'Connect');
    // A later plan change does not ask again for the refused topic on the same connection.
    await w.monitor.setPlan({ topics: [ok, refused, deviceMonitorTopic('t', 'other')] });
    await w.subscribed(deviceMonitorTopic('t', 'other'));
    assert.equal(w.subscriptions.filter((s) => s.topic === refused).length, 1);
  });

  it('reports unreadable payloads, never throws, and goes on delivering', async () => {
    broker = await startFaultBroker();
    const log = captureLog();
    const w = watch(log);
    let thrown = 0;
    w.monitor.on('message', () => {
      thrown++;
      throw new Error('a careless listener');
    });
    w.monitor.start();
    await w.monitor.setPlan({ topics: ['iot-2/type/+/id/+/mon'] });
    await w.subscribed('iot-2/type/+/id/+/mon');
    const topic = deviceMonitorTopic('t', 'bad');
    await broker.publish(topic, 'not json at all');
    await broker.publish(topic, Buffer.alloc(1024 * 1024, 0x7b));
    await broker.publish(topic, '[1, 2, 3]');
    await broker.publish(topic, '{"Action": 5, "Time": {"x": 1}, "ClientID": "d:faults:t:bad", "CloseCode": "160"}');
    const hostile = 'd:faults:t:<img src=x onerror=alert(1)>\u202e';
    await broker.publish(
      topic,
      JSON.stringify({ Action: 'Disconnect', ClientID: hostile, CloseCode: 160, Reason: '</script>' }),
    );
    await broker.publish(
      topic,
      JSON.stringify({ Action: 'Connect', ClientID: 'd:faults:t:good', Time: '2024-01-01T00:00:00Z' }),
      true,
    );
    await w.message('d:faults:t:good', 'Connect');
    assert.deepEqual(
      w.invalid.map((p) => [p.error, p.bytes]),
      [
        ['payload is not JSON', 15],
        [`payload of ${1024 * 1024} bytes is larger than 16384`, 1024 * 1024],
        ['payload is not a JSON object', 9],
      ],
    );
    const wrongTypes = w.messages.find((e) => e.clientId === 'd:faults:t:bad');
    assert.deepEqual(wrongTypes?.message, { ClientID: 'd:faults:t:bad' }, 'fields of the wrong type are dropped');
    const kept = w.messages.find((e) => e.clientId === hostile);
    assert.equal(kept?.message.Reason, '</script>', 'hostile text is passed on as data, for the views to show as text');
    assert.equal(thrown, w.messages.length);
    assert.ok(log.lines.some((l) => /a listener failed: Error: a careless listener/.test(l)));
    assert.ok(
      log.lines.some((l) => /unreadable message on "iot-2\/type\/t\/id\/bad\/mon": payload is not JSON/.test(l)),
    );
    assert.equal(w.monitor.state.state, 'connected');
  });

  it('subscribes a plan set before the connection once it is up, and stops cleanly', async () => {
    broker = await startFaultBroker();
    const w = watch();
    await w.monitor.setPlan({ topics: [ok] });
    w.monitor.start();
    assert.equal((await w.subscribed(ok)).granted, true);
    await w.monitor.dispose();
    assert.equal(w.monitor.state.state, 'closed');
    assert.deepEqual(
      w.states.map((s) => s.state),
      ['connecting', 'connected', 'closed'],
    );
  });

  it('refuses a broker URL it cannot use, at once and with words', () => {
    broker = undefined;
    for (const mqttUrl of ['not a url', 'http://host:8883', 'mqtts://key:secret@host:8883']) {
      assert.throws(
        () => new MonitorClient({ mqttUrl, orgId: 'faults', appId: 'w', apiKey: 'k', apiToken: 'secret' }),
        (e: unknown) =>
          e instanceof PlatformError &&
          e.kind === 'badRequest' &&
          /is not usable/.test(e.message) &&
          !e.message.includes('secret@'),
      );
    }
  });

  it('reconnects with backoff when the broker goes away, and reports it apart from client events', async () => {
    broker = await startFaultBroker();
    const w = watch();
    w.monitor.start();
    await w.state('connected');
    await broker.close();
    const down = await w.state('reconnecting');
    assert.ok(down.state === 'reconnecting');
    assert.match(down.reason, /closed the connection|connection was refused/);
    assert.ok(down.retryInMs >= 10 && down.retryInMs <= 100);
    // Keep failing: attempts count up and the delay grows, capped.
    const later = await new Promise<number>((resolve) =>
      w.monitor.on('connection', (c) => c.state === 'reconnecting' && c.attempt >= 4 && resolve(c.retryInMs)),
    );
    assert.ok(later >= 50 && later <= 100, `delay ${later}`);
    assert.equal(w.messages.length, 0);
  });
});
