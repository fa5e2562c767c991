// Fuzz: monitor payloads from the wire (platform-contract.md §4.2) are read, never trusted — any
// bytes, any JSON, any object that was never parsed: no throw, only fields of their type, one
// event of a known kind with a bounded key, the same whichever way the message arrived.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { eventFromMonitor } from '../../../src/core/events';
import { monitorFields, parseMonitorPayload, type MonitorMessage } from '../../../src/core/monitor';
import { anyValue, checkProperty, hostileText } from '../support/fuzz';

const KINDS = ['connected', 'failedConnect', 'disconnected', 'other'];
const FIELD_TYPES: Record<string, string> = {
  Action: 'string',
  Time: 'string',
  ClientAddr: 'string',
  ClientID: 'string',
  Protocol: 'string',
  User: 'string',
  Certname: 'string',
  ConnectTime: 'string',
  Reason: 'string',
  Node: 'string',
  Port: 'number',
  CloseCode: 'number',
  ReadBytes: 'number',
  ReadMsg: 'number',
  WriteBytes: 'number',
  WriteMsg: 'number',
  KeepAlive: 'number',
  ClientPort: 'number',
  Secure: 'boolean',
  Durable: 'boolean',
};

/** Monitor-shaped objects: the real fields, each with a plausible or a hostile value. */
const monitorish = fc.record(
  {
    Action: fc.oneof(fc.constantFrom('Connect', 'FailedConnect', 'Disconnect'), hostileText(), anyValue()),
    Time: fc.oneof(
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      hostileText(),
      anyValue(),
    ),
    ClientID: fc.oneof(hostileText(), anyValue()),
    ClientAddr: fc.oneof(fc.ipV4(), fc.ipV6(), hostileText()),
    CloseCode: fc.oneof(fc.constantFrom(0, 91, 160, 176, 180, 288), fc.integer(), fc.double(), anyValue()),
    Reason: fc.oneof(hostileText(), anyValue()),
    ConnectTime: fc.oneof(hostileText(), anyValue()),
    User: fc.oneof(fc.constantFrom('use-token-auth', 'a-org1x2-abcdefghij'), hostileText()),
    Port: fc.oneof(fc.integer(), anyValue()),
  },
  { requiredKeys: [] },
);

describe('fuzz: monitor payloads', function () {
  this.timeout(30_000);

  it('parseMonitorPayload: any text or bytes; an object keeps only fields of their type', () => {
    const payload = fc.oneof(
      hostileText(),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      monitorish.map((m) => JSON.stringify(m, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)) ?? ''),
      fc.uint8Array({ maxLength: 200 }),
    );
    checkProperty(
      'monitor.parse',
      fc.property(payload, (p) => {
        const parsed = parseMonitorPayload(p);
        if (!parsed.ok) return assert.equal(typeof parsed.error, 'string');
        for (const [field, value] of Object.entries(parsed.message)) {
          assert.equal(typeof value, FIELD_TYPES[field], field);
          if (typeof value === 'number') assert.ok(Number.isFinite(value));
        }
      }),
    );
  });

  it('eventFromMonitor: any value, parsed or not; one event of a known kind, as its parsed form gives', () => {
    checkProperty(
      'monitor.event',
      fc.property(fc.oneof(monitorish, anyValue()), fc.integer({ min: 0, max: 4e12 }), (value, receivedAt) => {
        const e = eventFromMonitor(value as MonitorMessage, receivedAt);
        assert.ok(KINDS.includes(e.kind), e.kind);
        assert.ok(e.key.length < 100);
        assert.equal(e.source, 'monitor');
        assert.ok(e.time === undefined || Number.isFinite(e.time));
        assert.deepEqual(e, eventFromMonitor(monitorFields(value), receivedAt));
      }),
    );
  });
});
