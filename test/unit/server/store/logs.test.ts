import * as assert from 'node:assert/strict';
import { ConnectionLogs, logKeyOf } from '../../../../src/server/store/logs';
import { SandboxStore } from '../../../../src/server/store/store';
import type { StoreOp } from '../../../../src/server/store/types';
import { ODD_CLIENT_IDS } from '../../../support/clientIds';

describe('server store: connection logs of any client id (platform-contract.md §3, §7.2)', () => {
  it('keys a device-form id by its device, gateways too, and any other id by itself', () => {
    assert.deepEqual(logKeyOf('d:org1x2:sensor:s-1'), { typeId: 'sensor', deviceId: 's-1' });
    assert.deepEqual(logKeyOf('g:org1x2:gw:g-1'), { typeId: 'gw', deviceId: 'g-1' });
    assert.deepEqual(logKeyOf('a:org1x2:app'), { clientId: 'a:org1x2:app' });
    for (const id of ODD_CLIENT_IDS) assert.deepEqual(logKeyOf(id), { clientId: id });
  });

  it('never mixes a client key with a device key of the same text', () => {
    const logs = new ConnectionLogs();
    logs.append({ typeId: 'a', deviceId: 'b' }, { message: 'device', timestamp: 't' });
    logs.append({ clientId: 'a\u0000b' }, { message: 'client', timestamp: 't' });
    assert.deepEqual(
      logs.list({ typeId: 'a', deviceId: 'b' }).map((e) => e.message),
      ['device'],
    );
    assert.deepEqual(
      logs.list({ clientId: 'a\u0000b' }).map((e) => e.message),
      ['client'],
    );
  });

  it('journals and replays client logs and the carry of live records, to the same store', () => {
    const ops: StoreOp[] = [];
    const store = new SandboxStore({ append: (op) => void ops.push(structuredClone(op)), close() {} });
    for (const id of [...ODD_CLIENT_IDS, 'd:org1x2:sensor:s-1']) {
      store.appendClientLog(id, { message: `hello ${id}`, timestamp: '2024-01-01T00:00:00.000Z' });
      store.putState({ id, clientType: 'other', connectionStatus: 'connected', observed: 'live' });
    }
    store.putState({ id: 'from the platform', clientType: 'other', connectionStatus: 'connected' });
    store.carryStates();
    assert.ok(ops.some((o) => o.op === 'log.client') && ops.some((o) => o.op === 'log.append'));
    assert.equal(store.getState(ODD_CLIENT_IDS[0])?.observed, 'carried');
    assert.equal(store.getState('from the platform')?.observed, undefined);

    for (const replayed of [ops, [...store.snapshot()]]) {
      const copy = new SandboxStore();
      copy.replay(JSON.parse(JSON.stringify(replayed)) as StoreOp[]);
      for (const id of [...ODD_CLIENT_IDS, 'd:org1x2:sensor:s-1']) {
        assert.deepEqual(copy.listClientLog(id), store.listClientLog(id));
        assert.deepEqual(copy.getState(id), store.getState(id));
      }
    }
  });
});
