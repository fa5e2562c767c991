// Fuzz: state records from the wire (platform-contract.md §2.3, under any of their aliases) are
// read defensively: no throw, a record only with an id, a known status, finite times; its events
// and words never throw and hold no control or bidirectional character.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { normaliseClientState } from '../../../src/core/clientState';
import { stateDetails, stateHeadline } from '../../../src/core/clientWords';
import { eventsFromState } from '../../../src/core/events/fromState';
import { anyValue, checkProperty, hostileText } from '../support/fuzz';

const time = fc.oneof(
  fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'not a time' : d.toISOString())),
  hostileText(),
);
const record = fc.record(
  {
    id: fc.oneof(fc.constantFrom('d:org1x2:sensor:s-01', 'a:org1x2:app', 'g:org1x2:gw:g-1'), hostileText(), anyValue()),
    clientId: hostileText(),
    clientType: fc.oneof(fc.constantFrom('device', 'gateway', 'application'), hostileText()),
    connectionStatus: fc.oneof(fc.constantFrom('connected', 'disconnected'), hostileText(), anyValue()),
    lastConnectTime: fc.oneof(time, anyValue()),
    lastDisconnectTime: time,
    lastActivityTime: time,
    lastActivityEvent: hostileText(),
    closeCode: fc.oneof(fc.integer({ min: -1, max: 400 }), fc.double(), anyValue()),
    closeReason: hostileText(),
    disconnectInitiator: fc.oneof(fc.constantFrom('client', 'server', 'network'), hostileText()),
    disconnectedBy: hostileText(),
    mqttReasonCode: fc.oneof(fc.integer(), anyValue()),
    mqttConnectProtocol: hostileText(),
    clientAddr: hostileText(),
    clientPort: fc.oneof(fc.integer(), anyValue()),
    keepAliveSeconds: fc.oneof(fc.integer(), anyValue()),
  },
  { requiredKeys: [] },
);
// eslint-disable-next-line no-control-regex -- asserting their absence
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('fuzz: client state records', function () {
  this.timeout(30_000);

  it('normaliseClientState: any value; a record with an id, a known status, finite times; safe words', () => {
    checkProperty(
      'clientState.normalise',
      fc.property(fc.oneof(record, anyValue()), fc.integer({ min: 0, max: 4e12 }), (value, now) => {
        const state = normaliseClientState(value);
        if (state === undefined) return;
        assert.ok(typeof state.id === 'string' && state.id.length > 0);
        assert.ok(['connected', 'disconnected', 'unknown'].includes(state.status));
        for (const t of [state.lastConnectTime, state.lastDisconnectTime, state.lastActivityTime]) {
          assert.ok(t === undefined || Number.isFinite(t));
        }
        for (const e of eventsFromState(state)) assert.ok(typeof e.key === 'string');
        assert.doesNotMatch(stateHeadline(state, now), UNSAFE);
        for (const row of stateDetails(state, now)) assert.doesNotMatch(`${row.label}${row.value}`, UNSAFE);
      }),
    );
  });
});
