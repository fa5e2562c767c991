// The RabbitMQ log reader against lines a two-node RabbitMQ 3.10.8 cluster really published
// (fixture captured with real clients), then against forms of the 3.10.8 source not captured and
// hostile text.

import * as assert from 'node:assert';
import { readRabbitEvent } from '../../../../../src/server/sources/rabbitmq/events';
import { readRabbitLog, type RabbitLogLine } from '../../../../../src/server/sources/rabbitmq/logLines';
import fixture from '../../../../fixtures/brokers/rabbitmq-3.10.8.json';
import { HOSTILE_STRINGS } from '../../../core/hostile';
import { assertLinear } from '../../../../support/linear';

interface Log {
  routingKey: string;
  node: string;
  body: string;
}
interface Scenario {
  name: string;
  clientId?: string;
  clientIdLength?: number;
  events: { routingKey: string; headers: Record<string, unknown> }[];
  logs: Log[];
}
const scenarios = fixture.scenarios as Scenario[];
const scenario = (name: string) => scenarios.find((s) => s.name === name) as Scenario;
const logs = (s: Scenario) => s.logs.map((l) => readRabbitLog(l.routingKey, { node: l.node }, l.body));
const createdName = (s: Scenario) => {
  const e = s.events.map((x) => readRabbitEvent(x.routingKey, x.headers)).find((x) => x.kind === 'connectionCreated');
  return e?.kind === 'connectionCreated' ? e.name : undefined;
};

