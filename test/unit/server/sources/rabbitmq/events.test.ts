// The RabbitMQ event reader against events a two-node RabbitMQ 3.10.8 cluster really published
// (fixture captured with real clients), then against made-up and hostile headers.

import * as assert from 'node:assert';
import { readRabbitEvent } from '../../../../../src/server/sources/rabbitmq/events';
import { addressOfTuple, protocolOfTuple, readBinary } from '../../../../../src/server/sources/rabbitmq/erlangText';
import fixture from '../../../../fixtures/brokers/rabbitmq-3.10.8.json';
import { HOSTILE_STRINGS } from '../../../core/hostile';

interface Scenario {
  name: string;
  clientId?: string;
  clientIdLength?: number;
  events: { routingKey: string; headers: Record<string, unknown> }[];
}
const scenarios = fixture.scenarios as Scenario[];
const longId = (n: number) => {
  const head = `long${n}-`;
  return head + 'x'.repeat(n - head.length);
};

describe('server/sources/rabbitmq/events', () => {
  it('reads every MQTT connection.created of the capture with its client id, address, port, node and protocol', () => {
    let seen = 0;
    for (const s of scenarios) {
      for (const e of s.events.filter((x) => x.routingKey === 'connection.created')) {
        const r = readRabbitEvent(e.routingKey, e.headers);
        assert.ok(r.kind === 'connectionCreated', s.name);
        assert.ok(
          r.mqtt &&
            r.protocol === 'MQTT 3.1.1' &&
            r.peerHost === '127.0.0.1' &&
            r.peerPort === Number(r.name.split(' -> ')[0]?.split(':')[1]),
          s.name,
        );
        assert.ok(fixture.nodes.includes(r.node ?? ''), s.name);
        assert.ok(
          r.localPid?.startsWith('<0.') && typeof r.connectedAt === 'number' && typeof r.timestampMs === 'number',
          s.name,
        );
        const wanted = s.clientId ?? (s.clientIdLength ? longId(s.clientIdLength) : undefined);
        if (wanted !== undefined && s.name.startsWith('hostile-id-')) assert.strictEqual(r.clientId, wanted, s.name);
        seen++;
      }
    }
    assert.ok(seen > 25, `${seen} events`);
  });

  it('reads connection.closed (name, node, pid only) and matches it to its created event by name', () => {
    const s = scenarios.find((x) => x.name === 'killed-paho');
    const created = s?.events
      .map((e) => readRabbitEvent(e.routingKey, e.headers))
      .find((e) => e.kind === 'connectionCreated');
    const closed = s?.events
      .map((e) => readRabbitEvent(e.routingKey, e.headers))
      .find((e) => e.kind === 'connectionClosed');
    assert.ok(created?.kind === 'connectionCreated' && closed?.kind === 'connectionClosed');
    assert.deepStrictEqual(
      [closed.name, closed.node, closed.pid, closed.localPid],
      [created.name, created.node, created.pid, created.localPid],
    );
  });

  it("reads an authentication failure: the user tried and the broker's words, no client id", () => {
    const s = scenarios.find((x) => x.name === 'bad-credentials-unknown-user');
    const e = s?.events.find((x) => x.routingKey === 'user.authentication.failure');
    const r = e && readRabbitEvent(e.routingKey, e.headers);
    assert.deepStrictEqual(r && { ...r, timestampMs: 0 }, {
      kind: 'authenticationFailure',
      user: 'mallory',
      error: "user 'mallory' - invalid credentials",
      connectionType: 'direct',
      timestampMs: 0,
    });
  });

  it('keeps every other event as other, and never throws on hostile headers', () => {
    assert.deepStrictEqual(readRabbitEvent('vhost.down', { name: '/' }), { kind: 'other', routingKey: 'vhost.down' });
    assert.strictEqual(readRabbitEvent('connection.created', {}).kind, 'other');
    assert.strictEqual(readRabbitEvent('connection.created', undefined).kind, 'other');
    for (const h of HOSTILE_STRINGS) {
      const r = readRabbitEvent('connection.created', {
        name: h,
        variable_map: h,
        peer_host: h,
        protocol: h,
        pid: h,
        peer_port: h,
      });
      assert.ok(r.kind === 'connectionCreated' && r.name === h && r.clientId === undefined && r.localPid === undefined);
    }
  });

  it('reads Erlang binaries, addresses and protocols as RabbitMQ prints them', () => {
    assert.strictEqual(readBinary('<<"a\\"b\\\\c">>')?.value, 'a"b\\c');
    assert.strictEqual(readBinary('<<240,159,154,128>>')?.value, '🚀');
    assert.strictEqual(readBinary('<<>>')?.value, '');
    assert.strictEqual(readBinary('<<"unterminated'), undefined);
    assert.strictEqual(addressOfTuple('{0,0,0,0,0,0,0,1}'), '::1');
    assert.strictEqual(addressOfTuple('{8193,3512,0,0,1,0,0,1}'), '2001:db8::1:0:0:1');
    assert.strictEqual(protocolOfTuple('{0,9,1}'), 'AMQP 0-9-1');
    assert.strictEqual(protocolOfTuple('{\'MQTT\',"3.1.1"}'), 'MQTT 3.1.1');
  });
});
