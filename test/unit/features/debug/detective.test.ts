// The duplicate client id detective against the real sandbox, with two real device programs (one
// process each, mqtt.js, reconnecting at once) that use one client id and take the session from
// each other (288); the real /proc names both processes. Also: a single takeover is no finding.

import * as assert from 'node:assert/strict';
import { ConnectLedger } from '../../../../src/features/debug/connects';
import { DuplicateDetective, splitEndpoint, type Finding } from '../../../../src/features/debug/detective';
import { DEBUG_MONITOR_FILTERS } from '../../../../src/features/debug/loop';
import { procReader } from '../../../../src/features/debug/processes';
import { SharedMonitor } from '../../../../src/features/monitor/sharedMonitor';
import { startMqttProcess, type MqttProcess } from '../../../support/mqttProcess';
import { startTestSandbox, type TestSandbox } from '../../../support/sandbox';
import { waitFor } from '../../../support/waitFor';
import { captureLog } from '../../platform/support/clients';

const LOCAL = new Set(['127.0.0.1', '::1']);

describe('features/debug/detective: one client id used by two programs', function () {
  this.timeout(40_000);
  let t: TestSandbox;
  let monitor: SharedMonitor;
  let ledger: ConnectLedger;
  let detective: DuplicateDetective;
  const findings: Finding[] = [];
  const takeovers = new Map<string, number>();
  const programs: MqttProcess[] = [];
  let debugged: number[] = [];

  before(async function () {
    if (process.platform !== 'linux') this.skip();
    t = await startTestSandbox();
    const { mqttUrl, org, apiKey, apiToken } = t.ready;
    monitor = new SharedMonitor({ mqttUrl, orgId: org, appId: 'debug-dup', apiKey, apiToken, log: captureLog() });
    ledger = new ConnectLedger();
    ledger.on('dropped', (d) => d.closeCode === 288 && takeovers.set(d.clientId, (takeovers.get(d.clientId) ?? 0) + 1));
    detective = new DuplicateDetective(ledger, {
      reader: procReader(),
      localAddresses: () => LOCAL,
      debuggedPids: () => debugged,
    });
    detective.on('finding', (f) => findings.push(f));
    const lease = monitor.lease();
    lease.on('message', (e) => ledger.handle(e));
    await lease.setFilters(DEBUG_MONITOR_FILTERS);
    await waitFor('the monitor to be live', () => lease.live);
  });
  after(async () => {
    await Promise.all(programs.map((p) => p.stop()));
    detective?.dispose();
    await monitor?.dispose();
    await t?.close();
  });

  async function start(clientId: string, token: string, reconnectMs: number): Promise<MqttProcess> {
    const p = await startMqttProcess({
      mqttUrl: t.ready.mqttUrl,
      clientId,
      username: 'use-token-auth',
      password: token,
      reconnectMs,
    });
    programs.push(p);
    return p;
  }

  it('tells one finding naming both processes, the debugged one said so, once per episode', async () => {
    const d = t.registerDevice('dup', 'boiler-1');
    const a = await start(d.clientId, d.token, 1000);
    debugged = [a.pid];
    const b = await start(d.clientId, d.token, 1000);
    const f = await waitFor('a finding', () => findings.find((x) => x.clientId === d.clientId), { timeoutMs: 20_000 });
    assert.strictEqual(f.takeovers, 3, 'told at the third takeover');
    const pids = f.sides.map((s) => s.process?.pid);
    assert.deepStrictEqual([...pids].sort(), [a.pid, b.pid].sort(), JSON.stringify(f.sides));
    assert.ok(f.sides.every((s) => s.local));
    assert.deepStrictEqual(
      f.sides.map((s) => s.debugged),
      pids.map((p) => p === a.pid),
    );
    const marker = f.sides.find((s) => s.process?.pid === b.pid)?.process?.cmdline.join(' ') ?? '';
    assert.ok(marker.includes(b.marker), marker);
    const seen = takeovers.get(d.clientId) ?? 0;
    await waitFor('two more takeovers', () => (takeovers.get(d.clientId) ?? 0) >= seen + 2, { timeoutMs: 10_000 });
    assert.strictEqual(findings.filter((x) => x.clientId === d.clientId).length, 1, 'one finding for the episode');
  });

  // The detective hears each takeover in the same turn as the count above: no wait is needed.
  it('tells nothing of a single takeover', async () => {
    const d = t.registerDevice('dup', 'boiler-2');
    await start(d.clientId, d.token, 0);
    await start(d.clientId, d.token, 0);
    await waitFor('the takeover', () => takeovers.get(d.clientId) === 1);
    assert.ok(!findings.some((x) => x.clientId === d.clientId));
  });

  it('reads address:port pairs of either family', () => {
    assert.deepStrictEqual(splitEndpoint('127.0.0.1:5000'), ['127.0.0.1', 5000]);
    assert.deepStrictEqual(splitEndpoint('[::1]:5000'), ['::1', 5000]);
    assert.deepStrictEqual(splitEndpoint('10.0.0.1'), ['10.0.0.1', undefined]);
  });
});
