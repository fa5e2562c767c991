import * as assert from 'node:assert/strict';
import {
  eventFromMonitor,
  eventsFromLog,
  eventsFromState,
  mergeEvents,
  type ConnectivityEvent,
} from '../../../../src/core/events';
import { closedConnection, tokenAuthSucceeded } from '../../../../src/core/connectionLog';
import { normaliseClientState } from '../../../../src/core/clientState';

const T0 = Date.UTC(2024, 0, 1, 12, 0, 0);
const iso = (ms: number): string => new Date(T0 + ms).toISOString();
const log = (...entries: [number, string][]) =>
  eventsFromLog(entries.map(([ms, message]) => ({ message, timestamp: iso(ms) })).reverse());
const connect = (ms: number, addr = '10.0.0.1') =>
  eventFromMonitor({ Action: 'Connect', Time: iso(ms), ClientID: 'd:o:t:x', ClientAddr: addr });
const disconnect = (ms: number, code?: number) =>
  eventFromMonitor({
    Action: 'Disconnect',
    Time: iso(ms),
    ClientID: 'd:o:t:x',
    ClientAddr: '10.0.0.1',
    ...(code !== undefined ? { CloseCode: code } : {}),
  });
const summary = (events: ConnectivityEvent[]) =>
  events.map(
    (e) => `${e.kind}@${(e.time ?? NaN) - T0}:${e.source}${e.alsoSeenIn?.length ? `+${e.alsoSeenIn.join('+')}` : ''}`,
  );

