import * as assert from 'assert';
import { brokerUrl, connectionFacts } from '../../../../src/features/register/facts';

const base = { clientId: 'd:sandbx:sensor:s-01', token: 'tok' };

describe("register/facts: connection facts from the platform's MQTT URL", () => {
  it('plain MQTT on loopback: host, port, no TLS, the device username', () => {
    const f = connectionFacts({ ...base, mqttUrl: 'mqtt://127.0.0.1:41883' });
    assert.deepStrictEqual(
      {
        scheme: f.scheme,
        host: f.host,
        port: f.port,
        tls: f.tls,
        ws: f.websocket,
        path: f.path,
        user: f.username,
        password: f.password,
        ca: f.caFile,
      },
      {
        scheme: 'mqtt',
        host: '127.0.0.1',
        port: 41883,
        tls: false,
        ws: false,
        path: '',
        user: 'use-token-auth',
        password: 'tok',
        ca: undefined,
      },
    );
    assert.strictEqual(brokerUrl(f), 'mqtt://127.0.0.1:41883');
  });

  it('the IBM form: mqtts on 8883 with the system CAs; default ports when the URL has none', () => {
    const f = connectionFacts({ ...base, mqttUrl: 'mqtts://abc123.messaging.internetofthings.ibmcloud.com' });
    assert.strictEqual(f.port, 8883);
    assert.strictEqual(f.tls, true);
    assert.strictEqual(f.caFile, undefined);
    assert.strictEqual(connectionFacts({ ...base, mqttUrl: 'mqtt://h' }).port, 1883);
    assert.strictEqual(connectionFacts({ ...base, mqttUrl: 'wss://h' }).port, 443);
  });

  it('WebSocket keeps its path (default /mqtt); a CA file is used only with TLS', () => {
    const wss = connectionFacts({ ...base, mqttUrl: 'wss://h:8084/mqtt', caFile: '/data/ca.pem' });
    assert.strictEqual(wss.path, '/mqtt');
    assert.strictEqual(wss.caFile, '/data/ca.pem');
    assert.strictEqual(brokerUrl(wss), 'wss://h:8084/mqtt');
    const ws = connectionFacts({ ...base, mqttUrl: 'ws://h:8083', caFile: '/data/ca.pem' });
    assert.strictEqual(ws.path, '/mqtt');
    assert.strictEqual(ws.caFile, undefined);
  });

  it('an IPv6 host is bare in the facts and bracketed in the URL', () => {
    const f = connectionFacts({ ...base, mqttUrl: 'mqtt://[::1]:1883' });
    assert.strictEqual(f.host, '::1');
    assert.strictEqual(brokerUrl(f, 'tcp'), 'tcp://[::1]:1883');
  });

  it('refuses a missing, unreadable or non-MQTT URL with a message that says what to fix', () => {
    assert.throws(() => connectionFacts({ ...base, mqttUrl: undefined }), /no MQTT URL/);
    assert.throws(() => connectionFacts({ ...base, mqttUrl: 'not a url' }), /not a URL/);
    assert.throws(
      () => connectionFacts({ ...base, mqttUrl: 'https://h/api' }),
      /mqtt:\/\/, mqtts:\/\/, ws:\/\/ or wss:\/\/, not https/,
    );
  });
});
