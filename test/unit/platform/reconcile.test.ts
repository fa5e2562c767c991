// Missed transitions from a state record: pure, no network.

import * as assert from 'node:assert/strict';
import { normaliseClientState } from '../../../src/core/clientState';
import { missedTransitions, reconcile, PlatformError, type KnownClient } from '../../../src/platform';

const t = (s: number) => Date.UTC(2024, 0, 1, 0, 0, s);
const iso = (s: number) => new Date(t(s)).toISOString();

function record(fields: Record<string, unknown>) {
  const r = normaliseClientState({ id: 'd:o:t:x', clientType: 'device', ...fields });
  assert.ok(r);
  return r;
}

describe('platform reconcile', () => {
  const known: KnownClient = { clientId: 'd:o:t:x', status: 'connected', since: t(10) };

  it('reports nothing when nothing changed', () => {
    assert.deepEqual(missedTransitions(known, record({ connectionStatus: 'connected', lastConnectTime: iso(10), lastDisconnectTime: iso(5) }), t(20)), []);
  });

  it('reports a disconnect after what was known, with its cause', () => {
    const out = missedTransitions(known, record({ connectionStatus: 'disconnected', lastConnectTime: iso(10), lastDisconnectTime: iso(30), closeCode: 160 }), t(20));
    assert.deepEqual(out, [{ clientId: 'd:o:t:x', kind: 'disconnect', time: t(30), closeCode: 160, closeReason: undefined, initiator: 'network', mqttReasonCode: 141 }]);
  });

  it('reports a disconnect and a reconnect in time order', () => {
    const out = missedTransitions(known, record({ connectionStatus: 'connected', lastConnectTime: iso(40), lastDisconnectTime: iso(30), closeCode: 93 }), t(20));
    assert.deepEqual(out.map((x) => [x.kind, x.time]), [['disconnect', t(30)], ['connect', t(40)]]);
  });

  it('infers a change the times do not show, and says so', () => {
    const out = missedTransitions(known, record({ connectionStatus: 'disconnected', lastConnectTime: iso(10), lastDisconnectTime: iso(9) }), t(20));
    assert.equal(out.length, 1);
    assert.equal(out[0].kind, 'disconnect');
    assert.equal(out[0].inferred, true);
  });

  it('uses the offline time when nothing was known of the client', () => {
    const out = missedTransitions({ clientId: 'd:o:t:x', status: 'unknown' }, record({ connectionStatus: 'connected', lastConnectTime: iso(25), lastDisconnectTime: iso(15) }), t(20));
    assert.deepEqual(out.map((x) => x.kind), ['connect']);
  });

  it('reconciles many clients: records, 404s, failures, and clients that may have flapped more', async () => {
    const records: Record<string, Record<string, unknown>> = {
      'd:o:t:a': { id: 'd:o:t:a', connectionStatus: 'connected', lastConnectTime: iso(40), lastDisconnectTime: iso(30) },
      'd:o:t:b': { id: 'd:o:t:b', connectionStatus: 'disconnected', lastConnectTime: iso(5), lastDisconnectTime: iso(25) },
    };
    const rest = {
      async getClientState(id: string) {
        if (id === 'd:o:t:gone') throw new PlatformError({ kind: 'notFound', message: 'no' });
        if (id === 'd:o:t:err') throw new PlatformError({ kind: 'server', message: 'boom' });
        return record(records[id]);
      },
    };
    const report = await reconcile(rest, ['a', 'b', 'gone', 'err'].map((d) => ({ clientId: `d:o:t:${d}`, status: 'connected' as const, since: t(10) })), { offlineSince: t(20) });
    assert.deepEqual(report.transitions.map((x) => [x.clientId, x.kind, x.time]), [
      ['d:o:t:b', 'disconnect', t(25)], ['d:o:t:a', 'disconnect', t(30)], ['d:o:t:a', 'connect', t(40)],
    ]);
    assert.deepEqual(report.unknown, ['d:o:t:gone']);
    assert.deepEqual(report.failures.map((f) => [f.clientId, f.error.kind]), [['d:o:t:err', 'server']]);
    assert.deepEqual(report.possiblyMore, ['d:o:t:a']);
    assert.equal(report.records.size, 2);
  });

  it('stops when cancelled', async () => {
    const rest = { getClientState: async () => { throw new PlatformError({ kind: 'cancelled', message: 'cancelled' }); } };
    await assert.rejects(reconcile(rest, [known], { offlineSince: 0 }), (e: unknown) => e instanceof PlatformError && e.kind === 'cancelled');
  });
});
