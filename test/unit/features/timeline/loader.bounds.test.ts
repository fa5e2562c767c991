// A timeline panel may stay open for days on a chatty client: its live events and its log entries
// are kept up to a bound, the oldest going first, so memory and each re-merge stay bounded.
import * as assert from 'node:assert/strict';
import { closedConnection, tokenAuthSucceeded } from '../../../../src/core/connectionLog';
import { connectMessage, disconnectMessage } from '../../../../src/core/monitor';
import { MAX_LIVE_EVENTS, TimelineLoader } from '../../../../src/features/timeline/loader';
import { LogEntries, MAX_LOG_ENTRIES } from '../../../../src/features/timeline/logEntries';
import { subjectOf } from '../../../../src/features/timeline/subject';
import type { LogPage } from '../../../../src/platform/rest/logs';
import { iso } from './support';

const ID = 'd:tstorg:t:d';
const facts = { clientId: ID, clientAddr: '10.0.0.1', port: 1883, secure: false, protocol: 'mqtt4', durable: false };
const traffic = { readBytes: 0, readMsg: 0, writeBytes: 0, writeMsg: 0 };
const unused = {
  getConnectionLog: () => Promise.reject(new Error('not read in this test')),
  getClientState: () => Promise.reject(new Error('not read in this test')),
};

function page(from: number, n: number): LogPage {
  const entries = Array.from({ length: n }, (_, i) => {
    const s = from - i;
    const message = i % 2 === 0 ? closedConnection('10.0.0.1', 160) : tokenAuthSucceeded(ID, '10.0.0.1');
    return { message, timestamp: iso(s), time: Date.parse(iso(s)) };
  });
  return { entries, offset: 0, limit: n, flagged: 0 };
}

describe('features/timeline: bounded while open', () => {
  // The bounds as shipped; the tests run with smaller ones (each live message re-merges all).
  it('ships bounds of 2000 live events and 5000 log entries', () => {
    assert.equal(MAX_LIVE_EVENTS, 2_000);
    assert.equal(MAX_LOG_ENTRIES, 5_000);
  });

  it('keeps the newest live events up to its bound, and still knows a retained message seen again', () => {
    const max = 200;
    const loader = new TimelineLoader(subjectOf(ID), unused, () => undefined, Date.now, max);
    const total = max + 50;
    for (let i = 0; i < total; i++) {
      const message =
        i % 2 === 0 ? connectMessage(facts, iso(i)) : disconnectMessage(facts, iso(i), iso(i - 1), 160, traffic);
      loader.addMonitor(message, Date.now());
    }
    const events = loader.events();
    assert.equal(events.length, max);
    assert.equal(events.at(-1)?.time, Date.parse(iso(total - 1)), 'the newest is kept');
    assert.equal(events[0].time, Date.parse(iso(50)), 'the oldest went first');
    loader.addMonitor(connectMessage(facts, iso(total - 2)), Date.now());
    assert.equal(loader.events().length, max, 'a retained message seen again adds nothing');
    assert.equal(loader.snapshot().status, 'disconnected');
    loader.dispose();
  });

  it('keeps the newest log entries up to its bound through catch-ups and older pages', () => {
    const max = 500;
    const log = new LogEntries(Date.now, max);
    log.addPage(page(1_000_000, 20));
    for (let round = 1; round <= 40; round++) log.addNewest(page(1_000_000 + round * 20, 20));
    assert.equal(log.size, max);
    assert.equal(log.events.length, max);
    const times = log.events.map((e) => e.time ?? 0);
    assert.equal(Math.max(...times), Date.parse(iso(1_000_000 + 40 * 20)), 'the newest is kept');
    log.addPage(page(900_000, 20));
    assert.equal(log.size, max, 'an older page beyond the bound is let go');
    assert.equal(log.addNewest(page(1_000_000 + 40 * 20, 20)), 0, 'entries kept are still known');
  });
});
