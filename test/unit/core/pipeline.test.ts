// A known history (connects, a timeout, a bad-token attempt, a takeover) as the
// sandbox reports it through all three sources, read, merged, cut into sessions and summed up.
import * as assert from 'node:assert/strict';
import {
  closedConnection,
  tokenAuthFailed,
  tokenAuthSucceeded,
  type ConnectionLogEntry,
} from '../../../src/core/connectionLog';
import {
  connectMessage,
  disconnectMessage,
  failedConnectMessage,
  type ConnectionFacts,
  type MonitorMessage,
} from '../../../src/core/monitor';
import { normaliseClientState } from '../../../src/core/clientState';
import { eventFromMonitor, eventsFromLog, eventsFromState, mergeEvents } from '../../../src/core/events';
import { buildSessions } from '../../../src/core/sessions';
import { summarize } from '../../../src/core/summary';
import { eventWords } from '../../../src/core/clientWords';
import { iso, sec } from './fixtures';

const ID = 'd:org123:sensor:s-7';
const facts = (addr: string): ConnectionFacts => ({
  clientId: ID,
  clientAddr: addr,
  port: 8883,
  secure: true,
  protocol: 'mqtt4',
  user: 'use-token-auth',
  durable: false,
});
const traffic = { readBytes: 1, readMsg: 1, writeBytes: 1, writeMsg: 1 };

function history(takeoverLogOrder: 'connectFirst' | 'closeFirst') {
  const log: [number, string][] = [
    [0, tokenAuthSucceeded(ID, 'A')],
    [100, closedConnection('A', 160)],
    [130, tokenAuthFailed(ID, 'B')],
    [130, closedConnection('B', 180)],
    [200, tokenAuthSucceeded(ID, 'A')],
    ...(takeoverLogOrder === 'connectFirst'
      ? ([
          [300, tokenAuthSucceeded(ID, 'C')],
          [300, closedConnection('A', 288)],
        ] as [number, string][])
      : ([
          [300, closedConnection('A', 288)],
          [300, tokenAuthSucceeded(ID, 'C')],
        ] as [number, string][])),
  ];
  // The API serves newest first.
  const entries: ConnectionLogEntry[] = log.map(([s, message]) => ({ message, timestamp: iso(s) })).reverse();
  const monitor: MonitorMessage[] = [
    connectMessage(facts('A'), iso(0)),
    disconnectMessage(facts('A'), iso(100), iso(0), 160, traffic),
    failedConnectMessage(facts('B'), iso(130), 180),
    connectMessage(facts('A'), iso(200)),
    disconnectMessage(facts('A'), iso(300), iso(200), 288, traffic),
    connectMessage(facts('C'), iso(300)),
  ];
  const state = normaliseClientState({
    id: ID,
    clientType: 'device',
    connectionStatus: 'connected',
    lastConnectTime: iso(300),
    lastDisconnectTime: iso(300),
    closeCode: 288,
  });
  assert.ok(state);
  return mergeEvents([eventsFromLog(entries), monitor.map((m) => eventFromMonitor(m)), eventsFromState(state)]);
}

describe('core pipeline: log + monitor + state → events → sessions → summary', () => {
  for (const order of ['connectFirst', 'closeFirst'] as const) {
    it(`tells the story once, whichever way the takeover was logged (${order})`, () => {
      const events = history(order);
      const story = events.map((e) => `${((e.time as number) - sec(0)) / 1000}s ${eventWords(e)}`);
      const takeover = 'session taken over by a newer connection with the same client id (server, code 288)';
      assert.deepEqual(story, [
        '0s connected (token auth from A)',
        '100s disconnected: keep-alive timed out (network, code 160)',
        '130s failed to connect: not authorized (server, code 180), token auth from B',
        '200s connected (token auth from A)',
        ...(order === 'connectFirst'
          ? ['300s connected (token auth from C)', `300s ${takeover}`]
          : [`300s ${takeover}`, '300s connected (token auth from C)']),
      ]);
      assert.ok(
        events.every((e) => e.source === 'log' && e.alsoSeenIn?.includes('monitor')),
        'every line was also seen live',
      );

      const h = buildSessions(events);
      assert.deepEqual(
        h.sessions.map((s) => [
          ((s.start as number) - sec(0)) / 1000,
          s.end === undefined ? 'open' : (s.end - sec(0)) / 1000,
          s.cause ?? '',
        ]),
        [
          [0, 100, 'network'],
          [200, 300, 'takeover'],
          [300, 'open', ''],
        ],
      );
      assert.deepEqual(
        h.gaps.map((g) => [(g.start - sec(0)) / 1000, ((g.end as number) - sec(0)) / 1000, g.failedAttempts]),
        [[100, 200, 1]],
      );

      const s = summarize(h, { from: sec(0), to: sec(400), status: 'connected' });
      assert.equal(s.status, 'connected');
      assert.equal(s.uptimeRatio, 0.75);
      assert.equal(s.sessions, 3);
      assert.equal(s.medianSessionMs, 100_000);
      assert.deepEqual(s.disconnectsByCause, { client: 0, server: 0, network: 1, takeover: 1, unknown: 0 });
      assert.equal(s.failedAttempts, 1);
    });
  }
});
