import * as assert from 'node:assert/strict';
import { eventFromMonitor } from '../../../../src/core/events';
import {
  connectMessage,
  disconnectMessage,
  failedConnectMessage,
  parseMonitorPayload,
  type ConnectionFacts,
  type MonitorMessage,
} from '../../../../src/core/monitor';
import { HOSTILE_STRINGS } from '../hostile';

const facts: ConnectionFacts = {
  clientId: 'd:7gnple:type1:ps1',
  clientAddr: '195.212.29.65',
  port: 1883,
  secure: false,
  protocol: 'mqtt4',
  user: 'use-token-auth',
  durable: false,
};
const traffic = { readBytes: 127, readMsg: 0, writeBytes: 9, writeMsg: 0 };
const T = '2018-01-02T16:52:14.296Z';

function read(payload: string): MonitorMessage {
  const parsed = parseMonitorPayload(payload);
  assert.ok(parsed.ok);
  return parsed.message;
}

describe('core/events/fromMonitor', () => {
  it("reads the contract's Connect example", () => {
    const e = eventFromMonitor(
      read(
        '{"Action":"Connect","Time":"2018-01-02T16:51:10.558Z","ClientAddr":"195.212.29.65",' +
          '"ClientID":"d:7gnple:type1:ps1","Port":1883,"Secure":false,"Protocol":"mqtt4","Durable":false,' +
          '"User":"use-token-auth"}',
      ),
    );
    assert.ok(e.kind === 'connected');
    assert.equal(e.time, Date.UTC(2018, 0, 2, 16, 51, 10, 558));
    assert.equal(e.auth, 'token');
    assert.equal(e.clientId, 'd:7gnple:type1:ps1');
    assert.equal(e.clientAddr, '195.212.29.65');
    assert.equal(e.protocol, 'mqtt4');
    assert.equal(e.port, 1883);
    assert.equal(e.secure, false);
    assert.equal(e.source, 'monitor');
    assert.equal(e.timeIssue, undefined);
  });
  it("reads the contract's Disconnect example, with its connect time", () => {
    const e = eventFromMonitor(
      read(
        '{"Action":"Disconnect","Time":"2018-01-02T16:52:14.296Z","ClientAddr":"195.212.29.65",' +
          '"ClientID":"d:7gnple:type1:ps1","Port":1883,"Secure":false,"Protocol":"mqtt4",' +
          '"ConnectTime":"2018-01-02T16:51:10.557Z","CloseCode":91,' +
          '"Reason":"The connection was closed by the client",' +
          '"ReadBytes":127,"ReadMsg":0,"WriteBytes":9,"WriteMsg":0}',
      ),
    );
    assert.ok(e.kind === 'disconnected');
    assert.equal(e.cause, 'client');
    assert.equal(e.closeCode, 91);
    assert.equal(e.mqttReasonCode, 128);
    assert.equal(e.reason, 'The connection was closed by the client');
    assert.equal(e.connectTime, Date.UTC(2018, 0, 2, 16, 51, 10, 557));
  });
  it('reads an absent CloseCode as 0, a clean disconnect', () => {
    const e = eventFromMonitor(disconnectMessage(facts, T, T, 0, traffic));
    assert.ok(e.kind === 'disconnected');
    assert.equal(e.closeCode, 0);
    assert.equal(e.cause, 'client');
    assert.equal(e.mqttReasonCode, 0);
  });
  it('reads a Reason without CloseCode by its words', () => {
    const e = eventFromMonitor({ Action: 'Disconnect', Time: T, Reason: 'The connection timed out' });
    assert.ok(e.kind === 'disconnected');
    assert.equal(e.closeCode, 160);
    assert.equal(e.cause, 'network');
  });
  it('classifies every close code the sandbox sends', () => {
    const causes: Record<number, string> = {
      0: 'client',
      91: 'client',
      92: 'server',
      160: 'network',
      164: 'network',
      180: 'server',
      288: 'takeover',
    };
    for (const [code, cause] of Object.entries(causes)) {
      const e = eventFromMonitor(disconnectMessage(facts, T, T, Number(code), traffic));
      assert.equal(e.kind === 'disconnected' && e.cause, cause, code);
    }
  });
  it('reads FailedConnect with its auth detail', () => {
    const e = eventFromMonitor(failedConnectMessage(facts, T, 180));
    assert.ok(e.kind === 'failedConnect');
    assert.equal(e.auth, 'token');
    assert.equal(e.closeCode, 180);
    assert.equal(e.explanation, 'not authorized');
    assert.equal(e.clientAddr, '195.212.29.65');
    const app = eventFromMonitor({ ...failedConnectMessage({ ...facts, user: 'a-org123-abcdefghij' }, T, 180) });
    assert.equal(app.kind === 'failedConnect' && app.auth, 'apiKey');
  });
  it('keeps an unknown Action as other, with the message', () => {
    const e = eventFromMonitor({ Action: 'Reboot', Time: T, ClientID: 'x' });
    assert.ok(e.kind === 'other');
    assert.equal(e.raw, '{"Action":"Reboot","Time":"2018-01-02T16:52:14.296Z","ClientID":"x"}');
    assert.equal(eventFromMonitor({}).kind, 'other');
  });
  it('uses the receipt time for a missing or bad Time, flagged', () => {
    const missing = eventFromMonitor({ Action: 'Connect' }, 1234);
    assert.equal(missing.time, 1234);
    assert.equal(missing.timeIssue, 'missing');
    const bad = eventFromMonitor({ Action: 'Connect', Time: 'soon' }, 1234);
    assert.equal(bad.time, 1234);
    assert.equal(bad.timeIssue, 'invalid');
    assert.equal(bad.rawTime, 'soon');
    assert.equal(eventFromMonitor({ Action: 'Connect' }).time, undefined);
  });
  it('gives a re-delivered message the same key and the two sides of a takeover different keys', () => {
    const connect = connectMessage(facts, T);
    assert.equal(eventFromMonitor(connect).key, eventFromMonitor({ ...connect }).key);
    const old = disconnectMessage(facts, T, T, 288, traffic);
    const fresh = connectMessage({ ...facts, clientAddr: '10.0.0.2' }, T);
    assert.notEqual(eventFromMonitor(old).key, eventFromMonitor(fresh).key);
    assert.notEqual(eventFromMonitor(connect).key, eventFromMonitor(fresh).key);
  });
  it('survives hostile field values', () => {
    for (const s of HOSTILE_STRINGS.slice(0, -1)) {
      for (const Action of ['Connect', 'FailedConnect', 'Disconnect', s]) {
        const e = eventFromMonitor({ Action, Time: s, ClientID: s, Reason: s, User: s, ConnectTime: s, ClientAddr: s });
        assert.ok(e.key.length < 100);
      }
    }
    assert.equal(eventFromMonitor(null as unknown as MonitorMessage).kind, 'other');
  });
  it('reads an object that was never parsed as parseMonitorPayload would, and never throws', () => {
    const bare = Object.assign(Object.create(null) as object, { Action: Symbol('x'), Time: { toString: null } });
    const throwing = new Proxy(
      {},
      {
        get() {
          throw new Error('hostile getter');
        },
      },
    );
    const odd: unknown[] = [
      { Action: 'Disconnect', Reason: 42, CloseCode: '160', ConnectTime: 7 },
      { Action: 'FailedConnect', Reason: { trim: 1 }, User: ['use-token-auth'], CloseCode: Number.NaN },
      { Action: 'Connect', Port: 10n, Secure: 'yes', Protocol: 4 },
      bare,
      throwing,
      'Disconnect',
      42,
      [],
    ];
    for (const value of odd) {
      const e = eventFromMonitor(value as MonitorMessage, 1000);
      let text: string | undefined;
      try {
        text = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? undefined : v));
      } catch {
        text = undefined; // the proxy: nothing can be read of it
      }
      const parsed = text === undefined ? undefined : parseMonitorPayload(text);
      if (parsed?.ok) assert.deepEqual(e, eventFromMonitor(parsed.message, 1000));
      assert.ok(e.key.length < 100);
    }
    const dropped = eventFromMonitor({ Action: 'Disconnect', Reason: 42 } as unknown as MonitorMessage);
    assert.equal(dropped.kind, 'disconnected');
    assert.equal(dropped.kind === 'disconnected' && dropped.closeCode, 0, 'a Reason that is not text is missing');
  });
});
