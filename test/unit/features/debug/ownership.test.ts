// Which clients are a debug session's, against the real sandbox with real device programs (one
// process each, mqtt.js) and the real /proc: by process id and port, and as a guess where no
// process can tell. The monitor is a real shared connection with the all-clients filters.

import * as assert from 'node:assert/strict';
import { ConnectLedger } from '../../../../src/features/debug/connects';
import { DEBUG_MONITOR_FILTERS } from '../../../../src/features/debug/loop';
import { Ownership } from '../../../../src/features/debug/ownership';
import { procReader } from '../../../../src/features/debug/processes';
import { DebugSessions } from '../../../../src/features/debug/sessions';
import { SharedMonitor } from '../../../../src/features/monitor/sharedMonitor';
import { startMqttProcess, type MqttProcess } from '../../../support/mqttProcess';
import { startTestSandbox, type TestSandbox } from '../../../support/sandbox';
import { waitFor } from '../../../support/waitFor';
import { captureLog } from '../../platform/support/clients';

const LOCAL = new Set(['127.0.0.1', '::1']);

describe('features/debug/ownership: the clients of a debug session', function () {
  this.timeout(30_000);
  let t: TestSandbox;
  let monitor: SharedMonitor;
  let ledger: ConnectLedger;
  const programs: MqttProcess[] = [];
  before(async function () {
    if (process.platform !== 'linux') this.skip();
    t = await startTestSandbox();
    const { mqttUrl, org, apiKey, apiToken } = t.ready;
    monitor = new SharedMonitor({ mqttUrl, orgId: org, appId: 'debug-own', apiKey, apiToken, log: captureLog() });
    ledger = new ConnectLedger();
    const lease = monitor.lease();
    lease.on('message', (e) => ledger.handle(e));
    await lease.setFilters(DEBUG_MONITOR_FILTERS);
    await waitFor('the monitor to be live', () => lease.live);
  });
  after(async () => {
    await Promise.all(programs.map((p) => p.stop()));
    await monitor?.dispose();
    await t?.close();
  });

  async function program(deviceId: string, throughShell = false): Promise<MqttProcess & { clientId: string }> {
    const d = t.registerDevice('dbg', deviceId);
    const p = await startMqttProcess({
      mqttUrl: t.ready.mqttUrl,
      clientId: d.clientId,
      username: 'use-token-auth',
      password: d.token,
      throughShell,
    });
    programs.push(p);
    await waitFor(`the Connect of ${deviceId}`, () => ledger.connection(d.clientId));
    return Object.assign(p, { clientId: d.clientId });
  }
  function ownership(sessions: DebugSessions, reader = procReader()): Ownership {
    return new Ownership(sessions, ledger, reader, {
      localAddresses: () => LOCAL,
      excluded: (id) => id === monitor.clientId,
      settleMs: 10,
    });
  }

  it('finds the client whose port the debuggee (below the shell it was started in) holds', async () => {
    const sessions = new DebugSessions();
    const own = ownership(sessions);
    const other = await program('not-debugged');
    sessions.start({ id: 'p', name: 'launch', type: 'pwa-node', request: 'launch' }, Date.now());
    const debugged = await program('debugged', true);
    // As a terminal launch tells it: the shell's PID; the program is its child.
    sessions.start({ id: 'c', name: 'device', type: 'pwa-node', parentId: 'p' }, Date.now());
    sessions.toAdapter(
      'c',
      { type: 'response', command: 'runInTerminal', body: { shellProcessId: debugged.started.pid } },
      Date.now(),
    );
    const owned = await waitFor('the debugged client', () =>
      own.of('p').find((c) => c.clientId === debugged.clientId && c.how === 'pid'),
    );
    assert.deepEqual(
      { how: owned.how, pid: owned.pid, session: owned.sessionId, endpoint: owned.endpoint },
      { how: 'pid', pid: debugged.pid, session: 'c', endpoint: `${debugged.localAddress}:${debugged.localPort}` },
    );
    assert.equal(own.ownerOf(other.clientId), undefined);
    assert.deepEqual(own.roots(), ['p']);
    sessions.end('c', Date.now());
    sessions.end('p', Date.now());
    assert.deepEqual(own.of('p'), [], 'forgotten with its family');
    own.dispose();
  });

  it('guesses, and says so, when the session names no process: clients that connected while it ran', async () => {
    const sessions = new DebugSessions();
    const own = ownership(sessions);
    const before = await program('before-session');
    sessions.start({ id: 'g', name: 'Attach to device', type: 'cppdbg', request: 'launch' }, Date.now());
    const during = await program('during-session');
    await waitFor('the guess, once the session had time to name a process', () => own.of('g').length > 0);
    assert.deepEqual(
      own.of('g').map((c) => [c.clientId, c.how]),
      [[during.clientId, 'guess']],
    );
    assert.equal(own.ownerOf(before.clientId), undefined, 'it connected before the session began');
    // Learning the process id later replaces the guess with what the process tells.
    sessions.fromAdapter('g', { type: 'event', event: 'process', body: { systemProcessId: during.pid } }, Date.now());
    await waitFor('the guess to give way', () => own.of('g')[0]?.how === 'pid');
    own.dispose();
  });

  it('does not take, as a guess, a new connection of a process older than a launched session', async () => {
    const sessions = new DebugSessions();
    const own = ownership(sessions);
    const d = t.registerDevice('dbg', 'old-process');
    const old = await startMqttProcess({
      mqttUrl: t.ready.mqttUrl,
      clientId: d.clientId,
      username: 'use-token-auth',
      password: d.token,
      reconnectMs: 50,
    });
    programs.push(old);
    await waitFor('its Connect', () => ledger.connection(d.clientId));
    await new Promise((resolve) => setTimeout(resolve, 1_200)); // its start is then clearly before the session's
    sessions.start({ id: 'o', name: 'launch', type: 'cppdbg', request: 'launch' }, Date.now());
    const first = ledger.connection(d.clientId)?.endpoint;
    // The admin call closes it with 94; it connects again while the session runs.
    const auth = `Basic ${Buffer.from(`${t.ready.apiKey}:${t.ready.apiToken}`).toString('base64')}`;
    await fetch(`${t.ready.apiUrl}/sandbox/clients/${encodeURIComponent(d.clientId)}/disconnect`, {
      method: 'POST',
      headers: { authorization: auth },
    });
    await waitFor('its new connection', () => {
      const c = ledger.connection(d.clientId);
      return c !== undefined && c.endpoint !== first && !c.retained;
    });
    await waitFor('the grace to pass', () => Date.now() - (sessions.get('o')?.startedAt ?? 0) > 3_100);
    await own.refresh();
    assert.deepEqual(own.of('o'), []);
    own.dispose();
  });

  it('guesses on a machine without /proc, where no process can tell', async () => {
    const sessions = new DebugSessions();
    const own = ownership(sessions, procReader({ platform: 'darwin' }));
    sessions.start({ id: 'm', name: 'node [1]', type: 'pwa-node', request: 'attach' }, Date.now());
    const p = await program('no-proc');
    await waitFor('the guess', () => own.of('m').length > 0);
    assert.deepEqual(
      own.of('m').map((c) => [c.clientId, c.how]),
      [[p.clientId, 'guess']],
    );
    own.dispose();
  });
});
