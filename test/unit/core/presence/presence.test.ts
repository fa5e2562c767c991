import * as assert from 'node:assert/strict';
import { Presence, type PresenceTransition } from '../../../../src/core/presence/presence';
import {
  connectMessage,
  disconnectMessage,
  failedConnectMessage,
  type ConnectionFacts,
  type MonitorMessage,
} from '../../../../src/core/monitor';
import { normaliseClientState, type ClientState } from '../../../../src/core/clientState';
import { iso, sec } from '../fixtures';

const ID = 'd:org123:sensor:s-7';
const facts = (addr = '10.0.0.1'): ConnectionFacts => ({
  clientId: ID,
  clientAddr: addr,
  port: 8883,
  secure: true,
  protocol: 'mqtt4',
  user: 'use-token-auth',
  durable: false,
});
const traffic = { readBytes: 0, readMsg: 0, writeBytes: 0, writeMsg: 0 };
const connect = (s: number, addr?: string): MonitorMessage => connectMessage(facts(addr), iso(s));
const disconnect = (s: number, code: number, addr?: string): MonitorMessage =>
  disconnectMessage(facts(addr), iso(s), iso(0), code, traffic);
const failed = (s: number): MonitorMessage => failedConnectMessage(facts('10.9.9.9'), iso(s), 180);
const brief = (ts: PresenceTransition[]) => ts.map((t) => `${t.from}>${t.to}:${t.change}:${t.notify}`);
function record(fields: Record<string, unknown>): ClientState {
  const s = normaliseClientState({ id: ID, clientType: 'device', ...fields });
  assert.ok(s);
  return s;
}

