import * as assert from 'node:assert/strict';
import type { ClientStateWire } from '../../../../src/core/clientState';
import { SandboxStore } from '../../../../src/server/store/store';
import type { StoreOp } from '../../../../src/server/store/types';

function recording(): { ops: StoreOp[]; journal: { append(op: StoreOp): void; close(): void } } {
  const ops: StoreOp[] = [];
  return { ops, journal: { append: (op) => void ops.push(structuredClone(op)), close() {} } };
}

const state: ClientStateWire = {
  id: 'd:org1x2:sensor:s-01',
  clientType: 'device',
  connectionStatus: 'connected',
  lastConnectTime: '2024-01-01T00:00:00.000Z',
  lastActivityEvent: 'mqttConnect',
  lastActivityTime: '2024-01-01T00:00:00.000Z',
  mqttConnectProtocol: '3.1.1',
};

describe('sandbox store', () => {
  it('journals an activity-only change as a small op, anything else as the whole record', () => {
    const { ops, journal } = recording();
    const store = new SandboxStore(journal);
    store.putState(state);
    const published = {
      ...state,
      lastActivityEvent: 'mqttPublish' as const,
      lastActivityTime: '2024-01-01T00:01:00.000Z',
    };
    store.putState(published);
    store.putState({ ...published, connectionStatus: 'disconnected', lastDisconnectTime: '2024-01-01T00:02:00.000Z' });
    assert.deepEqual(
      ops.map((o) => o.op),
      ['state.put', 'state.activity', 'state.put'],
    );
    assert.ok(JSON.stringify(ops[1]).length < 120);

    // Replaying the journal gives the same records, and the queries see the new activity time.
    const copy = new SandboxStore();
    copy.replay(ops);
    assert.deepEqual(copy.getState(state.id), store.getState(state.id));
    const published2 = new SandboxStore();
    published2.replay(ops.slice(0, 2));
    const query = { filter: { lastActivityAfter: Date.parse('2024-01-01T00:00:30.000Z') }, sort: [], limit: 10 };
    assert.equal(published2.queryStates(query).total, 1);
    assert.equal(published2.getState(state.id)?.lastActivityEvent, 'mqttPublish');
  });

  it('replays an activity op to the same record the caller gave', () => {
    const { ops, journal } = recording();
    const store = new SandboxStore(journal);
    const { lastActivityEvent: _e, lastActivityTime: _t, ...bare } = state;
    store.putState(bare);
    store.putState(state);
    assert.equal(ops[1].op, 'state.activity');
    const copy = new SandboxStore();
    copy.replay(ops);
    assert.deepEqual(JSON.parse(JSON.stringify(copy.getState(state.id))), state);
  });

  it('counts live operations so a journal knows when to compact', () => {
    const store = new SandboxStore();
    store.addType({ id: 'sensor', createdDateTime: 'x' });
    store.addDevice({ typeId: 'sensor', deviceId: 's', gateway: false, tokenHash: 'h', createdDateTime: 'x' });
    store.addDevice({ typeId: 'sensor', deviceId: 's', gateway: false, tokenHash: 'h2', createdDateTime: 'x' });
    store.putState(state);
    for (let i = 0; i < 5000; i++) store.appendLog('sensor', 's', { message: `m${i}`, timestamp: 'x' });
    assert.equal(store.liveOpCount(), [...store.snapshot()].length);
    store.deleteDevice('sensor', 's');
    store.setClientStateEnabled(false);
    assert.equal(store.liveOpCount(), [...store.snapshot()].length);
    assert.equal(store.deviceCount(), 0);
  });
});
