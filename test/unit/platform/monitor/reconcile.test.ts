// Reconciliation with a stand-in REST client (its answers are the point here; the real one is
// exercised against the sandbox in monitor.sandbox.test.ts) and the real presence book.

import * as assert from 'node:assert/strict';
import { normaliseClientState, type ClientState } from '../../../../src/core/clientState';
import { closedConnection, tokenAuthSucceeded } from '../../../../src/core/connectionLog';
import { PresenceBook } from '../../../../src/core/presence/book';
import { PlatformError, reconcile, type LogPage } from '../../../../src/platform';

const t = (s: number) => Date.UTC(2024, 0, 1, 0, 0, s);
const iso = (s: number) => new Date(t(s)).toISOString();

function record(fields: Record<string, unknown>): ClientState {
  const r = normaliseClientState({ clientType: 'device', ...fields });
  assert.ok(r);
  return r;
}

function fakeRest(
  records: Record<string, ClientState | PlatformError>,
  logs: Record<string, { message: string; timestamp: string }[] | PlatformError> = {},
) {
  const calls: string[] = [];
  return {
    calls,
    async getClientState(id: string) {
      calls.push(`state ${id}`);
      const r = records[id];
      if (r instanceof PlatformError) throw r;
      return r;
    },
    async *streamConnectionLog(request: { typeId: string; deviceId: string }): AsyncGenerator<LogPage> {
      calls.push(`log ${request.deviceId}`);
      const entries = logs[request.deviceId] ?? [];
      if (entries instanceof PlatformError) throw entries;
      yield {
        entries: entries.map((e) => ({ ...e, time: Date.parse(e.timestamp) })),
        offset: 0,
        limit: 20,
        flagged: 0,
      };
    },
  };
}

