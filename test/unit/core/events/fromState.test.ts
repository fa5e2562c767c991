import * as assert from 'node:assert/strict';
import { eventsFromState } from '../../../../src/core/events';
import { normaliseClientState, type ClientState } from '../../../../src/core/clientState';

function state(fields: Record<string, unknown>): ClientState {
  const s = normaliseClientState({ id: 'd:org123:sensor:s-7', clientType: 'device', ...fields });
  assert.ok(s);
  return s;
}

describe('core/events/fromState', () => {
  it('gives the last connect and the last disconnect, in time order', () => {
    const events = eventsFromState(
      state({
        connectionStatus: 'connected',
        lastConnectTime: '2018-09-27T08:40:54.456Z',
        lastDisconnectTime: '2018-09-27T08:40:37.493Z',
        disconnectInitiator: 'network',
        mqttReasonCode: 141,
        closeCode: 160,
      }),
    );
    assert.deepEqual(
      events.map((e) => e.kind),
      ['disconnected', 'connected'],
    );
    const d = events[0];
    assert.ok(d.kind === 'disconnected');
    assert.equal(d.cause, 'network');
    assert.equal(d.closeCode, 160);
    assert.equal(d.explanation, 'keep-alive timed out');
    assert.equal(d.source, 'state');
    assert.equal(d.clientId, 'd:org123:sensor:s-7');
  });
  it('uses the aliases and the close-code fallback of platform-contract.md §6', () => {
    const [d] = eventsFromState(
      state({
        connectionStatus: 'disconnected',
        lastDisconnectTime: '2020-01-01T00:00:00Z',
        disconnectedBy: 'client',
        mqttDisconnectReasonCode: 0,
      }),
    );
    assert.ok(d.kind === 'disconnected');
    assert.equal(d.cause, 'client');
    assert.equal(d.mqttReasonCode, 0);
    const [byCode] = eventsFromState(
      state({ connectionStatus: 'disconnected', lastDisconnectTime: '2020-01-01T00:00:00Z', closeCode: 288 }),
    );
    assert.equal(byCode.kind === 'disconnected' && byCode.cause, 'takeover');
    const [byReason] = eventsFromState(
      state({ connectionStatus: 'disconnected', lastDisconnectTime: '2020-01-01T00:00:00Z', reasonCode: 142 }),
    );
    assert.equal(byReason.kind === 'disconnected' && byReason.cause, 'takeover');
  });
  it('calls the close of a client that never connected a failed connect', () => {
    const [f] = eventsFromState(
      state({ connectionStatus: 'disconnected', lastDisconnectTime: '2020-01-01T00:00:00Z', closeCode: 180 }),
    );
    assert.equal(f.kind, 'failedConnect');
  });
  it('says nothing it does not know', () => {
    assert.deepEqual(eventsFromState(state({ connectionStatus: 'connected' })), []);
    const [d] = eventsFromState(state({ lastDisconnectTime: '2020-01-01T00:00:00Z' }));
    assert.equal(d.kind === 'disconnected' && d.cause, 'unknown');
  });
});
