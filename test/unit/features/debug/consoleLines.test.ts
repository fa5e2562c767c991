// The Debug Console facts of a debug session's client, against the real sandbox with a real device
// program (its own process, mqtt.js) and the real /proc: its connects name the program's process
// after a reconnect from a new port too, and a connection of another process with its id does not.

import * as assert from 'node:assert/strict';
import type { Socket } from 'node:net';
import { connect } from 'mqtt';
import { ConsoleLines, type ConsoleFact } from '../../../../src/features/debug/consoleLines';
import { DebugLoop, DEBUG_MONITOR_FILTERS } from '../../../../src/features/debug/loop';
import { procReader } from '../../../../src/features/debug/processes';
import { SharedMonitor } from '../../../../src/features/monitor/sharedMonitor';
import { startMqttProcess, type MqttProcess } from '../../../support/mqttProcess';
import { startTestSandbox, type TestSandbox } from '../../../support/sandbox';
import { waitFor } from '../../../support/waitFor';
import { captureLog } from '../../platform/support/clients';

describe('features/debug/consoleLines: what a session’s Debug Console is told', function () {
  this.timeout(30_000);
  let t: TestSandbox;
  let monitor: SharedMonitor;
  let loop: DebugLoop;
  let lines: ConsoleLines;
  let program: MqttProcess | undefined;
  const facts: ConsoleFact[] = [];

  before(async function () {
    if (process.platform !== 'linux') this.skip();
    t = await startTestSandbox();
    const { mqttUrl, org, apiKey, apiToken } = t.ready;
    monitor = new SharedMonitor({ mqttUrl, orgId: org, appId: 'debug-con', apiKey, apiToken, log: captureLog() });
    loop = new DebugLoop({
      reader: procReader(),
      log: captureLog(),
      holdEnabled: () => false,
      localAddresses: () => new Set(['127.0.0.1', '::1']),
      excluded: (id) => id === monitor.clientId,
      settleMs: 10,
    });
    lines = new ConsoleLines(loop);
    lines.on('line', ({ fact }) => facts.push(fact));
    const lease = monitor.lease();
    lease.on('message', (e) => loop.ledger.handle(e));
    await lease.setFilters(DEBUG_MONITOR_FILTERS);
    await waitFor('the monitor to be live', () => lease.live);
  });
  after(async () => {
    await program?.stop();
    lines?.dispose();
    await loop?.dispose();
    await monitor?.dispose();
    await t?.close();
  });

  let device: { clientId: string; token: string };
  type Connected = Extract<ConsoleFact, { kind: 'connected' }>;
  const connects = () => facts.filter((f): f is Connected => f.kind === 'connected');

  it('names the program’s process on its first connect and on a reconnect from a new port', async () => {
    const d = (device = t.registerDevice('dbg', 'boiler-1'));
    const p = (program = await startMqttProcess({
      mqttUrl: t.ready.mqttUrl,
      clientId: d.clientId,
      username: 'use-token-auth',
      password: d.token,
      reconnectMs: 50,
    }));
    loop.sessions.start({ id: 's', name: 'launch', type: 'node', request: 'launch' }, Date.now());
    loop.sessions.fromAdapter('s', { type: 'event', event: 'process', body: { systemProcessId: p.pid } }, Date.now());
    const first = `${p.localAddress}:${p.localPort}`;
    await waitFor('the first connect line', () => connects().length === 1);
    assert.deepEqual(connects()[0], { kind: 'connected', clientId: d.clientId, endpoint: first, pid: p.pid });

    // The admin call closes it with 94; it connects again, from another port.
    const auth = `Basic ${Buffer.from(`${t.ready.apiKey}:${t.ready.apiToken}`).toString('base64')}`;
    const closed = await fetch(`${t.ready.apiUrl}/sandbox/clients/${encodeURIComponent(d.clientId)}/disconnect`, {
      method: 'POST',
      headers: { authorization: auth },
    });
    assert.ok(closed.ok, `the admin disconnect: ${closed.status}`);
    await waitFor('the reconnect line', () => connects().length === 2);
    const again = loop.ledger.connection(d.clientId)?.endpoint;
    assert.notEqual(again, first);
    assert.deepEqual(
      facts.slice(-2).map((f) => f.kind),
      ['dropped', 'connected'],
    );
    assert.deepEqual(connects()[1], { kind: 'connected', clientId: d.clientId, endpoint: again, pid: p.pid });
  });

  it('names no process for a connection of another process with the id, and still writes it', async () => {
    const { clientId, token } = device;
    const before = connects().length;
    // This test's own connection takes the id over (288), then leaves: the program connects again.
    const other = connect(t.ready.mqttUrl, {
      clientId,
      username: 'use-token-auth',
      password: token,
      reconnectPeriod: 0,
    });
    await new Promise<void>((resolve, reject) => other.once('connect', () => resolve()).once('error', reject));
    const port = `:${String((other.stream as Socket).localPort)}`;
    const theirs = await waitFor('its connect line', () => connects().find((f) => f.endpoint?.endsWith(port)));
    assert.equal(theirs.pid, undefined, 'no process of the session holds it');
    await other.endAsync();
    await waitFor("the program's reconnect line", () => connects().length >= before + 2);
    const back = connects()[connects().length - 1];
    assert.deepEqual([back.endpoint, back.pid], [loop.ledger.connection(clientId)?.endpoint, program?.pid]);
  });
});
