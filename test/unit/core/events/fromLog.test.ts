import * as assert from 'node:assert/strict';
import { eventsFromLog, type ConnectivityEvent } from '../../../../src/core/events';
import {
  closedConnection,
  tokenAuthFailed,
  tokenAuthSucceeded,
  apiKeyAuthFailed,
} from '../../../../src/core/connectionLog';
import { HOSTILE_STRINGS, MEGABYTE } from '../hostile';

const T0 = Date.UTC(2024, 0, 1, 12, 0, 0);
const at = (s: number): string => new Date(T0 + s * 1000).toISOString();
/** The API serves newest first; tests write oldest first and reverse. */
const served = (...entries: [number, string][]) =>
  entries.map(([s, message]) => ({ message, timestamp: at(s) })).reverse();
const kinds = (events: ConnectivityEvent[]) => events.map((e) => e.kind);

describe('core/events/fromLog', () => {
  it('turns a history into events, oldest first', () => {
    const events = eventsFromLog(
      served(
        [0, tokenAuthSucceeded('d:o:t:x', '10.0.0.1')],
        [60, closedConnection('10.0.0.1', 160)],
        [90, tokenAuthSucceeded('d:o:t:x', '10.0.0.1')],
        [120, 'Closed connection from 10.0.0.1. The connection was closed by the client.'],
      ),
    );
    assert.deepEqual(kinds(events), ['connected', 'disconnected', 'connected', 'disconnected']);
    assert.deepEqual(
      events.map((e) => e.time),
      [0, 60, 90, 120].map((s) => T0 + s * 1000),
    );
    const timeout = events[1];
    assert.ok(timeout.kind === 'disconnected');
    assert.equal(timeout.cause, 'network');
    assert.equal(timeout.closeCode, 160);
    assert.equal(timeout.initiator, 'network');
    assert.equal(timeout.mqttReasonCode, 141);
    assert.equal(timeout.explanation, 'keep-alive timed out');
    assert.match(timeout.hint, /1\.5 × keep-alive/);
    assert.equal(timeout.clientAddr, '10.0.0.1');
    assert.equal(timeout.source, 'log');
    const byClient = events[3];
    assert.ok(byClient.kind === 'disconnected');
    assert.equal(byClient.cause, 'client');
    assert.equal(byClient.closeCode, 91);
    const connect = events[0];
    assert.ok(connect.kind === 'connected');
    assert.equal(connect.auth, 'token');
    assert.equal(connect.clientId, 'd:o:t:x');
  });

  it('makes one failed connect of "Token auth failed" and the not-authorized close after it', () => {
    const events = eventsFromLog(
      served(
        [0, tokenAuthFailed('d:o:t:x', '10.1.2.3')],
        [0.01, 'Closed connection from 10.1.2.3. The operation is not authorized.'],
      ),
    );
    assert.equal(events.length, 1);
    const failed = events[0];
    assert.ok(failed.kind === 'failedConnect');
    assert.equal(failed.auth, 'token');
    assert.equal(failed.clientId, 'd:o:t:x');
    assert.equal(failed.clientAddr, '10.1.2.3');
    assert.equal(failed.closeCode, 180);
    assert.equal(failed.reason, 'The operation is not authorized.');
    assert.equal(failed.explanation, 'not authorized');
    assert.equal(failed.time, T0);
  });

  it('pairs them at the same time in either listed order, after a session or at the start', () => {
    const close = { message: closedConnection('10.1.2.3', 180), timestamp: at(0) };
    const failure = { message: tokenAuthFailed('d:o:t:x', '10.1.2.3'), timestamp: at(0) };
    const earlier = served([-10, tokenAuthSucceeded('d:o:t:x', '10.0.0.1')], [-5, closedConnection('10.0.0.1', 91)]);
    // Served newest first: [close, failure] is the sandbox's order, [failure, close] the other.
    for (const ties of [
      [close, failure],
      [failure, close],
    ]) {
      for (const before of [[], earlier]) {
        const events = eventsFromLog([...ties, ...before]);
        assert.equal(events.length, before.length + 1);
        const f = events[events.length - 1];
        assert.ok(f.kind === 'failedConnect');
        assert.equal(f.auth, 'token');
        assert.equal(f.clientId, 'd:o:t:x');
        assert.equal(f.clientAddr, '10.1.2.3');
        assert.equal(f.closeCode, 180);
        assert.equal(f.reason, 'The operation is not authorized.');
      }
    }
  });

  it('keeps an API key failure with no close line as a failed connect', () => {
    const [failed] = eventsFromLog(served([5, apiKeyAuthFailed('a:o:app', '10.1.2.3')]));
    assert.ok(failed.kind === 'failedConnect');
    assert.equal(failed.auth, 'apiKey');
    assert.equal(failed.closeCode, 180);
  });

  it("does not pair a failure with another address's close", () => {
    const events = eventsFromLog(
      served(
        [0, tokenAuthSucceeded('d:o:t:x', '10.0.0.1')],
        [1, tokenAuthFailed('d:o:t:x', '10.9.9.9')],
        [2, closedConnection('10.0.0.1', 160)],
        [3, closedConnection('10.9.9.9', 180)],
      ),
    );
    assert.deepEqual(kinds(events), ['connected', 'failedConnect', 'disconnected']);
    assert.equal(events[1].clientAddr, '10.9.9.9');
    assert.equal(events[2].kind === 'disconnected' && events[2].closeCode, 160);
  });

  it('calls a not-authorized close while no session is open a failed attempt', () => {
    const events = eventsFromLog(
      served(
        [0, tokenAuthSucceeded('d:o:t:x', '10.0.0.1')],
        [10, closedConnection('10.0.0.1', 91)],
        [20, closedConnection('10.0.0.1', 180)],
      ),
    );
    assert.deepEqual(kinds(events), ['connected', 'disconnected', 'failedConnect']);
  });

  it('calls a not-authorized close during a session a server disconnect (forbidden topic)', () => {
    const events = eventsFromLog(
      served([0, tokenAuthSucceeded('d:o:t:x', '10.0.0.1')], [10, closedConnection('10.0.0.1', 180)]),
    );
    assert.deepEqual(kinds(events), ['connected', 'disconnected']);
    assert.equal(events[1].kind === 'disconnected' && events[1].cause, 'server');
  });

  it('treats a close at the start of the history as a disconnect of an earlier session', () => {
    const events = eventsFromLog(served([0, closedConnection('10.0.0.1', 180)]));
    assert.deepEqual(kinds(events), ['disconnected']);
  });

  it('reads the 2020 form with the meaning of its sentence and the number it carries', () => {
    const [e] = eventsFromLog(served([0, 'Closed connection. The connection was closed by the client or network (5)']));
    assert.ok(e.kind === 'disconnected');
    assert.equal(e.closeCode, 5);
    assert.equal(e.cause, 'client');
    assert.equal(e.mqttReasonCode, 128);
    assert.equal(e.clientAddr, undefined);
  });

  it('reads a number that contradicts nothing: "(160)" on an odd sentence', () => {
    const [e] = eventsFromLog(served([0, 'Closed connection from 1.1.1.1. Something odd happened (160)']));
    assert.ok(e.kind === 'disconnected');
    assert.equal(e.closeCode, 160);
    assert.equal(e.cause, 'network');
  });

  it('keeps a close it cannot explain as a disconnect of unknown cause, with its words', () => {
    const [e] = eventsFromLog(served([0, 'Closed connection from 1.1.1.1. The moon is full.']));
    assert.ok(e.kind === 'disconnected');
    assert.equal(e.cause, 'unknown');
    assert.equal(e.closeCode, undefined);
    assert.equal(e.explanation, 'The moon is full');
    assert.equal(e.hint, '');
  });

  it('recognises a takeover (288) and does not end the session on it', () => {
    const events = eventsFromLog(
      served(
        [0, tokenAuthSucceeded('d:o:t:x', '10.0.0.1')],
        [10, tokenAuthSucceeded('d:o:t:x', '10.0.0.2')],
        [10, closedConnection('10.0.0.1', 288)],
        [20, closedConnection('10.0.0.2', 180)],
      ),
    );
    assert.deepEqual(kinds(events), ['connected', 'connected', 'disconnected', 'disconnected']);
    assert.equal(events[2].kind === 'disconnected' && events[2].cause, 'takeover');
    // Still in a session after the takeover, so the later 180 is a disconnect, not a failed attempt.
    assert.equal(events[3].kind === 'disconnected' && events[3].cause, 'server');
  });

  it('keeps unknown lines as other, with the raw text', () => {
    const [e] = eventsFromLog(served([0, 'Device <b>rebooted</b>']));
    assert.deepEqual(
      { kind: e.kind, raw: e.kind === 'other' && e.raw },
      { kind: 'other', raw: 'Device <b>rebooted</b>' },
    );
  });

  it("sorts out-of-order entries, keeping the log's order for equal times", () => {
    const entries = [
      { message: closedConnection('10.0.0.1', 160), timestamp: at(50) },
      { message: tokenAuthSucceeded('d:o:t:x', '10.0.0.1'), timestamp: at(10) },
      { message: closedConnection('10.0.0.1', 91), timestamp: at(10) },
      { message: tokenAuthSucceeded('d:o:t:x', '10.0.0.1'), timestamp: at(30) },
    ];
    // Served newest first, so at 10 s the close (later in the array) happened before the connect.
    const events = eventsFromLog(entries);
    assert.deepEqual(
      events.map((e) => e.time),
      [10, 10, 30, 50].map((s) => T0 + s * 1000),
    );
    assert.deepEqual(kinds(events), ['disconnected', 'connected', 'connected', 'disconnected']);
  });

  it('keeps entries with no or bad timestamps, flagged, after the dated ones', () => {
    const events = eventsFromLog([
      { message: 'Device rebooted' },
      { message: closedConnection('10.0.0.1', 160), timestamp: 'yesterday' },
      { message: tokenAuthSucceeded('d:o:t:x', '10.0.0.1'), timestamp: at(0) },
      { message: 'x', timestamp: 12345 },
    ]);
    assert.equal(events.length, 4);
    assert.equal(events[0].time, T0);
    const undated = events.slice(1);
    assert.ok(undated.every((e) => e.time === undefined));
    assert.deepEqual(
      undated.map((e) => e.timeIssue),
      ['invalid', 'invalid', 'missing'],
    );
    assert.deepEqual(
      undated.map((e) => e.rawTime),
      ['12345', 'yesterday', undefined],
    );
    assert.equal(undated[1].kind, 'disconnected');
  });

  it('keeps malformed entries as other', () => {
    const events = eventsFromLog([null, 42, 'text', ['a'], { message: 5, timestamp: at(0) }] as unknown[]);
    assert.equal(events.length, 5);
    assert.ok(events.every((e) => e.kind === 'other'));
    assert.deepEqual(eventsFromLog(undefined as unknown as unknown[]), []);
  });

  it('gives the same entry the same key, and different entries different keys', () => {
    const page = served([0, tokenAuthSucceeded('d:o:t:x', '1.1.1.1')], [1, closedConnection('1.1.1.1', 160)]);
    const a = eventsFromLog(page).map((e) => e.key);
    const b = eventsFromLog(page).map((e) => e.key);
    assert.deepEqual(a, b);
    assert.equal(new Set(a).size, 2);
  });

  it('reads hostile and 1 MB messages without throwing', () => {
    const events = eventsFromLog(HOSTILE_STRINGS.map((message, i) => ({ message, timestamp: at(i) })));
    assert.equal(events.length, HOSTILE_STRINGS.length);
    const huge = eventsFromLog([{ message: MEGABYTE, timestamp: MEGABYTE }]);
    assert.equal(huge[0].kind, 'other');
    assert.equal(huge[0].rawTime?.length, 100);
  });
});