describe('core/presence/presence', () => {
  it('is unknown until something is known', () => {
    const p = new Presence(ID);
    assert.deepEqual(p.snapshot(), { clientId: ID, status: 'unknown' });
  });
  it('takes the retained message on subscribe as the initial state, without notifying', () => {
    const p = new Presence(ID);
    assert.deepEqual(brief(p.applyMonitor(connect(0), true, sec(100))), ['unknown>connected:connected:none']);
    assert.equal(p.snapshot().since, sec(0));
    const q = new Presence(ID);
    const [t] = q.applyMonitor(disconnect(5, 160), true, sec(100));
    assert.deepEqual(brief([t]), ['unknown>disconnected:disconnected:none']);
    assert.equal(t.initial, true);
    assert.equal(q.snapshot().lastDisconnect?.closeCode, 160);
  });
  it('notifies disconnects and failed connects, and reconnects quietly', () => {
    const p = new Presence(ID);
    p.applyMonitor(connect(0), true, 0);
    assert.deepEqual(brief(p.applyMonitor(disconnect(10, 160), false, 0)), [
      'connected>disconnected:disconnected:alert',
    ]);
    assert.deepEqual(brief(p.applyMonitor(failed(12), false, 0)), ['disconnected>disconnected:failedConnect:alert']);
    assert.deepEqual(brief(p.applyMonitor(connect(20), false, 0)), ['disconnected>connected:reconnected:quiet']);
    assert.equal(p.snapshot().since, sec(20));
    assert.equal(p.snapshot().lastFailure?.closeCode, 180);
  });
  it('stays connected through a takeover when the 288 comes first', () => {
    const p = new Presence(ID);
    p.applyMonitor(connect(0, 'A'), true, 0);
    assert.deepEqual(brief(p.applyMonitor(disconnect(30, 288, 'A'), false, 0)), ['connected>connected:takeover:quiet']);
    assert.deepEqual(brief(p.applyMonitor(connect(30.1, 'B'), false, 0)), []);
    assert.equal(p.snapshot().status, 'connected');
    assert.equal(p.snapshot().since, sec(0));
  });
  it('stays connected through a takeover when the newer connect comes first', () => {
    const p = new Presence(ID);
    p.applyMonitor(connect(0, 'A'), true, 0);
    assert.deepEqual(brief(p.applyMonitor(connect(30, 'B'), false, 0)), []);
    assert.deepEqual(brief(p.applyMonitor(disconnect(30.1, 288, 'A'), false, 0)), [
      'connected>connected:takeover:quiet',
    ]);
    assert.equal(p.snapshot().status, 'connected');
  });
  it('stays connected when the 288 is stamped before the newer connect but arrives after it', () => {
    const p = new Presence(ID);
    p.applyMonitor(connect(0, 'A'), true, 0);
    p.applyMonitor(connect(30.2, 'B'), false, 0);
    assert.deepEqual(p.applyMonitor(disconnect(30.1, 288, 'A'), false, 0), []);
    assert.equal(p.snapshot().status, 'connected');
  });
  it('reads a retained 288 as connected', () => {
    const p = new Presence(ID);
    assert.deepEqual(brief(p.applyMonitor(disconnect(30, 288), true, 0)), ['unknown>connected:takeover:none']);
  });
  it('ignores duplicates, and messages older than the latest applied', () => {
    const p = new Presence(ID);
    p.applyMonitor(connect(0), true, 0);
    assert.deepEqual(p.applyMonitor(connect(0), true, 0), [], 'the retained message again, after a resubscribe');
    p.applyMonitor(disconnect(10, 160), false, 0);
    assert.deepEqual(p.applyMonitor(disconnect(10, 160), false, 0), []);
    assert.deepEqual(p.applyMonitor(connect(5), false, 0), [], 'stale: older than the disconnect');
    assert.deepEqual(p.applyMonitor(failed(9), false, 0), [], 'stale');
    assert.equal(p.snapshot().status, 'disconnected');
  });
  it('reports a change a re-delivered retained message reveals (missed while the watcher was away)', () => {
    const p = new Presence(ID);
    p.applyMonitor(connect(0), true, 0);
    assert.deepEqual(brief(p.applyMonitor(disconnect(50, 160), true, 0)), [
      'connected>disconnected:disconnected:alert',
    ]);
  });
  it("ignores other clients' messages and unknown actions", () => {
    const p = new Presence(ID);
    assert.deepEqual(p.applyMonitor({ ...connect(0), ClientID: 'd:org123:sensor:other' }, true, 0), []);
    assert.deepEqual(p.applyMonitor({ Action: 'Reboot', Time: iso(0), ClientID: ID }, false, 0), []);
    assert.deepEqual(p.applyMonitor(null as unknown as MonitorMessage, false, 0), []);
    assert.equal(p.snapshot().status, 'unknown');
  });
  it('orders a message without Time by its receipt time', () => {
    const p = new Presence(ID);
    p.applyMonitor(connect(0), true, 0);
    assert.deepEqual(brief(p.applyMonitor({ Action: 'Disconnect', ClientID: ID, CloseCode: 160 }, false, sec(5))), [
      'connected>disconnected:disconnected:alert',
    ]);
  });

  describe('with state records', () => {
    it('takes the first record as the initial state, as one transition', () => {
      const p = new Presence(ID);
      const ts = p.applyState(
        record({
          connectionStatus: 'disconnected',
          lastConnectTime: iso(0),
          lastDisconnectTime: iso(10),
          closeCode: 160,
        }),
      );
      assert.deepEqual(brief(ts), ['unknown>disconnected:disconnected:none']);
      assert.equal(p.snapshot().since, sec(10));
      assert.equal(p.snapshot().lastDisconnect?.closeCode, 160);
    });
    it('takes a record without times as the status', () => {
      const p = new Presence(ID);
      assert.deepEqual(brief(p.applyState(record({ connectionStatus: 'connected' }))), [
        'unknown>connected:connected:none',
      ]);
      assert.equal(p.snapshot().since, undefined);
    });
    it('reports what a reconciling record reveals, in order', () => {
      const p = new Presence(ID);
      p.applyMonitor(disconnect(10, 160), true, 0);
      const ts = p.applyState(
        record({
          connectionStatus: 'disconnected',
          lastConnectTime: iso(20),
          lastDisconnectTime: iso(30),
          closeCode: 91,
        }),
      );
      assert.deepEqual(brief(ts), [
        'disconnected>connected:reconnected:quiet',
        'connected>disconnected:disconnected:alert',
      ]);
    });
    it('ignores a lagging record', () => {
      const p = new Presence(ID);
      p.applyMonitor(connect(0), true, 0);
      p.applyMonitor(disconnect(40, 160), false, 0);
      assert.deepEqual(
        p.applyState(record({ connectionStatus: 'connected', lastConnectTime: iso(0), lastDisconnectTime: iso(-5) })),
        [],
      );
      assert.equal(p.snapshot().status, 'disconnected');
    });
    it('adds nothing when it says what the monitor said', () => {
      const p = new Presence(ID);
      p.applyMonitor(connect(0), true, 0);
      p.applyMonitor(failed(5), false, 0);
      assert.deepEqual(p.applyState(record({ connectionStatus: 'connected', lastConnectTime: iso(0) })), []);
    });
    it('applies the 288 rule to a record', () => {
      const p = new Presence(ID);
      p.applyMonitor(connect(0), true, 0);
      const ts = p.applyState(
        record({
          connectionStatus: 'disconnected',
          lastConnectTime: iso(0),
          lastDisconnectTime: iso(9),
          closeCode: 288,
        }),
      );
      assert.deepEqual(brief(ts), ['connected>connected:takeover:quiet']);
      assert.equal(p.snapshot().status, 'connected');
    });
    it("lets the record's status outrank contradictory times", () => {
      const p = new Presence(ID);
      p.applyMonitor(connect(0), true, 0);
      const ts = p.applyState(
        record({ connectionStatus: 'connected', lastConnectTime: iso(5), lastDisconnectTime: iso(9), closeCode: 160 }),
      );
      assert.equal(p.snapshot().status, 'connected');
      assert.deepEqual(brief(ts), [
        'connected>disconnected:disconnected:alert',
        'disconnected>connected:reconnected:quiet',
      ]);
    });
    it('ignores records of other clients and of unknown status', () => {
      const p = new Presence(ID);
      assert.deepEqual(p.applyState({ ...record({ connectionStatus: 'connected' }), id: 'd:x:y:z' }), []);
      assert.deepEqual(p.applyState(record({ connectionStatus: 'maybe' })), []);
    });
  });
});
