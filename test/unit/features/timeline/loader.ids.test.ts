// A timeline of a client whose id is not of the platform's form (platform-contract.md §7.2), against the real
// server's API: its log is read by client id, its connect lines carry the port and keep-alive, and a hostile id
// stays the text it is. The store is written as an observed broker's source writes it.
import * as assert from 'node:assert/strict';
import { PlatformRestClient } from '../../../../src/platform';
import { TimelineLoader } from '../../../../src/features/timeline/loader';
import { subjectOf } from '../../../../src/features/timeline/subject';
import { LONGEST_CLIENT_ID, ODD_CLIENT_IDS } from '../../../support/clientIds';
import { startTestSandbox, type TestSandbox } from '../../../support/sandbox';

const T = Date.UTC(2026, 11, 3, 10);
const iso = (s: number) => new Date(T + s * 1000).toISOString();

function seed(sb: TestSandbox, id: string, cycles: number): void {
  for (let i = 0; i < cycles; i++) {
    const s = i * 60;
    sb.store.appendClientLog(id, {
      message: `Connected: ClientID='${id}', ClientIP=127.0.0.1, ClientPort=${41000 + i}, KeepAlive=2`,
      timestamp: iso(s),
    });
    sb.store.appendClientLog(id, {
      message: 'Closed connection from 127.0.0.1. The connection timed out.',
      timestamp: iso(s + 5),
    });
  }
  sb.store.appendClientLog(id, { message: 'Broker said something new', timestamp: iso(cycles * 60) });
  sb.store.putState({
    id,
    clientType: 'other',
    connectionStatus: 'disconnected',
    lastConnectTime: iso((cycles - 1) * 60),
    lastDisconnectTime: iso((cycles - 1) * 60 + 5),
    closeCode: 160,
    disconnectInitiator: 'network',
    keepAliveSeconds: 2,
    observed: 'live',
  });
}

describe('features/timeline/loader: a client of an observed broker', () => {
  let sandbox: TestSandbox;
  let rest: PlatformRestClient;
  before(async () => {
    sandbox = await startTestSandbox();
    const { apiUrl, apiKey, apiToken } = sandbox.ready;
    rest = new PlatformRestClient({ apiUrl, apiKey, apiToken });
  });
  after(async () => {
    rest.dispose();
    await sandbox.close();
  });

  it('has a log by client id, and names the client by its whole id', () => {
    const { subject, logAddress } = subjectOf('kitchen/sensor 7');
    assert.deepEqual(subject, { clientId: 'kitchen/sensor 7', name: 'kitchen/sensor 7', kind: 'other', hasLog: true });
    assert.deepEqual(logAddress, { clientId: 'kitchen/sensor 7' });
    assert.deepEqual(subjectOf('a:org1x2:app').subject.hasLog, false);
    assert.equal(subjectOf('').subject.kind, 'unknown');
  });

  it('reads every page of its log, the port and keep-alive of each connect, and keeps the unknown line', async () => {
    const id = 'kitchen/sensor 7';
    seed(sandbox, id, 30);
    const loader = new TimelineLoader(subjectOf(id), rest, () => undefined);
    await loader.start();
    const snap = loader.snapshot();
    assert.equal(snap.status, 'disconnected');
    assert.equal(snap.progress?.state, 'done');
    const kinds = snap.events.map((e) => e.kind);
    assert.equal(kinds.filter((k) => k === 'connected').length, 30);
    assert.equal(kinds.filter((k) => k === 'disconnected').length, 30);
    assert.deepEqual(
      snap.events.filter((e) => e.kind === 'other').map((e) => e.kind === 'other' && e.raw),
      ['Broker said something new'],
    );
    const first = snap.events.find((e) => e.kind === 'connected');
    assert.deepEqual([first?.clientPort, first?.keepAliveSeconds, first?.clientId], [41000, 2, id]);
    assert.deepEqual(
      snap.notices.map((n) => n.id),
      ['unknown'],
    );
    loader.dispose();
  });

  it('reads the logs of hostile ids, the longest a broker accepts too, as text', async () => {
    for (const id of [...ODD_CLIENT_IDS, LONGEST_CLIENT_ID]) {
      seed(sandbox, id, 2);
      const loader = new TimelineLoader(subjectOf(id), rest, () => undefined);
      await loader.start();
      const snap = loader.snapshot();
      const connects = snap.events.filter((e) => e.kind === 'connected');
      assert.equal(connects.length, 2, id.slice(0, 30));
      assert.ok(connects.every((e) => e.clientId === id));
      assert.equal(snap.subject.clientId, id);
      loader.dispose();
    }
  });
});
