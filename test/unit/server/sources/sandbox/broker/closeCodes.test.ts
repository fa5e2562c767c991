// Every way a connection ends, seen as a real client sees it (the socket closes) and as the
// platform records it: the monitor Disconnect, the client state and the connection log (§4.3).

import * as assert from 'node:assert/strict';
import type { MqttClient } from 'mqtt';
import type { ClientStateWire } from '../../../../../../src/core/clientState';
import { MAX_PAYLOAD_BYTES } from '../../../../../../src/core/limits';
import { closed, connected, Inbox, subscribed } from '../../../../../support/mqtt';
import { RawMqtt } from '../../../../../support/rawMqtt';
import {
  startTestSandbox,
  watchAllMonitors,
  type DeviceCredentials,
  type TestSandbox,
} from '../../../../../support/sandbox';
import { waitFor } from '../../../../../support/waitFor';

/** Every close path over MQTT 3.1.1 and MQTT 3.1, the two protocols the platform spoke. */
for (const [name, protocol] of [
  ['MQTT 3.1.1', { protocolVersion: 4 }],
  ['MQTT 3.1', { protocolVersion: 3, protocolId: 'MQIsdp' }],
] as const) {
  describe(`sandbox broker: close codes (platform-contract.md §4.3), ${name}`, () => {
    let t: TestSandbox;
    let watch: Inbox;
    before(async () => {
      t = await startTestSandbox();
      watch = await watchAllMonitors(t, 'watcher', protocol);
    });
    after(() => t.close());

    /** The Disconnect the watcher receives, and the state record once it says disconnected. */
    async function disconnectOf(
      clientId: string,
    ): Promise<{ message: Record<string, unknown>; state: ClientStateWire }> {
      const message = (await watch.monitor(clientId, 'Disconnect')).json();
      const state = await waitFor(`${clientId} disconnected in the state`, () => {
        const s = t.store.getState(clientId);
        return s?.connectionStatus === 'disconnected' && s;
      });
      return { message, state };
    }

    function assertClosedWith(
      r: { message: Record<string, unknown>; state: ClientStateWire },
      code: number,
      initiator: string,
      mqttReason: number,
    ): void {
      assert.equal(r.message.CloseCode, code);
      assert.equal(r.state.closeCode, code);
      assert.equal(r.state.disconnectInitiator, initiator);
      assert.equal(r.state.mqttReasonCode, mqttReason);
      assert.equal(r.state.lastActivityEvent, 'mqttDisconnect');
    }

    async function connectedDevice(deviceId: string): Promise<{ d: DeviceCredentials; client: MqttClient }> {
      const d = t.registerDevice('sensor', deviceId);
      return { d, client: await connected(t.device(d, protocol)) };
    }

    it('0: an MQTT DISCONNECT completes normally (no CloseCode in the message)', async () => {
      const { d, client } = await connectedDevice('clean-stop');
      await client.endAsync();
      const r = await disconnectOf(d.clientId);
      assert.equal(r.message.CloseCode, undefined);
      assert.equal(r.message.ConnectTime, (await watch.monitor(d.clientId, 'Connect')).json().Time);
      assert.equal(r.state.closeCode, 0);
      assert.equal(r.state.disconnectInitiator, 'client');
      assert.equal(
        t.store.listLog('sensor', 'clean-stop')[0].message,
        'Closed connection from 127.0.0.1. The connection has completed normally.',
      );
    });

    it('91: a socket that closes without DISCONNECT', async () => {
      const { d, client } = await connectedDevice('pulled-plug');
      client.stream.destroy();
      assertClosedWith(await disconnectOf(d.clientId), 91, 'client', 128);
      assert.equal(
        t.store.listLog('sensor', 'pulled-plug')[0].message,
        'Closed connection from 127.0.0.1. The connection was closed by the client.',
      );
    });

    it('94: the REST admin call closes a live client; an unknown one is not found', async () => {
      const { d, client } = await connectedDevice('admin-target');
      const auth = `Basic ${Buffer.from(`${t.ready.apiKey}:${t.ready.apiToken}`).toString('base64')}`;
      const res = await fetch(`${t.ready.apiUrl}/sandbox/clients/${d.clientId}/disconnect`, {
        method: 'POST',
        headers: { authorization: auth },
      });
      assert.equal(res.status, 200);
      await closed(client);
      assertClosedWith(await disconnectOf(d.clientId), 94, 'server', 152);
      const again = await fetch(`${t.ready.apiUrl}/sandbox/clients/${d.clientId}/disconnect`, {
        method: 'POST',
        headers: { authorization: auth },
      });
      assert.equal(again.status, 404);
    });

    it('160: keep-alive expiry (no packet within 1.5 × keep-alive)', async () => {
      const d = t.registerDevice('sensor', 'silent');
      const raw = await RawMqtt.open(Number(new URL(t.ready.mqttUrl).port));
      raw.connect({ clientId: d.clientId, username: 'use-token-auth', password: d.token, keepalive: 1 });
      assert.equal((await raw.next('connack')).cmd, 'connack');
      await raw.closed; // the broker ends it, about 1.5 s later
      const r = await disconnectOf(d.clientId);
      assertClosedWith(r, 160, 'network', 141);
      assert.equal(
        t.store.listLog('sensor', 'silent')[0].message,
        'Closed connection from 127.0.0.1. The connection timed out.',
      );
    });

    it('180: a device publishing outside iot-2/evt', async () => {
      const { d, client } = await connectedDevice('wrong-topic');
      client.publish('iot-2/type/sensor/id/other/evt/x/fmt/json', '{}');
      await closed(client);
      assertClosedWith(await disconnectOf(d.clientId), 180, 'server', 135);
    });

    it('180: a device subscribing to monitor topics (only applications may)', async () => {
      const { d, client } = await connectedDevice('nosy');
      client.subscribe('iot-2/type/+/id/+/mon');
      await closed(client);
      assertClosedWith(await disconnectOf(d.clientId), 180, 'server', 135);
    });

    it("180: an application publishing outside the platform's topics", async () => {
      const app = await connected(t.app('rogue', protocol));
      app.publish('some/other/topic', 'x');
      await closed(app);
      assert.equal((await watch.monitor(app.options.clientId as string, 'Disconnect')).json().CloseCode, 180);
    });

    it('287: a payload over 131072 bytes; exactly 131072 passes', async () => {
      const { d, client } = await connectedDevice('big-talker');
      await client.publishAsync('iot-2/evt/blob/fmt/bin', Buffer.alloc(MAX_PAYLOAD_BYTES), { qos: 1 });
      client.publish('iot-2/evt/blob/fmt/bin', Buffer.alloc(MAX_PAYLOAD_BYTES + 1));
      await closed(client);
      const r = await disconnectOf(d.clientId);
      assertClosedWith(r, 287, 'server', 149);
      assert.equal(r.message.ReadMsg, 1);
      assert.equal(
        t.store.listLog('sensor', 'big-talker')[0].message,
        'Closed connection from 127.0.0.1. The message size is too large for this endpoint.',
      );
    });

    it('287: a packet declared larger than allowed, before it has arrived', async () => {
      const d = t.registerDevice('sensor', 'huge-header');
      const raw = await RawMqtt.open(Number(new URL(t.ready.mqttUrl).port));
      raw.connect({ clientId: d.clientId, username: 'use-token-auth', password: d.token });
      await raw.next('connack');
      // PUBLISH QoS 0 declaring 200 MB (remaining length 0x80 0x80 0xe8 0x5f), then only a little of it.
      raw.sendBytes(Buffer.concat([Buffer.from([0x30, 0x80, 0x80, 0xe8, 0x5f]), Buffer.alloc(1024)]));
      await raw.closed;
      assertClosedWith(await disconnectOf(d.clientId), 287, 'server', 149);
    });

    it('154: more than 500 subscriptions on an application connection; 500 pass', async () => {
      const filter = (i: number) => `iot-2/type/t${i}/id/+/evt/+/fmt/+`;
      const app = await connected(t.app('greedy', protocol));
      await subscribed(
        app,
        Array.from({ length: 500 }, (_, i) => filter(i)),
      );
      assert.ok(app.connected);
      app.subscribe(filter(500));
      await closed(app);
      assert.equal((await watch.monitor(app.options.clientId as string, 'Disconnect')).json().CloseCode, 154);
    });

    it('154: more than 50 subscriptions on a device connection', async () => {
      const { d, client } = await connectedDevice('many-subs');
      client.subscribe(Array.from({ length: 51 }, (_, i) => `iot-2/cmd/c${i}/fmt/json`));
      await closed(client);
      assertClosedWith(await disconnectOf(d.clientId), 154, 'server', 151);
    });

    it('288: the same id connecting again closes the older session; the newer stays connected', async () => {
      const { d, client: first } = await connectedDevice('twin');
      const second = await connected(t.device(d, protocol));
      await closed(first);
      const disconnect = (await watch.monitor(d.clientId, 'Disconnect')).json();
      assert.equal(disconnect.CloseCode, 288);
      assert.equal(disconnect.Reason, 'The client ID was reused');
      assert.ok(second.connected);
      const state = await waitFor('the state of the newer session', () => {
        const s = t.store.getState(d.clientId);
        return s?.connectionStatus === 'connected' && s.closeCode === 288 && s;
      });
      assert.equal(state.disconnectInitiator, 'server');
      assert.equal(state.mqttReasonCode, 142);
    });
  });
}

describe('sandbox broker: shutdown closes every client with 93', () => {
  it('tells clients by closing their sockets and records 93', async () => {
    const t = await startTestSandbox();
    const d = t.registerDevice('sensor', 'until-shutdown');
    const client = await connected(t.device(d));
    const raw = await RawMqtt.open(Number(new URL(t.ready.mqttUrl).port)); // never sends CONNECT
    const sawClose = closed(client, 10_000);
    await t.sandbox.close();
    await sawClose;
    await raw.closed;
    const state = t.store.getState(d.clientId);
    assert.equal(state?.closeCode, 93);
    assert.equal(state?.disconnectInitiator, 'server');
    assert.equal(state?.mqttReasonCode, 139);
    assert.equal(
      t.store.listLog('sensor', 'until-shutdown')[0].message,
      'Closed connection from 127.0.0.1. The connection was closed because the server was shutdown.',
    );
    await t.close();
  });
});
