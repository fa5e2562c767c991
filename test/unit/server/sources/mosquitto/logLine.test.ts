// The Mosquitto log reader against lines Mosquitto 2.0.11 really published (fixture captured with
// real clients: test/fixtures/brokers/capture), then against lines made to break it.

import * as assert from 'node:assert';
import { readMosquittoLog, type MosquittoLogEvent } from '../../../../../src/server/sources/mosquitto/logLine';
import fixture from '../../../../fixtures/brokers/mosquitto-2.0.11.json';

interface Scenario {
  name: string;
  clientId?: string;
  clientIdLength?: number;
  lines: { topic: string; payload: string }[];
}
const scenarios = fixture.scenarios as Scenario[];
const scenario = (name: string) => {
  const s = scenarios.find((x) => x.name === name);
  if (!s) throw new Error(`no scenario ${name} in the fixture`);
  return s;
};
const read = (s: Scenario) => s.lines.map((l) => readMosquittoLog(l.topic, l.payload));
const last = (s: Scenario) => read(s).at(-1) as MosquittoLogEvent;

describe('server/sources/mosquitto/logLine: captured lines', () => {
  it('knows every line Mosquitto published in the capture, but the cut ones', () => {
    for (const s of scenarios) {
      for (const l of s.lines) {
        const e = readMosquittoLog(l.topic, l.payload);
        assert.notStrictEqual(e.kind, 'other', `${s.name}: ${l.payload.slice(0, 120)}`);
        assert.ok(e.kind !== 'truncated' || (s.clientIdLength ?? 0) >= 900, `${s.name} cut`);
      }
    }
  });

  const causes: [string, Record<string, unknown>][] = [
    [
      'clean-disconnect-mqttjs-3.1.1',
      { kind: 'disconnect', cause: 'clientDisconnect', closeCode: 0, initiator: 'client' },
    ],
    [
      'clean-disconnect-mqttjs-5-will',
      { kind: 'disconnect', cause: 'clientDisconnect', closeCode: 0, initiator: 'client' },
    ],
    ['killed-paho', { kind: 'disconnect', cause: 'connectionLost', closeCode: 91, initiator: 'client' }],
    ['socket-destroyed-mqttjs', { kind: 'disconnect', cause: 'connectionLost', closeCode: 91, initiator: 'client' }],
    [
      'keepalive-paho-sigstop-k2',
      { kind: 'disconnect', cause: 'keepAliveTimeout', closeCode: 160, initiator: 'network' },
    ],
    ['keepalive-raw-k5', { kind: 'disconnect', cause: 'keepAliveTimeout', closeCode: 160, initiator: 'network' }],
    [
      'protocol-error-second-connect',
      { kind: 'disconnect', cause: 'protocolError', closeCode: 105, initiator: 'server' },
    ],
    ['malformed-packet', { kind: 'disconnect', cause: 'malformedPacket', closeCode: 105, initiator: 'server' }],
    [
      'oversize-max_packet_size-5',
      { kind: 'disconnect', cause: 'oversizePacket', closeCode: 287, initiator: 'server' },
    ],
    [
      'bad-password-paho',
      { kind: 'failedConnect', cause: 'notAuthorised', closeCode: 180, initiator: 'server', clientId: null },
    ],
    ['no-connect-raw', { kind: 'disconnect', cause: 'connectionLost', clientId: null }],
    ['broker-shutdown', { kind: 'shutdown', version: '2.0.11', level: 'I' }],
  ];
  for (const [name, expected] of causes) {
    it(`reads the cause of ${name}`, () => {
      const e = last(scenario(name));
      for (const [k, v] of Object.entries(expected)) {
        assert.deepStrictEqual((e as unknown as Record<string, unknown>)[k], v, `${name}.${k}`);
      }
      if ('clientId' in e && expected.clientId === undefined) assert.strictEqual(e.clientId, scenario(name).clientId);
    });
  }

  it('reads a takeover as the old session closed by the server (288), then the new connect', () => {
    const events = read(scenario('takeover-mqttjs-5'));
    const takeover = events.find((e) => e.kind === 'takeover');
    assert.ok(takeover && takeover.kind === 'takeover');
    assert.deepStrictEqual(
      [takeover.clientId, takeover.closeCode, takeover.initiator, takeover.level],
      ['taken-over-5', 288, 'server', 'E'],
    );
    assert.strictEqual(events.filter((e) => e.kind === 'connect').length, 2);
  });

  it(
    'reads a connect line: address, source port (that of its "New connection" line), id, protocol, clean, ' +
      'keep-alive, user',
    () => {
      const [connection, connect] = read(scenario('clean-disconnect-paho-5-user'));
      assert.ok(connection?.kind === 'connection' && connect?.kind === 'connect');
      assert.strictEqual(connect.port, connection.port);
      assert.deepStrictEqual(
        {
          address: connect.address,
          clientId: connect.clientId,
          protocol: connect.protocol,
          clean: connect.cleanSession,
          k: connect.keepAliveSeconds,
          user: connect.username,
          bridge: connect.bridge,
        },
        {
          address: '127.0.0.1',
          clientId: 'clean-paho-5',
          protocol: 'mqtt5',
          clean: true,
          k: 45,
          user: 'bob',
          bridge: false,
        },
      );
      assert.strictEqual(typeof connect.time, 'number');
      const v31 = read(scenario('clean-disconnect-paho-3.1')).find((e) => e.kind === 'connect');
      assert.ok(v31?.kind === 'connect' && v31.protocol === 'mqtt3' && v31.username === undefined);
    },
  );

  it('gives back every unusual client id exactly, in its connect and its disconnect', () => {
    const hostile = scenarios.filter(
      (s) => s.name.startsWith('hostile-id-') && s.clientId !== undefined && s.lines.length === 3,
    );
    assert.ok(hostile.length >= 15, `${hostile.length} ids`);
    for (const s of hostile) {
      const [, connect, disconnect] = read(s);
      assert.ok(connect?.kind === 'connect', `${s.name} connect`);
      assert.strictEqual(connect.clientId, s.clientId);
      assert.ok(disconnect?.kind === 'disconnect', `${s.name} disconnect`);
      assert.strictEqual(disconnect.clientId, s.clientId === '<unknown>' ? null : s.clientId);
    }
  });

  it('keeps what a cut line still tells (ids of 1000 bytes and more)', () => {
    for (const s of scenarios.filter((x) => (x.clientIdLength ?? 0) >= 1000)) {
      const [, connect, disconnect] = read(s);
      assert.ok(connect?.kind === 'truncated' && connect.of === 'connect' && connect.address === '127.0.0.1');
      assert.ok(connect.clientIdStart.startsWith(`long${s.clientIdLength}-xxx`));
      assert.ok(disconnect?.kind === 'truncated' && disconnect.of === 'client');
    }
  });
});
