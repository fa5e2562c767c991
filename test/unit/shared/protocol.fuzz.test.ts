// Fuzz: what crosses postMessage is read defensively on both sides (src/shared): any value as a
// webview message, a persisted view state or event columns gives a sound result or undefined,
// never a throw; a sound result reads back as itself; real events always encode to sound columns.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { eventsFromLog } from '../../../src/core/events';
import { encodeEvents, readColumns } from '../../../src/shared/eventColumns';
import { readFromView, readViewState } from '../../../src/shared/protocol';
import { anyValue, checkProperty, hostileText } from '../support/fuzz';

const fromView = fc.record(
  {
    type: fc.oneof(
      fc.constantFrom('ready', 'stopLoading', 'resumeLoading', 'reload', 'export', 'copyEntry'),
      hostileText(),
    ),
    version: fc.oneof(fc.integer(), anyValue()),
    requestId: fc.oneof(fc.integer(), fc.double(), anyValue()),
    format: fc.oneof(fc.constantFrom('csv', 'json'), hostileText()),
    key: fc.oneof(hostileText(), anyValue()),
  },
  { requiredKeys: [] },
);
const viewState = fc.record(
  {
    clientId: fc.oneof(hostileText(), anyValue()),
    range: fc.oneof(fc.constantFrom('1h', '24h', '7d', 'all'), hostileText()),
    window: fc.oneof(fc.record({ from: fc.double(), to: fc.double() }), anyValue()),
    kinds: fc.oneof(fc.array(fc.constantFrom('connected', 'failedConnect', 'disconnected', 'other', 'x')), anyValue()),
  },
  { requiredKeys: [] },
);

describe('fuzz: webview messages', function () {
  this.timeout(30_000);

  it('readFromView and readViewState: any value; a sound message reads back as itself', () => {
    checkProperty(
      'protocol.fromView',
      fc.property(fc.oneof(fromView, viewState, anyValue()), (value) => {
        // Compared as JSON, which is what crosses postMessage (it cannot tell -0 from 0).
        const again = <T>(read: (v: unknown) => T, v: T) => JSON.stringify(read(JSON.parse(JSON.stringify(v))));
        const m = readFromView(value);
        if (m !== undefined) assert.equal(again(readFromView, m), JSON.stringify(m));
        const s = readViewState(value);
        if (s !== undefined) {
          assert.ok(s.clientId.length > 0 && s.clientId.length <= 1024);
          assert.equal(again(readViewState, s), JSON.stringify(s));
        }
      }),
    );
  });

  it('readColumns: any value, or columns of real events (which are always sound)', () => {
    const lines = fc.array(fc.record({ message: hostileText(), timestamp: hostileText() }), { maxLength: 30 });
    checkProperty(
      'protocol.columns',
      fc.property(lines, anyValue(), (entries, value) => {
        const events = eventsFromLog(entries);
        const columns = readColumns(encodeEvents(events));
        assert.ok(columns !== undefined);
        assert.equal(columns.count, events.length);
        const odd = readColumns(value);
        assert.ok(odd === undefined || Number.isSafeInteger(odd.count));
      }),
      1000,
    );
  });
});
