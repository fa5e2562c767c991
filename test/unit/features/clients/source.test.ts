// What the Clients view says of the broker behind the API (features/clients/source.ts), from config/source answers
// read by the REST client's own reader (platform-contract.md §7.2; what each broker cannot tell: brokers-observed.md).
import * as assert from 'node:assert/strict';
import { isObserved, sourceModel } from '../../../../src/features/clients/source';
import { readSource } from '../../../../src/platform/rest/source';

const mosquitto = {
  kind: 'mosquitto',
  broker: 'mqtt://127.0.0.1:1883',
  observingSince: '2026-12-03T10:00:00.000Z',
  connectedCount: 12,
  nodes: [],
  capabilities: { listsConnected: false, history: 'observed', holdKeepAlive: false },
  sourceStatus: 'connected',
  diagnostics: [],
};

describe('features/clients/source', () => {
  it('shows only an observed broker: not the sandbox, nor a platform that does not say', () => {
    assert.equal(isObserved(readSource({ kind: 'sandbox' })), false);
    assert.equal(isObserved(readSource({})), false);
    assert.equal(isObserved(readSource(mosquitto)), true);
  });

  it("gives Mosquitto's count beside the clients known, and what Mosquitto cannot tell", () => {
    const m = sourceModel(readSource(mosquitto), 9);
    assert.deepEqual(
      [m.kind, m.broker, m.brokerCount, m.known, m.since],
      ['mosquitto', 'mqtt://127.0.0.1:1883', 12, 9, Date.UTC(2026, 11, 3, 10)],
    );
    assert.deepEqual(m.problems, []);
    assert.deepEqual(m.limits, ['notListed', 'observedHistory', 'refusedWithoutId', 'noAdminDisconnect']);
  });

  it('puts what stops the server from hearing the broker first, then what the broker is not set up to tell', () => {
    const m = sourceModel(
      readSource({
        ...mosquitto,
        sourceStatus: 'refused',
        sourceError: 'not authorised (CONNACK 5)',
        diagnostics: [
          {
            code: 'mosquitto.logNotPublished',
            message: 'Mosquitto does not publish its log',
            fix: ['log_dest topic', 'log_type all'],
          },
        ],
      }),
    );
    assert.deepEqual(m.problems, [
      { code: 'source.refused', message: 'not authorised (CONNACK 5)', fix: [] },
      {
        code: 'mosquitto.logNotPublished',
        message: 'Mosquitto does not publish its log',
        fix: ['log_dest topic', 'log_type all'],
      },
    ]);
    assert.equal(
      sourceModel(readSource({ ...mosquitto, sourceStatus: 'reconnecting' })).problems[0].code,
      'source.reconnecting',
    );
  });

  it("gives a RabbitMQ cluster's nodes, and what RabbitMQ cannot tell", () => {
    const m = sourceModel(
      readSource({
        kind: 'rabbitmq',
        nodes: ['rabbit@a', 'rabbit@b'],
        capabilities: { listsConnected: true, history: 'observed' },
        connectedCount: 5000,
        sourceStatus: 'connected',
      }),
      5000,
    );
    assert.deepEqual(m.nodes, ['rabbit@a', 'rabbit@b']);
    assert.deepEqual(m.limits, ['observedHistory', 'refusedWithoutId', 'noKeepAlive', 'crashedNode']);
  });
});
