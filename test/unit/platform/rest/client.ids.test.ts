// Client ids of any form through the REST client, against the real server's API (platform-contract.md §7.2): the
// records an observing server keeps for them, their logs by client id, the clientIdContains and clientType=other
// filters, and reconciliation of such a client. The store is written directly, as an observed broker's source does.

import * as assert from 'node:assert/strict';
import type { ClientStateWire } from '../../../../src/core/clientState';
import { clientTypeOfId } from '../../../../src/core/ids';
import { PresenceBook } from '../../../../src/core/presence/book';
import { isPlatformError } from '../../../../src/platform/errors';
import { reconcile } from '../../../../src/platform/monitor/reconcile';
import { PlatformRestClient } from '../../../../src/platform/rest/client';
import { idOfBytes, LONGEST_CLIENT_ID, ODD_CLIENT_IDS } from '../../../support/clientIds';
import { startTestSandbox, type TestSandbox } from '../../../support/sandbox';
import { failure } from '../support/clients';

const T0 = Date.UTC(2026, 11, 3, 10, 0, 0);
const iso = (s: number) => new Date(T0 + s * 1000).toISOString();
const IDS = [...ODD_CLIENT_IDS, LONGEST_CLIENT_ID];

function record(id: string, i: number): ClientStateWire {
  return {
    id,
    clientType: clientTypeOfId(id),
    connectionStatus: i % 2 === 0 ? 'connected' : 'disconnected',
    lastConnectTime: iso(i),
    ...(i % 2 === 1 ? { lastDisconnectTime: iso(i + 1), closeCode: 160, disconnectInitiator: 'network' as const } : {}),
    keepAliveSeconds: 30,
    clientAddr: '127.0.0.1',
    clientPort: 40000 + i,
    node: 'rabbit@node-1',
    observed: 'live',
  };
}

describe('platform REST client: client ids of any form (platform-contract.md §7.2)', () => {
  let sandbox: TestSandbox;
  let rest: PlatformRestClient;
  before(async () => {
    sandbox = await startTestSandbox();
    IDS.forEach((id, i) => {
      sandbox.store.putState(record(id, i));
      sandbox.store.appendClientLog(id, {
        message: `Connected: ClientID='${id}', ClientIP=127.0.0.1, ClientPort=${40000 + i}, KeepAlive=30`,
        timestamp: iso(i),
      });
    });
    const { apiUrl, apiKey, apiToken } = sandbox.ready;
    rest = new PlatformRestClient({ apiUrl, apiKey, apiToken });
  });
  after(async () => {
    rest.dispose();
    await sandbox.close();
  });

  it('reads the record of each id, the longest an MQTT client can have too, and what the server observed', async () => {
    for (const [i, id] of IDS.entries()) {
      const s = await rest.getClientState(id);
      assert.equal(s.id, id);
      assert.equal(s.clientType, 'other');
      assert.deepEqual(
        [s.keepAliveSeconds, s.clientPort, s.node, s.observed],
        [30, 40000 + i, 'rabbit@node-1', 'live'],
      );
    }
    const missing = await failure(rest.getClientState('not/seen #1'));
    assert.ok(isPlatformError(missing, 'notFound'));
  });

  it("reads each id's log by client id, and pages it", async () => {
    for (const id of IDS) {
      const page = await rest.getConnectionLog({ clientId: id, limit: 5 });
      assert.equal(page.entries.length, 1, id.slice(0, 30));
      assert.equal(page.entries[0].message.startsWith(`Connected: ClientID='${id}'`), true);
    }
    const other = 'kitchen/sensor 7';
    for (let i = 0; i < 45; i++) {
      sandbox.store.appendClientLog(other, { message: `line ${i}`, timestamp: iso(100 + i) });
    }
    const pages = [];
    for await (const page of rest.streamConnectionLog({ clientId: other })) pages.push(page.entries.length);
    assert.deepEqual(pages, [20, 20, 5]);
    const window = await rest.getConnectionLog({ clientId: other, fromTime: T0 + 110_000, toTime: T0 + 119_000 });
    assert.equal(window.entries.length, 10);
  });

  it('refuses a client id no MQTT client can have, before any call', async () => {
    assert.ok(isPlatformError(await failure(rest.getConnectionLog({ clientId: '' })), 'badRequest'));
    const tooLong = idOfBytes(65536, 'x');
    assert.ok(isPlatformError(await failure(rest.getConnectionLog({ clientId: tooLong })), 'badRequest'));
  });

  it('filters by clientType other and by a part of the id, case-sensitively, wildcards as plain text', async () => {
    const all = await rest.listClientStates({ query: { clientType: 'other' }, limit: 100 });
    assert.equal(all.totalRows, IDS.length);
    const part = async (clientIdContains: string) =>
      (await rest.listClientStates({ query: { clientIdContains }, limit: 100 })).records.map((r) => r.id).sort();
    assert.deepEqual(await part('+and#'), ['plus+and#hash']);
    assert.deepEqual(await part('100% '), ['100% sure']);
    assert.deepEqual(await part('/kitchen/'), ['sensor/kitchen/1']);
    assert.deepEqual(await part('SENSOR'), []);
    assert.deepEqual(await part('🚀'), [ODD_CLIENT_IDS[9], 'emoji 🚀 ünïcödé', LONGEST_CLIENT_ID].sort());
  });

  it('reconciles a pinned client of another form: its record, then its log of the offline window', async () => {
    const id = 'reconciled/one';
    sandbox.store.putState({ ...record(id, 1), lastConnectTime: iso(200), lastDisconnectTime: iso(205) });
    sandbox.store.appendClientLog(id, {
      message: `Connected: ClientID='${id}', ClientIP=127.0.0.1, ClientPort=50000, KeepAlive=30`,
      timestamp: iso(200),
    });
    sandbox.store.appendClientLog(id, {
      message: 'Closed connection from 127.0.0.1. The connection timed out.',
      timestamp: iso(205),
    });
    const book = new PresenceBook();
    book.pin(id);
    book.applyMonitor({ Action: 'Connect', ClientID: id, Time: iso(150) }, true, T0 + 150_000);
    const report = await reconcile(rest, book, { offlineSince: T0 + 190_000, offlineMs: 30_000 });
    assert.deepEqual(report.failures, []);
    assert.deepEqual(
      report.missed.get(id)?.map((e) => e.kind),
      ['connected', 'disconnected'],
    );
    assert.equal(book.get(id)?.status, 'disconnected');
  });
});
