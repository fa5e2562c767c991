// The broker's transports (platform-contract.md §1): MQTT over TLS with the generated CA, MQTT over WebSocket at
// /mqtt (plain and TLS), each with the monitor fields that say how the client came in.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { connected, Inbox, subscribed } from '../../../../../support/mqtt';
import { startTestSandbox, type TestSandbox } from '../../../../../support/sandbox';
import { waitFor } from '../../../../../support/waitFor';

describe('sandbox broker: TLS and WebSocket transports', () => {
  let t: TestSandbox;
  let dataDir: string;
  let ca: Buffer;
  let watch: Inbox;
  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-transports-'));
    t = await startTestSandbox({ tls: true, dataDir });
    ca = fs.readFileSync(t.ready.caFile as string);
    const app = await connected(t.app('watcher'));
    watch = new Inbox(app);
    await subscribed(app, 'iot-2/type/+/id/+/mon');
  });
  after(async () => {
    await t.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const portOf = (url: string | null) => Number(new URL(url as string).port);

  it('reports every listener on the ready object', () => {
    assert.match(t.ready.mqttsUrl as string, /^mqtts:\/\/127\.0\.0\.1:\d+$/);
    assert.match(t.ready.wsUrl, /^ws:\/\/127\.0\.0\.1:\d+\/mqtt$/);
    assert.match(t.ready.wssUrl as string, /^wss:\/\/127\.0\.0\.1:\d+\/mqtt$/);
    assert.equal(t.ready.caFile, path.join(dataDir, 'tls', 'ca.pem'));
  });

  it('accepts MQTT over TLS from a client that trusts the CA (Secure: true)', async () => {
    const d = t.registerDevice('secure', 's-1');
    await connected(t.device(d, { url: t.ready.mqttsUrl as string, ca }));
    const m = (await watch.monitor(d.clientId, 'Connect')).json();
    assert.equal(m.Secure, true);
    assert.equal(m.Port, portOf(t.ready.mqttsUrl));
    assert.equal(m.Protocol, 'mqtt4');
  });

  it('refuses the handshake of a client that does not trust the CA, and keeps serving', async () => {
    const d = t.registerDevice('secure', 's-untrusting');
    const client = t.device(d, { url: t.ready.mqttsUrl as string });
    const err = await connected(client).then(
      () => undefined,
      (e: Error) => e,
    );
    assert.ok(err, 'the connection must fail');
    await waitFor('the handshake failure in the log', () => t.lines.find((l) => l.includes('TLS handshake')));
    const again = t.registerDevice('secure', 's-2');
    await connected(t.device(again, { url: t.ready.mqttsUrl as string, ca }));
  });

  it('accepts MQTT over WebSocket at /mqtt (Protocol mqtt4-ws)', async () => {
    const d = t.registerDevice('web', 'w-1');
    await connected(t.device(d, { url: t.ready.wsUrl }));
    const m = (await watch.monitor(d.clientId, 'Connect')).json();
    assert.equal(m.Protocol, 'mqtt4-ws');
    assert.equal(m.Secure, false);
    assert.equal(m.Port, portOf(t.ready.wsUrl));
  });

  it('accepts MQTT 3.1 over secure WebSocket (Protocol mqtt3-ws, Secure: true)', async () => {
    const d = t.registerDevice('web', 'w-2');
    await connected(t.device(d, { url: t.ready.wssUrl as string, ca, protocolVersion: 3, protocolId: 'MQIsdp' }));
    const m = (await watch.monitor(d.clientId, 'Connect')).json();
    assert.equal(m.Protocol, 'mqtt3-ws');
    assert.equal(m.Secure, true);
  });

  it('records a WebSocket client that vanishes as closed by the client (91)', async () => {
    const d = t.registerDevice('web', 'w-3');
    const client = await connected(t.device(d, { url: t.ready.wsUrl }));
    client.stream.destroy();
    assert.equal((await watch.monitor(d.clientId, 'Disconnect')).json().CloseCode, 91);
  });

  it('answers plain HTTP on the WebSocket port with 426 and a WebSocket at another path with an error', async () => {
    const base = t.ready.wsUrl.replace(/^ws:/, 'http:').replace(/\/mqtt$/, '');
    const res = await fetch(`${base}/anything`);
    assert.equal(res.status, 426);
    assert.match(await res.text(), /\/mqtt/);
    const d = t.registerDevice('web', 'w-wrong-path');
    const client = t.device(d, { url: `${base.replace(/^http:/, 'ws:')}/not-mqtt` });
    await assert.rejects(connected(client));
  });
});