describe('server/sources/rabbitmq/logLines: captured lines', () => {
  it('reads the head of every line: level, node, time, pid, and a message without the repeated heads', () => {
    for (const s of scenarios) {
      for (const l of logs(s)) {
        assert.ok(l.time && l.pid?.startsWith('<0.') && fixture.nodes.includes(l.node ?? ''), s.name);
        assert.ok(
          !/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+\+00:00 \[/.test(l.message),
          `${s.name}: ${l.message.slice(0, 200)}`,
        );
      }
    }
  });

  const causes: [string, Record<string, unknown>][] = [
    ['clean-disconnect-mqttjs', { kind: 'mqttClosed', cause: 'clientDisconnect', closeCode: 0, initiator: 'client' }],
    [
      'clean-disconnect-paho-node2',
      { kind: 'mqttClosed', cause: 'clientDisconnect', closeCode: 0, initiator: 'client' },
    ],
    ['killed-paho', { kind: 'mqttClosed', cause: 'connectionLost', closeCode: 91, initiator: 'client' }],
    [
      'keepalive-paho-sigstop-k2',
      { kind: 'mqttClosed', cause: 'keepAliveTimeout', closeCode: 160, initiator: 'network', level: 'error' },
    ],
    ['keepalive-raw-k5', { kind: 'mqttClosed', cause: 'keepAliveTimeout', closeCode: 160, initiator: 'network' }],
    [
      'takeover-same-node',
      {
        kind: 'mqttClosed',
        cause: 'takenOver',
        closeCode: 288,
        initiator: 'server',
        clientId: 'taken-over-same-node',
        level: 'warning',
      },
    ],
    [
      'takeover-other-node',
      {
        kind: 'mqttClosed',
        cause: 'takenOver',
        closeCode: 288,
        initiator: 'server',
        clientId: 'taken-over-other-node',
      },
    ],
  ];
  for (const [name, expected] of causes) {
    it(`reads the cause of ${name}, about the connection of its events`, () => {
      const s = scenario(name);
      const line = logs(s).find((l) => l.kind === 'mqttClosed') as RabbitLogLine & { connection: string };
      assert.ok(line, `no closing line in ${name}`);
      for (const [k, v] of Object.entries(expected)) {
        assert.deepStrictEqual((line as unknown as Record<string, unknown>)[k], v, `${name}.${k}`);
      }
      assert.strictEqual(line.connection, createdName(s));
    });
  }

  it('reads the accept line: connection name and client id, whatever the id holds', () => {
    const hostile = scenarios.filter((s) => s.name.startsWith('hostile-id-'));
    assert.ok(hostile.length >= 15);
    for (const s of hostile) {
      const accepted = logs(s).find((l) => l.kind === 'mqttAccepted');
      assert.ok(accepted?.kind === 'mqttAccepted', s.name);
      const head = `long${s.clientIdLength}-`;
      assert.strictEqual(
        accepted.clientId,
        s.clientId ?? head + 'x'.repeat((s.clientIdLength ?? 0) - head.length),
        s.name,
      );
      assert.strictEqual(accepted.connection, createdName(s), s.name);
    }
  });

  it('reads refused credentials: the user and the connection, no client id', () => {
    const [login, closing] = logs(scenario('bad-credentials-wrong-password'));
    assert.ok(login?.kind === 'loginFailed');
    assert.deepStrictEqual([login.user, login.detail], ['iotc-admin', 'authentication failed: Refused']);
    assert.ok(
      closing?.kind === 'mqttRefused' &&
        closing.cause === 'notAuthenticated' &&
        closing.closeCode === 180 &&
        /^127\.0\.0\.1:\d+ -> 127\.0\.0\.1:\d+$/.test(closing.connection),
    );
  });

  it(
    "reads an administrator's close: the pid of the internal connection (that of the closed event) and the " +
      'X-Reason',
    () => {
      const s = scenario('admin-close');
      const admin = logs(s).find((l) => l.kind === 'adminClose');
      const closed = s.events
        .map((e) => readRabbitEvent(e.routingKey, e.headers))
        .find((e) => e.kind === 'connectionClosed');
      assert.ok(admin?.kind === 'adminClose' && closed?.kind === 'connectionClosed');
      assert.deepStrictEqual(
        [admin.reason, admin.closeCode, admin.initiator],
        ['capture: closed by an administrator', 94, 'server'],
      );
      assert.strictEqual(admin.connectionPid, closed.localPid);
      assert.strictEqual(admin.node, closed.node);
    },
  );

  it('reads a node stopping and the other node seeing it down and up', () => {
    const stop = logs(scenario('node2-stop'));
    assert.ok(stop.some((l) => l.kind === 'nodeStopping' && l.node === fixture.nodes[1]));
    assert.ok(stop.some((l) => l.kind === 'nodeDown' && l.about === fixture.nodes[1] && l.node === fixture.nodes[0]));
    assert.ok(stop.some((l) => l.kind === 'nodeUp' && l.about === fixture.nodes[1]));
    const kill = logs(scenario('node2-kill'));
    assert.ok(!kill.some((l) => l.kind === 'nodeStopping'), 'a killed node says nothing');
    assert.ok(kill.some((l) => l.kind === 'nodeDown' && l.about === fixture.nodes[1]));
  });

  it('reads the frame an MQTT 5 client sends as a protocol error', () => {
    const [line] = logs(scenario('mqtt5-refused'));
    assert.ok(line?.kind === 'mqttClosed' && line.cause === 'protocolError' && line.closeCode === 105);
  });
});

describe('server/sources/rabbitmq/logLines: other forms and hostile text', () => {
  const at = (message: string, level = 'error') =>
    readRabbitLog(level, { node: 'rabbit@h' }, `2024-01-02 03:04:05.678901+00:00 [${level}] <0.77.0> ${message}\n`);
  it('reads the forms of rabbit_mqtt_reader 3.10.8 not met in the capture', () => {
    const cases: [string, Record<string, unknown>][] = [
      [
        'closing MQTT connection "1.2.3.4:5 -> 6.7.8.9:1883" (login timeout)',
        { kind: 'mqttRefused', cause: 'loginTimeout', closeCode: 164, connection: '1.2.3.4:5 -> 6.7.8.9:1883' },
      ],
      [
        'MQTT cannot accept connection 1.2.3.4:5 -> 6.7.8.9:1883: client uses an invalid ID',
        { kind: 'mqttRefused', cause: 'invalidClientId', closeCode: 166 },
      ],
      [
        'MQTT connection 1.2.3.4:5 -> 6.7.8.9:1883 is closing due to an authorization failure',
        { kind: 'mqttRefused', cause: 'notAuthorized', closeCode: 180 },
      ],
      [
        "MQTT disconnecting client \"a -> b\" with client ID 'x', y' as its node is about to be decommissioned",
        { kind: 'mqttClosed', cause: 'nodeDecommissioned', clientId: "x', y", closeCode: 93 },
      ],
      [
        'MQTT disconnecting client "a -> b" with client ID \'id, reason: \', reason: vhost deleted',
        { kind: 'mqttClosed', cause: 'serverClose', clientId: 'id, reason: ', detail: 'vhost deleted' },
      ],
      [
        'MQTT detected network error for "a -> b": etimedout',
        { kind: 'mqttClosed', cause: 'networkError', connection: 'a -> b', detail: 'etimedout', closeCode: 91 },
      ],
      [
        'MQTT protocol error on connection a -> b: {bad,frame}',
        { kind: 'mqttClosed', cause: 'protocolError', connection: 'a -> b', closeCode: 105 },
      ],
    ];
    for (const [message, expected] of cases) {
      const l = at(message) as unknown as Record<string, unknown>;
      for (const [k, v] of Object.entries(expected)) assert.deepStrictEqual(l[k], v, `${message}: ${k}`);
    }
  });

  it('keeps unknown and hostile text as other, in linear time', () => {
    for (const h of [
      ...HOSTILE_STRINGS,
      'accepting MQTT connection <0.1.0> (no id here)',
      'MQTT disconnecting client "x" with duplicate id',
    ]) {
      const l = readRabbitLog('info', undefined, h);
      assert.strictEqual(l.kind, 'other', h.slice(0, 60));
      assert.strictEqual(typeof at(h).message, 'string');
    }
    const hostile = HOSTILE_STRINGS.join(' ');
    const big = (n: number) => 'accepting MQTT connection <0.1.0> (' + ', client id: '.repeat(n / 13) + ')';
    assert.strictEqual(at(big(1_040_000)).kind, 'mqttAccepted');
    for (const [what, make] of [
      ['an accept line of separators', big],
      ['hostile text over and over', (n: number) => hostile.repeat(Math.ceil(n / hostile.length)).slice(0, n)],
    ] as const) {
      assertLinear(what, make, (text) => at(text), 65_536);
    }
  });
});
