import * as assert from 'node:assert/strict';
import {
  clientLabel,
  closeWords,
  eventWords,
  initiatorWords,
  stateDetails,
  stateHeadline,
} from '../../../src/core/clientWords';
import { normaliseClientState, type ClientState } from '../../../src/core/clientState';
import { eventFromMonitor, eventsFromLog, resolveClose } from '../../../src/core/events';
import { HOSTILE_STRINGS } from './hostile';

const NOW = Date.UTC(2024, 5, 15, 12, 0, 0);
const ago = (ms: number) => new Date(NOW - ms).toISOString();
function state(fields: Record<string, unknown>): ClientState {
  const s = normaliseClientState({ id: 'd:org123:sensor:sensor-7', clientType: 'device', ...fields });
  assert.ok(s);
  return s;
}

describe('core/clientWords', () => {
  it('names a client by its device or app id', () => {
    assert.equal(clientLabel('d:org123:sensor:sensor-7'), 'sensor-7');
    assert.equal(clientLabel('a:org123:dashboard'), 'dashboard');
    assert.equal(clientLabel('A:org123:dash:i-2'), 'dash:i-2');
    assert.equal(clientLabel('\u202Eevil<b>'), 'evil<\u2009b>');
  });
  it('explains a close with its initiator and code', () => {
    assert.equal(closeWords(resolveClose({ closeCode: 160 })), 'keep-alive timed out (network, code 160)');
    assert.equal(closeWords(resolveClose({ closeCode: 999 })), 'unknown close code (code 999)');
    assert.equal(closeWords(resolveClose({})), 'closed for an unknown reason');
    assert.equal(closeWords(resolveClose({ reason: 'Strange things' })), 'Strange things');
    assert.equal(initiatorWords('network'), 'the network (nothing arrived in time)');
  });
  it('gives the headline the issue asks for', () => {
    assert.equal(
      stateHeadline(state({ connectionStatus: 'disconnected', lastDisconnectTime: ago(60_000), closeCode: 160 }), NOW),
      'sensor-7 disconnected: keep-alive timed out (network, code 160)',
    );
    assert.equal(
      stateHeadline(state({ connectionStatus: 'connected', lastConnectTime: ago(180_000) }), NOW),
      'sensor-7 connected 3 min. ago',
    );
    assert.equal(stateHeadline(state({ connectionStatus: 'connected' }), NOW), 'sensor-7 connected');
    assert.equal(stateHeadline(state({ connectionStatus: '??' }), NOW), 'sensor-7: status unknown');
    assert.equal(
      stateHeadline(state({ connectionStatus: 'disconnected', disconnectedBy: 'client', mqttReasonCode: 0 }), NOW),
      'sensor-7 disconnected: normal disconnection (client)',
    );
  });
  it('explains every field of a record in rows', () => {
    const rows = stateDetails(
      state({
        connectionStatus: 'disconnected',
        lastConnectTime: ago(7_200_000),
        lastDisconnectTime: ago(60_000),
        disconnectInitiator: 'network',
        mqttReasonCode: 141,
        closeCode: 160,
        closeReason: 'The connection timed out',
        lastActivityEvent: 'mqttPublish',
        lastActivityTime: ago(90_000),
        mqttConnectProtocol: '3.1.1',
      }),
      NOW,
    );
    const byLabel = Object.fromEntries(rows.map((r) => [r.label, r.value]));
    assert.deepEqual(Object.keys(byLabel), [
      'Client ID',
      'Client type',
      'Status',
      'Last connected',
      'Last disconnected',
      'Disconnected by',
      'Why',
      'Close code',
      'MQTT reason code',
      'Reason given',
      'Usual cause in device code',
      'Last activity',
      'MQTT protocol',
    ]);
    assert.equal(byLabel['Last connected'], `${ago(7_200_000)} (2 hr. ago)`);
    assert.equal(byLabel['Disconnected by'], 'the network (nothing arrived in time)');
    assert.equal(byLabel['Close code'], '160 — The connection timed out');
    assert.equal(byLabel['MQTT reason code'], '141 — keep alive timeout');
    assert.match(byLabel['Usual cause in device code'], /blocked loop/);
    assert.equal(byLabel['Last activity'], `mqttPublish, ${ago(90_000)} (1 min. ago)`);
    const connected = stateDetails(state({ connectionStatus: 'connected' }), NOW).map((r) => r.label);
    assert.deepEqual(connected, ['Client ID', 'Client type', 'Status']);
  });
  it('words every kind of event', () => {
    const [ok, failed, timeout, other] = eventsFromLog([
      { message: 'Odd <b>line</b>', timestamp: ago(1000) },
      { message: 'Closed connection from 10.0.0.1. The connection timed out.', timestamp: ago(2000) },
      { message: "Token auth failed: ClientID='d:o:t:x', ClientIP=10.9.9.9", timestamp: ago(3000) },
      { message: "Token auth succeeded: ClientID='d:o:t:x', ClientIP=10.0.0.1", timestamp: ago(4000) },
    ]);
    assert.equal(eventWords(ok), 'connected (token auth from 10.0.0.1)');
    assert.equal(eventWords(failed), 'failed to connect: not authorized (server, code 180), token auth from 10.9.9.9');
    assert.equal(eventWords(timeout), 'disconnected: keep-alive timed out (network, code 160)');
    assert.equal(eventWords(other), 'other: Odd <\u2009b>line<\u2009/b>');
    assert.equal(
      eventWords(eventFromMonitor({ Action: 'Disconnect', CloseCode: 288 })),
      'session taken over by a newer connection with the same client id (server, code 288)',
    );
    assert.equal(eventWords(eventFromMonitor({ Action: 'Connect' })), 'connected');
  });
  it('keeps hostile text plain, single-line and short', () => {
    for (const s of HOSTILE_STRINGS) {
      const r = state({
        id: s || 'x',
        clientType: s,
        connectionStatus: 'disconnected',
        closeReason: s,
        lastActivityEvent: s,
        mqttConnectProtocol: s,
      });
      const lines = [
        stateHeadline(r, NOW),
        ...stateDetails(r, NOW).map((row) => row.value),
        clientLabel(s),
        eventWords(eventFromMonitor({ Action: 'Disconnect', Reason: s, ClientAddr: s })),
        eventWords(eventsFromLog([{ message: s, timestamp: ago(0) }])[0] ?? eventFromMonitor({})),
      ];
      for (const line of lines) {
        assert.ok(line.length <= 400, line.slice(0, 40));
        // eslint-disable-next-line no-control-regex -- asserting their absence
        assert.doesNotMatch(line, /[\n\r\u0000\u202e]/);
      }
    }
  });
  it("names an observed broker's client by its whole id, and says what the server knows of it (§7.2)", () => {
    const r = normaliseClientState({
      id: 'kitchen/sensor 7',
      connectionStatus: 'connected',
      lastConnectTime: ago(180_000),
      keepAliveSeconds: 30,
      clientAddr: '::1',
      clientPort: 41458,
      node: 'rabbit@node-2',
      observed: 'carried',
    });
    assert.ok(r);
    assert.equal(r.clientType, 'other', 'a record without a type: the id says it');
    assert.equal(clientLabel(r.id), 'kitchen/sensor 7');
    assert.equal(stateHeadline(r, NOW), 'kitchen/sensor 7 connected 3 min. ago (last known, may be stale)');
    const rows = Object.fromEntries(stateDetails(r, NOW).map((row) => [row.label, row.value]));
    assert.match(rows['Client type'], /^other \(an id not of the platform's form/);
    assert.match(rows['Known as'], /^carried: the last state known before the server restarted; it may be stale/);
    assert.equal(rows['Keep-alive'], '30 sec');
    assert.equal(rows.Address, '[::1]:41458');
    assert.equal(rows['Broker node'], 'rabbit@node-2');
    const live = normaliseClientState({
      id: 'x',
      connectionStatus: 'connected',
      observed: 'live',
      clientAddr: '1.2.3.4',
    });
    assert.ok(live);
    assert.doesNotMatch(stateHeadline(live, NOW), /stale/);
    assert.equal(Object.fromEntries(stateDetails(live, NOW).map((row) => [row.label, row.value])).Address, '1.2.3.4');
    const odd = normaliseClientState({ id: 'dave', connectionStatus: 'connected', observed: 'maybe', node: 7 });
    assert.deepEqual([odd?.clientType, odd?.observed, odd?.node], ['other', undefined, undefined]);
  });
});