describe('core/events/merge', () => {
  it('makes one event of the same instant and kind from two sources', () => {
    const merged = mergeEvents([
      log([0, tokenAuthSucceeded('d:o:t:x', '10.0.0.1')], [5000, closedConnection('10.0.0.1', 160)]),
      [connect(0), disconnect(5000, 160)],
    ]);
    assert.deepEqual(summary(merged), ['connected@0:log+monitor', 'disconnected@5000:log+monitor']);
  });
  it('tolerates clock skew up to the tolerance, and not beyond', () => {
    const a = mergeEvents([log([0, tokenAuthSucceeded('d:o:t:x', '10.0.0.1')]), [connect(800)]]);
    assert.deepEqual(summary(a), ['connected@0:log+monitor']);
    const b = mergeEvents([log([0, tokenAuthSucceeded('d:o:t:x', '10.0.0.1')]), [connect(1500)]]);
    assert.deepEqual(summary(b), ['connected@0:log', 'connected@1500:monitor']);
    const c = mergeEvents([log([0, tokenAuthSucceeded('d:o:t:x', '10.0.0.1')]), [connect(1500)]], {
      toleranceMs: 2000,
    });
    assert.deepEqual(summary(c), ['connected@0:log+monitor']);
  });
  it('pairs each report with the nearest one, one partner per source', () => {
    const merged = mergeEvents([
      log([0, tokenAuthSucceeded('d:o:t:x', '10.0.0.1')], [900, tokenAuthSucceeded('d:o:t:x', '10.0.0.1')]),
      [connect(850), connect(20)],
    ]);
    assert.deepEqual(summary(merged), ['connected@0:log+monitor', 'connected@900:log+monitor']);
  });
  it('never merges two reports of one source, nor different kinds or causes', () => {
    const merged = mergeEvents([
      [connect(0, '10.0.0.1'), connect(0, '10.0.0.2'), disconnect(0, 288)],
      [disconnect(10, 160)],
    ]);
    assert.deepEqual(summary(merged), [
      'connected@0:monitor',
      'connected@0:monitor',
      'disconnected@0:monitor',
      'disconnected@10:monitor',
    ]);
  });
  it('never pairs across a report both sources share, however close in time', () => {
    // The log (read when the panel opened) and the live feed (the retained Connect, then a new
    // drop 500 ms after the log's): the new drop is not the old one, though within the tolerance.
    const merged = mergeEvents([
      log(
        [0, tokenAuthSucceeded('d:o:t:x', '10.0.0.1')],
        [200, closedConnection('10.0.0.1', 94)],
        [250, tokenAuthSucceeded('d:o:t:x', '10.0.0.1')],
      ),
      [connect(250), disconnect(700, 94)],
    ]);
    assert.deepEqual(summary(merged), [
      'connected@0:log',
      'disconnected@200:log',
      'connected@250:log+monitor',
      'disconnected@700:monitor',
    ]);
    // The same drop read later from the log pairs with the live one, not with the older drop.
    const reread = mergeEvents([
      log(
        [0, tokenAuthSucceeded('d:o:t:x', '10.0.0.1')],
        [200, closedConnection('10.0.0.1', 94)],
        [250, tokenAuthSucceeded('d:o:t:x', '10.0.0.1')],
        [700, closedConnection('10.0.0.1', 94)],
      ),
      [connect(250), disconnect(700, 94)],
    ]);
    assert.deepEqual(summary(reread), [
      'connected@0:log',
      'disconnected@200:log',
      'connected@250:log+monitor',
      'disconnected@700:log+monitor',
    ]);
    // A live reconnect is not the log's older connect either, when a connect both saw lies between.
    const again = mergeEvents([
      log(
        [0, tokenAuthSucceeded('d:o:t:x', '10.0.0.1')],
        [200, closedConnection('10.0.0.1', 94)],
        [250, tokenAuthSucceeded('d:o:t:x', '10.0.0.1')],
      ),
      [connect(250), disconnect(700, 94), connect(800)],
    ]);
    assert.deepEqual(summary(again), [
      'connected@0:log',
      'disconnected@200:log',
      'connected@250:log+monitor',
      'disconnected@700:monitor',
      'connected@800:monitor',
    ]);
  });
  it('drops a report seen twice (a re-read page, a re-delivered retained message)', () => {
    const page = log([0, tokenAuthSucceeded('d:o:t:x', '10.0.0.1')]);
    const merged = mergeEvents([
      [...page, ...page],
      [connect(0), connect(0)],
    ]);
    assert.deepEqual(summary(merged), ['connected@0:log+monitor']);
  });
  it("completes a vague report with the other source's close detail", () => {
    const merged = mergeEvents([log([0, 'Closed connection from 10.0.0.1. Something odd.']), [disconnect(3, 164)]]);
    assert.equal(merged.length, 1);
    const d = merged[0];
    assert.ok(d.kind === 'disconnected');
    assert.equal(d.source, 'log');
    assert.equal(d.closeCode, 164);
    assert.equal(d.cause, 'network');
    assert.equal(d.time, T0);
  });
  it("merges the 2020 log form with the monitor's known code", () => {
    const merged = mergeEvents([
      log([0, 'Closed connection. The connection was closed by the client or network (5)']),
      [disconnect(0, 91)],
    ]);
    assert.deepEqual(summary(merged), ['disconnected@0:log+monitor']);
  });
  it("merges the state record's times with the log's", () => {
    const record = normaliseClientState({
      id: 'd:o:t:x',
      connectionStatus: 'disconnected',
      lastConnectTime: iso(0),
      lastDisconnectTime: iso(5000),
      closeCode: 160,
    });
    assert.ok(record);
    const merged = mergeEvents([
      log([0, tokenAuthSucceeded('d:o:t:x', '10.0.0.1')], [5000, closedConnection('10.0.0.1', 160)]),
      [],
      eventsFromState(record),
    ]);
    assert.deepEqual(summary(merged), ['connected@0:log+state', 'disconnected@5000:log+state']);
  });
  it('makes one failed connect of a refusal the state record calls a disconnect', () => {
    // The sandbox records a refused attempt in the state as a disconnect with code 180.
    const record = normaliseClientState({
      id: 'd:o:t:x',
      connectionStatus: 'disconnected',
      lastConnectTime: iso(0),
      lastDisconnectTime: iso(9000),
      closeCode: 180,
    });
    assert.ok(record);
    const refused = eventFromMonitor({
      Action: 'FailedConnect',
      Time: iso(9000),
      ClientID: 'd:o:t:x',
      ClientAddr: '10.9.9.9',
      CloseCode: 180,
      User: 'use-token-auth',
    });
    const merged = mergeEvents([[], [connect(0), refused], eventsFromState(record)]);
    assert.deepEqual(summary(merged), ['connected@0:monitor+state', 'failedConnect@9000:monitor+state']);
    const stateFirst = mergeEvents([eventsFromState(record), [refused]]);
    assert.deepEqual(summary(stateFirst), ['connected@0:state', 'failedConnect@9000:state+monitor']);
    const f = stateFirst[1];
    assert.ok(f.kind === 'failedConnect');
    assert.equal(f.auth, 'token');
    assert.equal('cause' in f, false);
    const timeout = mergeEvents([[disconnect(9000, 160)], [refused]]);
    assert.equal(timeout.length, 2, 'a timeout is not a refusal');
  });
  it('sorts out-of-order input and puts undated events last', () => {
    const undated = eventFromMonitor({ Action: 'Connect' });
    const merged = mergeEvents([[disconnect(9000), undated, connect(0)], [connect(4000, '10.0.0.9')]]);
    assert.deepEqual(
      merged.map((e) => (e.time === undefined ? 'undated' : e.time - T0)),
      [0, 4000, 9000, 'undated'],
    );
  });
  it('keeps every other event', () => {
    const merged = mergeEvents([log([0, 'odd'], [0, 'odder']), [eventFromMonitor({ Action: 'Odd', Time: iso(0) })]]);
    assert.equal(merged.length, 3);
  });
  it('merges 50,000 events from three sources', () => {
    const logs: ConnectivityEvent[] = [];
    const mons: ConnectivityEvent[] = [];
    const [up, down] = [connect(0), disconnect(0, 160)];
    for (let i = 0; i < 25_000; i++) {
      const e = { ...(i % 2 === 0 ? up : down), key: `m${i}`, time: T0 + i * 10_000 };
      mons.push(e);
      logs.push({ ...e, key: `l${i}`, source: 'log', time: e.time + 5 });
    }
    const merged = mergeEvents([logs, mons]);
    assert.equal(merged.length, 25_000);
    assert.ok(merged.every((e) => e.alsoSeenIn?.[0] === 'monitor'));
  });
});
