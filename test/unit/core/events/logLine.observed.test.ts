// The lines an observing server writes in a client's log (platform-contract.md §7.2), read back: the writer's own
// words, parts left out when the broker did not tell them, and ids that hold anything a broker accepts.
import * as assert from 'node:assert/strict';
import { eventsFromLog, readLogLine } from '../../../../src/core/events';
import {
  observedClosed,
  observedConnected,
  observedConnectFailed,
  type ObservedConnectFacts,
} from '../../../../src/core/connectionLog';
import { LONGEST_CLIENT_ID, ODD_CLIENT_IDS } from '../../../support/clientIds';
import { HOSTILE_STRINGS } from '../hostile';

const connected = (
  id: string,
  f: ObservedConnectFacts = { clientIp: '127.0.0.1', clientPort: 41458, keepAliveSeconds: 30 },
) => observedConnected(id, f);

describe('core/events/logLine: an observing server', () => {
  it('reads a connect line with its address, source port and keep-alive', () => {
    assert.deepEqual(readLogLine(connected('sensor/kitchen/1')), {
      type: 'auth',
      succeeded: true,
      method: 'unknown',
      clientId: 'sensor/kitchen/1',
      clientIp: '127.0.0.1',
      clientPort: 41458,
      keepAliveSeconds: 30,
    });
  });

  it('reads the parts the broker told, and leaves out the rest (RabbitMQ tells no keep-alive)', () => {
    assert.deepEqual(readLogLine(connected('c', { clientIp: '::1', clientPort: 5 })), {
      type: 'auth',
      succeeded: true,
      method: 'unknown',
      clientId: 'c',
      clientIp: '::1',
      clientPort: 5,
    });
    assert.deepEqual(readLogLine(connected('c', {})), {
      type: 'auth',
      succeeded: true,
      method: 'unknown',
      clientId: 'c',
    });
    assert.deepEqual(readLogLine(observedConnectFailed('c', '10.0.0.9')), {
      type: 'auth',
      succeeded: false,
      method: 'unknown',
      clientId: 'c',
      clientIp: '10.0.0.9',
    });
  });

  it("keeps every id whole, one that imitates the line's own words too", () => {
    for (const id of [...ODD_CLIENT_IDS, LONGEST_CLIENT_ID, "x', ClientIP=6.6.6.6, ClientPort=1, KeepAlive=2"]) {
      const fact = readLogLine(connected(id));
      assert.equal(fact.type === 'auth' && fact.clientId, id, id.slice(0, 40));
      assert.equal(fact.type === 'auth' && fact.clientIp, '127.0.0.1');
    }
  });

  it('calls a line whose tail is not its own other, and survives hostile lines', () => {
    assert.equal(readLogLine("Connected: ClientID='c', ClientIP=1.2.3.4, Color=red").type, 'other');
    assert.equal(readLogLine("Connected: ClientID='c").type, 'other');
    assert.equal(readLogLine('Connected: someone').type, 'other');
    for (const s of HOSTILE_STRINGS) {
      assert.ok(['auth', 'closed', 'other'].includes(readLogLine(`Connected: ClientID='${s}`).type));
    }
  });

  it('makes events of them, with the port and keep-alive, and pairs a failed connect with its close', () => {
    const events = eventsFromLog([
      {
        message: 'Closed connection from 10.0.0.9. The operation is not authorized.',
        timestamp: '2026-12-03T10:00:03Z',
      },
      { message: observedConnectFailed('kitchen 1', '10.0.0.9'), timestamp: '2026-12-03T10:00:03Z' },
      { message: observedClosed('127.0.0.1', 160, ''), timestamp: '2026-12-03T10:00:02Z' },
      { message: connected('kitchen 1'), timestamp: '2026-12-03T10:00:00Z' },
    ]);
    assert.deepEqual(
      events.map((e) => e.kind),
      ['connected', 'disconnected', 'failedConnect'],
    );
    assert.deepEqual([events[0].clientPort, events[0].keepAliveSeconds, events[0].clientId], [41458, 30, 'kitchen 1']);
    assert.equal(events[1].kind === 'disconnected' && events[1].closeCode, 160);
    assert.equal(events[2].kind === 'failedConnect' && events[2].closeCode, 180);
    const [missed] = eventsFromLog([
      {
        message: observedClosed(undefined, undefined, 'disconnected while the broker was not observed'),
        timestamp: '2026-12-03T10:00:01Z',
      },
    ]);
    assert.ok(missed.kind === 'disconnected' && missed.closeCode === undefined && missed.clientAddr === undefined);
    assert.equal(missed.reason, 'Disconnected while the broker was not observed.');
  });
});