describe('platform reconcile', () => {
  function bookKnowing(...clients: [string, 'Connect' | 'Disconnect' | undefined, number][]) {
    const book = new PresenceBook();
    for (const [id, action, s] of clients) {
      book.pin(id);
      if (action) book.applyMonitor({ Action: action, ClientID: id, Time: iso(s) }, true, t(s));
    }
    return book;
  }

  it('reports what each record says happened after what the book knew, oldest first', async () => {
    const book = bookKnowing(['d:o:t:a', 'Connect', 10], ['d:o:t:b', 'Connect', 10], ['a:o:app', 'Connect', 10]);
    const rest = fakeRest(
      {
        'd:o:t:a': record({
          id: 'd:o:t:a',
          connectionStatus: 'connected',
          lastConnectTime: iso(40),
          lastDisconnectTime: iso(30),
          closeCode: 160,
        }),
        'd:o:t:b': record({ id: 'd:o:t:b', connectionStatus: 'connected', lastConnectTime: iso(10) }),
        'a:o:app': record({
          id: 'a:o:app',
          clientType: 'application',
          connectionStatus: 'disconnected',
          lastConnectTime: iso(10),
          lastDisconnectTime: iso(25),
        }),
      },
      {
        a: [
          { message: tokenAuthSucceeded('d:o:t:a', '10.0.0.1'), timestamp: iso(40) },
          { message: closedConnection('10.0.0.1', 160), timestamp: iso(30) },
          { message: tokenAuthSucceeded('d:o:t:a', '10.0.0.1'), timestamp: iso(27) },
          { message: closedConnection('10.0.0.1', 91), timestamp: iso(24) },
        ],
      },
    );
    const report = await reconcile(rest, book, { offlineSince: t(20) });
    assert.deepEqual(
      report.transitions.map((x) => [x.clientId, x.change, x.time]),
      [
        ['a:o:app', 'disconnected', t(25)],
        ['d:o:t:a', 'disconnected', t(30)],
        ['d:o:t:a', 'reconnected', t(40)],
      ],
    );
    // The record shows two steps of a; its log shows all four.
    assert.deepEqual(
      report.missed.get('d:o:t:a')?.map((e) => [e.kind, e.time]),
      [
        ['disconnected', t(24)],
        ['connected', t(27)],
        ['disconnected', t(30)],
        ['connected', t(40)],
      ],
    );
    assert.ok(!report.missed.has('d:o:t:b'), 'nothing missed of an unchanged device');
    assert.ok(
      !rest.calls.includes('log d:o:t:b') && !rest.calls.some((c) => c.startsWith('log b')),
      'an unchanged device costs no log call',
    );
    // Applications have no log: their record's steps in the window, and no more.
    assert.ok(!rest.calls.includes('log app'));
    assert.deepEqual(
      report.missed.get('a:o:app')?.map((e) => [e.kind, e.time]),
      [['disconnected', t(25)]],
    );
    assert.deepEqual(report.incomplete, []);
    assert.equal(report.records.size, 3);
  });

  it('lists unknown clients and failures, and keeps what it could read', async () => {
    const book = bookKnowing(['d:o:t:gone', undefined, 0], ['d:o:t:err', undefined, 0], ['d:o:t:nolog', 'Connect', 10]);
    const rest = fakeRest(
      {
        'd:o:t:gone': new PlatformError({ kind: 'notFound', message: 'no' }),
        'd:o:t:err': new PlatformError({ kind: 'server', message: 'boom' }),
        'd:o:t:nolog': record({
          id: 'd:o:t:nolog',
          connectionStatus: 'disconnected',
          lastConnectTime: iso(10),
          lastDisconnectTime: iso(30),
        }),
      },
      { nolog: new PlatformError({ kind: 'notFound', message: 'no such type' }) },
    );
    const report = await reconcile(rest, book, { offlineSince: t(20) });
    assert.deepEqual(report.unknown, ['d:o:t:gone']);
    assert.deepEqual(report.failures.map((f) => [f.clientId, f.error.kind]).sort(), [
      ['d:o:t:err', 'server'],
      ['d:o:t:nolog', 'notFound'],
    ]);
    assert.deepEqual(
      report.transitions.map((x) => [x.clientId, x.change]),
      [['d:o:t:nolog', 'disconnected']],
      'the record still counts when its log fails',
    );
  });

  it('reads no log when asked not to', async () => {
    const book = bookKnowing(['d:o:t:a', 'Connect', 10]);
    const rest = fakeRest({
      'd:o:t:a': record({
        id: 'd:o:t:a',
        connectionStatus: 'disconnected',
        lastConnectTime: iso(10),
        lastDisconnectTime: iso(30),
      }),
    });
    const report = await reconcile(rest, book, { offlineSince: t(20), history: false });
    assert.deepEqual(rest.calls, ['state d:o:t:a']);
    assert.equal(report.transitions.length, 1);
    assert.deepEqual(
      report.missed.get('d:o:t:a')?.map((e) => e.kind),
      ['disconnected'],
    );
  });

  it('marks an application that both connected and disconnected while offline as possibly incomplete', async () => {
    const book = bookKnowing(['a:o:app', 'Connect', 10]);
    const rest = fakeRest({
      'a:o:app': record({
        id: 'a:o:app',
        clientType: 'application',
        connectionStatus: 'connected',
        lastConnectTime: iso(40),
        lastDisconnectTime: iso(30),
      }),
    });
    const report = await reconcile(rest, book, { offlineSince: t(20), offlineMs: 30_000 });
    assert.deepEqual(
      report.missed.get('a:o:app')?.map((e) => e.kind),
      ['disconnected', 'connected'],
    );
    assert.deepEqual(report.incomplete, ['a:o:app']);
  });

  it('stops when cancelled', async () => {
    const book = bookKnowing(['d:o:t:a', 'Connect', 10]);
    const rest = fakeRest({ 'd:o:t:a': new PlatformError({ kind: 'cancelled', message: 'cancelled' }) });
    await assert.rejects(
      reconcile(rest, book, { offlineSince: 0 }),
      (e: unknown) => e instanceof PlatformError && e.kind === 'cancelled',
    );
  });
});
