// Fuzz: connection-log pages from the wire (platform-contract.md §3): any entries, objects or not,
// are read (readLogEntry) and classified (eventsFromLog) without a throw; every entry becomes at
// most one event of a known kind, an unknown line is kept as "other", messages stay bounded.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { closedConnection, tokenAuthFailed, tokenAuthSucceeded } from '../../../../src/core/connectionLog';
import { eventsFromLog } from '../../../../src/core/events';
import { MAX_LOG_MESSAGE, readLogEntry } from '../../../../src/platform/rest/logs';
import { anyValue, checkProperty, hostileText } from '../../support/fuzz';

const ip = fc.oneof(fc.ipV4(), hostileText());
const message = fc.oneof(
  fc.tuple(ip, fc.constantFrom(0, 91, 160, 180, 288, 999)).map(([a, c]) => closedConnection(a, c)),
  fc.tuple(hostileText(), ip).map(([id, a]) => tokenAuthSucceeded(id, a)),
  fc.tuple(hostileText(), ip).map(([id, a]) => tokenAuthFailed(id, a)),
  hostileText(),
  anyValue(),
);
const entry = fc.oneof(
  fc.record(
    {
      message,
      timestamp: fc.oneof(
        fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'x' : d.toISOString())),
        hostileText(),
      ),
    },
    { requiredKeys: [] },
  ),
  anyValue(),
);
const KINDS = ['connected', 'failedConnect', 'disconnected', 'other'];

describe('fuzz: connection-log pages', function () {
  this.timeout(30_000);

  it('readLogEntry and eventsFromLog: any page; bounded messages, known kinds, no more events than entries', () => {
    checkProperty(
      'log.page',
      fc.property(fc.array(entry, { maxLength: 40 }), (page) => {
        const entries = page.map(readLogEntry);
        for (const e of entries) {
          assert.equal(typeof e.message, 'string');
          assert.ok(e.message.length <= MAX_LOG_MESSAGE);
          assert.ok(e.time === undefined || Number.isFinite(e.time));
        }
        const events = eventsFromLog(entries.map((e) => ({ message: e.message, timestamp: e.timestamp })));
        assert.ok(events.length <= entries.length);
        for (const e of events) {
          assert.ok(KINDS.includes(e.kind));
          assert.equal(e.source, 'log');
        }
        assert.ok(Array.isArray(eventsFromLog(page as unknown[])), 'raw values too');
      }),
      1000,
    );
  });
});
