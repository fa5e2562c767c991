// Compatibility with the official Watson IoT SDK for Node, @wiotp/sdk: its
// clients work against the sandbox (with --tls) with only their options changed — domain
// `localhost`, the sandbox's ports — trusting the sandbox's CA through NODE_EXTRA_CA_CERTS, since
// the SDK passes no CA of its own to mqtt.js. The SDK runs in a child process (sdk.child.ts).

import * as assert from 'node:assert/strict';
import type { ClientStateList, ClientStateWire } from '../../../../src/core/clientState';
import type { ConnectionLogEntry } from '../../../../src/core/connectionLog';
import { startTestSandbox, type DeviceCredentials, type TestSandbox } from '../../../support/sandbox';
import { waitFor } from '../../../support/waitFor';
import type { SdkEvent } from './sdkProtocol';
import { SdkProcess } from './sdkProcess';

const ISO_MS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const status =
  (clientId: string, action: string) =>
  (e: SdkEvent): e is Extract<SdkEvent, { event: 'deviceStatus' }> =>
    e.event === 'deviceStatus' &&
    JSON.parse(e.payload).ClientID === clientId &&
    JSON.parse(e.payload).Action === action;

function assertClientState(s: ClientStateWire): void {
  assert.equal(typeof s.id, 'string');
  assert.ok(['device', 'gateway', 'application'].includes(s.clientType), s.clientType);
  assert.ok(['connected', 'disconnected'].includes(s.connectionStatus), s.connectionStatus);
  for (const time of [s.lastConnectTime, s.lastActivityTime]) assert.match(String(time), ISO_MS);
  assert.equal(s.mqttConnectProtocol, '3.1.1');
}

