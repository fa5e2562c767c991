// CONNECT against the whole sandbox with real mqtt.js clients: who gets in (platform-contract.md §1), what a
// refusal leaves behind (CONNACK, FailedConnect, log lines, state), and hostile client ids.

import * as assert from 'node:assert/strict';
import { ConnackCode } from '../../../../../../src/core/closeCodes';
import { closed, connected, Inbox, refusedWith } from '../../../../../support/mqtt';
import { startTestSandbox, watchAllMonitors, TEST_ORG, type TestSandbox } from '../../../../../support/sandbox';
import { waitFor } from '../../../../../support/waitFor';

describe('sandbox broker: CONNECT (platform-contract.md §1)', () => {
  let t: TestSandbox;
  let watch: Inbox;
  before(async () => {
    t = await startTestSandbox();
    watch = await watchAllMonitors(t, 'watcher');
  });
  after(() => t.close());

  it('lets a registered device in with use-token-auth and its token (MQTT 3.1.1)', async () => {
    const d = t.registerDevice('sensor', 'ok-1');
    await connected(t.device(d, { protocolVersion: 4 }));
    const connect = (await watch.monitor(d.clientId, 'Connect')).json();
    assert.equal(connect.Protocol, 'mqtt4');
    assert.equal(connect.User, 'use-token-auth');
    assert.equal(connect.Secure, false);
    assert.equal(connect.ClientAddr, '127.0.0.1');
    const state = t.store.getState(d.clientId);
    assert.equal(state?.connectionStatus, 'connected');
    assert.equal(state?.mqttConnectProtocol, '3.1.1');
    assert.equal(state?.lastActivityEvent, 'mqttConnect');
    assert.deepEqual(
      t.store.listLog('sensor', 'ok-1').map((e) => e.message),
      [`Token auth succeeded: ClientID='${d.clientId}', ClientIP=127.0.0.1`],
    );
  });

  it('speaks MQTT 3.1 too (protocol level 3)', async () => {
    const d = t.registerDevice('sensor', 'old-31');
    await connected(t.device(d, { protocolVersion: 3, protocolId: 'MQIsdp' }));
    assert.equal((await watch.monitor(d.clientId, 'Connect')).json().Protocol, 'mqtt3');
    assert.equal(t.store.getState(d.clientId)?.mqttConnectProtocol, '3.1');
  });

  it('refuses a wrong token with CONNACK 5, a FailedConnect, log lines and a disconnected state', async () => {
    const d = t.registerDevice('sensor', 'bad-token');
    assert.equal(await refusedWith(t.device({ ...d, token: 'not-the-token' })), ConnackCode.NotAuthorized);
    const failed = (await watch.monitor(d.clientId, 'FailedConnect')).json();
    assert.equal(failed.CloseCode, 180);
    assert.equal(failed.Reason, 'The operation is not authorized');
    assert.deepEqual(
      t.store.listLog('sensor', 'bad-token').map((e) => e.message),
      [
        'Closed connection from 127.0.0.1. The operation is not authorized.',
        `Token auth failed: ClientID='${d.clientId}', ClientIP=127.0.0.1`,
      ],
    );
    const state = t.store.getState(d.clientId);
    assert.equal(state?.connectionStatus, 'disconnected');
    assert.equal(state?.closeCode, 180);
    assert.equal(state?.disconnectInitiator, 'server');
    assert.equal(state?.mqttReasonCode, 135);
  });

  it('refuses a missing password and a wrong user name for a device', async () => {
    const d = t.registerDevice('sensor', 'no-pass');
    assert.equal(await refusedWith(t.client(d.clientId, { username: 'use-token-auth' })), ConnackCode.NotAuthorized);
    assert.equal(
      await refusedWith(t.client(d.clientId, { username: 'someone', password: d.token })),
      ConnackCode.NotAuthorized,
    );
  });

  it('leaves no state and no log for an unregistered device (strangers cannot create state)', async () => {
    const id = `d:${TEST_ORG}:sensor:stranger`;
    assert.equal(
      await refusedWith(t.client(id, { username: 'use-token-auth', password: 'guess' })),
      ConnackCode.NotAuthorized,
    );
    await watch.monitor(id, 'FailedConnect');
    assert.equal(t.store.getState(id), undefined);
    assert.deepEqual(t.store.listLog('sensor', 'stranger'), []);
  });

  it('does not mark a connected device disconnected when a stranger fails with its id', async () => {
    const d = t.registerDevice('sensor', 'victim');
    await connected(t.device(d));
    assert.equal(await refusedWith(t.device({ ...d, token: 'wrong' })), ConnackCode.NotAuthorized);
    await watch.monitor(d.clientId, 'FailedConnect');
    assert.equal(t.store.getState(d.clientId)?.connectionStatus, 'connected');
  });

  it('lets an application in with the API key and token, and refuses a wrong token or another org', async () => {
    await connected(t.app('dashboard'));
    assert.equal((await watch.monitor(`a:${TEST_ORG}:dashboard`, 'Connect')).json().User, t.ready.apiKey);
    assert.equal(await refusedWith(t.app('intruder', { password: 'wrong-token' })), ConnackCode.NotAuthorized);
    await watch.monitor(`a:${TEST_ORG}:intruder`, 'FailedConnect');
    assert.ok(
      t.lines.some((l) => l.includes(`API key auth failed: ClientID='a:${TEST_ORG}:intruder', ClientIP=127.0.0.1`)),
    );
    assert.equal(t.store.getState(`a:${TEST_ORG}:intruder`), undefined);
    assert.equal(await refusedWith(t.app('x', { username: 'a-other1-abcdefghij' })), ConnackCode.NotAuthorized);
  });

  it("refuses client ids that are not of the platform's form with CONNACK 2 (close code 166)", async () => {
    const ids = [
      '',
      'plain-id',
      `d:${TEST_ORG}:sensor`,
      `d:other1:sensor:s1`,
      `x:${TEST_ORG}:a:b`,
      `d:${TEST_ORG}:type:${'x'.repeat(37)}`,
    ];
    for (const id of ids) {
      assert.equal(
        await refusedWith(t.client(id, { username: 'use-token-auth', password: 'x', clean: true })),
        ConnackCode.IdRejected,
        id,
      );
    }
    assert.ok(t.lines.some((l) => l.includes('"plain-id"') && l.includes('close code 166')));
  });

  it('survives hostile client ids: markup, command URIs, bidi overrides, 64 KB (the most MQTT allows)', async () => {
    const hostile = [
      '<img src=x onerror=alert(1)>',
      `d:${TEST_ORG}:t:[x](command:workbench.action.terminal.new)`,
      'command:iotConnectivity.showLog',
      `d:${TEST_ORG}:t:\u202Eevil`,
      'x'.repeat(65535),
    ];
    for (const id of hostile) {
      assert.equal(
        await refusedWith(t.client(id, { username: 'use-token-auth', password: 'x' })),
        ConnackCode.IdRejected,
      );
    }
    for (const line of t.lines) {
      assert.ok(
        line.length < 2000 && !line.includes('\u202E'),
        `a log line carries hostile text: ${line.slice(0, 100)}`,
      );
    }
    const d = t.registerDevice('sensor', 'after-hostile');
    await connected(t.device(d));
  });

  it('answers an MQTT 5 CONNECT with CONNACK 1 (unacceptable protocol version) and logs it', async () => {
    const d = t.registerDevice('sensor', 'v5');
    const client = t.device(d, { protocolVersion: 5 });
    assert.equal(await refusedWith(client), ConnackCode.BadProtocol);
    await closed(client);
    await waitFor('the refusal in the log', () =>
      t.lines.find((l) => l.includes('MQTT 5 CONNECT') && l.includes('CONNACK 1')),
    );
    assert.equal(t.store.getState(d.clientId), undefined);
  });

  it('delivers monitor messages live without the retain flag', () => {
    // The watcher's own Connect was retained before it subscribed; everything after came live.
    const live = watch.messages.filter((m) => m.topic !== 'iot-2/app/watcher/mon');
    assert.ok(live.length > 10);
    assert.deepEqual(
      live.filter((m) => m.retain),
      [],
    );
  });
});