describe('@wiotp/sdk against the sandbox', function () {
  let t: TestSandbox;
  let sdk: SdkProcess;
  let device: DeviceCredentials;
  let mqttPort: number;
  const appId = 'sdk-app';

  before(async () => {
    t = await startTestSandbox({ tls: true });
    device = t.registerDevice('Thermostat', 'sdk-th-01', 'sdk-device-token-1');
    mqttPort = Number(new URL(t.ready.mqttsUrl as string).port);
    sdk = SdkProcess.start(t.ready.caFile as string);
  });
  after(async () => {
    await sdk?.close();
    await t?.close();
  });
  afterEach(function () {
    if (this.currentTest?.state === 'failed') console.log(`the SDK's process said:\n${sdk.output.slice(-3000)}`);
  });

  it(
    'connects an ApplicationClient with the API key to {org}.messaging.localhost over TLS and subscribes to device ' +
      'status',
    async () => {
      const host = await sdk.call('appConnect', {
        appId,
        key: t.ready.apiKey,
        token: t.ready.apiToken,
        port: mqttPort,
      });
      assert.equal(host, `ssl://${t.ready.org}.messaging.localhost:${mqttPort}`);
      await sdk.call('appSubscribeToDeviceStatus', { typeId: device.typeId });
      await waitFor(
        "the application's subscription",
        () => t.store.getState(`a:${t.ready.org}:${appId}`)?.lastActivityEvent === 'mqttSubscribe',
      );
    },
  );

  it('connects a DeviceClient, which publishes an event: the state shows mqttPublish', async () => {
    await sdk.call('deviceConnect', {
      orgId: t.ready.org,
      typeId: device.typeId,
      deviceId: device.deviceId,
      token: device.token,
      port: mqttPort,
    });
    assert.equal(t.store.getState(device.clientId)?.connectionStatus, 'connected');
    await sdk.call('devicePublish', { eventId: 'temperature', data: { d: { celsius: 21.5 } } });
    const state = await waitFor('mqttPublish in the state', () => {
      const s = t.store.getState(device.clientId);
      return s?.lastActivityEvent === 'mqttPublish' && s;
    });
    assert.equal(state.mqttConnectProtocol, '3.1.1');
  });

  it("delivers the device's Connect to the ApplicationClient, then its Disconnect when it disconnects", async () => {
    const connect = await sdk.event('Connect', status(device.clientId, 'Connect'));
    assert.equal(connect.typeId, device.typeId);
    assert.equal(connect.deviceId, device.deviceId);
    assert.equal(JSON.parse(connect.payload).Secure, true);
    await sdk.call('deviceDisconnect');
    const disconnect = JSON.parse((await sdk.event('Disconnect', status(device.clientId, 'Disconnect'))).payload);
    assert.equal(disconnect.CloseCode, undefined, 'a clean disconnect (0) carries no CloseCode');
    assert.ok(disconnect.ReadMsg >= 1, 'the published event was counted');
  });

  it(
    'refuses a DeviceClient with a wrong token: the SDK hears "Not authorized", the application ' + 'FailedConnect',
    async () => {
      await assert.rejects(
        sdk.call('deviceConnect', {
          orgId: t.ready.org,
          typeId: device.typeId,
          deviceId: device.deviceId,
          token: 'not-the-token',
          port: mqttPort,
        }),
        /Not authorized/,
      );
      const failed = JSON.parse((await sdk.event('FailedConnect', status(device.clientId, 'FailedConnect'))).payload);
      assert.equal(failed.CloseCode, 180);
    },
  );

  describe('its ApiClient (REST over HTTPS at {org}.localhost)', () => {
    before(async () => {
      const base = await sdk.call('apiOpen', {
        key: t.ready.apiKey,
        token: t.ready.apiToken,
        port: Number(new URL(t.ready.httpsUrl as string).port),
      });
      assert.equal(base, `https://${t.ready.org}.localhost:${new URL(t.ready.httpsUrl as string).port}/api/v0002`);
    });

    it('getConnectionStates: the list envelope with every client', async () => {
      const list = await sdk.call<ClientStateList>('apiCall', { call: 'getConnectionStates' });
      assert.equal(list.meta.total_rows, 2);
      assert.equal(list.bookmark, undefined);
      assert.deepEqual(list.results.map((s) => s.id).sort(), [`a:${t.ready.org}:${appId}`, device.clientId].sort());
      list.results.forEach(assertClientState);
    });

    it('getConnectionState(id): one record with how it ended; an unknown id is a 404 with the error body', async () => {
      const s = await sdk.call<ClientStateWire>('apiCall', { call: 'getConnectionState', args: [device.clientId] });
      assertClientState(s);
      assert.deepEqual(
        [s.id, s.clientType, s.connectionStatus, s.closeCode, s.disconnectInitiator],
        // The wrong token after its clean disconnect does not overwrite how its real session ended (§4.3).
        [device.clientId, 'device', 'disconnected', 0, 'client'],
      );
      assert.match(String(s.lastDisconnectTime), ISO_MS);
      const unknown = `d:${t.ready.org}:Thermostat:nobody`;
      const err = await sdk.call('apiCall', { call: 'getConnectionState', args: [unknown] }).then(
        () => undefined,
        (e: { status?: number; data?: { exception?: { properties?: string[] } } }) => e,
      );
      assert.equal(err?.status, 404);
      assert.deepEqual(err?.data?.exception?.properties, [unknown]);
    });

    it('getConnectedClientsConnectionStates: the connected ones only', async () => {
      const list = await sdk.call<ClientStateList>('apiCall', { call: 'getConnectedClientsConnectionStates' });
      assert.deepEqual(
        list.results.map((s) => [s.id, s.connectionStatus]),
        [[`a:${t.ready.org}:${appId}`, 'connected']],
      );
      assert.equal(list.meta.total_rows, 1);
    });

    it('getRecentConnectionStates(date): those connected after the date', async () => {
      const recent = await sdk.call<ClientStateList>('apiCall', {
        call: 'getRecentConnectionStates',
        args: [new Date(Date.now() - 60_000).toISOString()],
      });
      assert.equal(recent.meta.total_rows, 2);
      const none = await sdk.call<ClientStateList>('apiCall', {
        call: 'getRecentConnectionStates',
        args: [new Date(Date.now() + 60_000).toISOString()],
      });
      assert.deepEqual(none, { results: [], meta: { total_rows: 0 } });
    });

    it("getDeviceConnectionLogs: the device's log, newest first", async () => {
      const log = await sdk.call<ConnectionLogEntry[]>('apiCall', {
        call: 'getDeviceConnectionLogs',
        args: [device.typeId, device.deviceId],
      });
      const messages = log.map((e) => e.message);
      assert.match(messages[0], /^Closed connection from 127\.0\.0\.1\. The operation is not authorized\.$/);
      assert.ok(
        messages.includes(`Token auth succeeded: ClientID='${device.clientId}', ClientIP=127.0.0.1`),
        messages.join('\n'),
      );
      assert.ok(
        messages.includes('Closed connection from 127.0.0.1. The connection has completed normally.'),
        messages.join('\n'),
      );
      for (const e of log) assert.match(e.timestamp, ISO_MS);
      const times = log.map((e) => Date.parse(e.timestamp));
      assert.deepEqual(
        times,
        [...times].sort((a, b) => b - a),
      );
    });
  });
});
