// What js-debug (built into VS Code) tells an extension about a Node program it debugs, checked
// in a real extension host: the facts docs/debug-adapters.md gives and the debugging loop builds on. The
// program connects with mqtt.js to the sandbox with a 2 s keep-alive and stops at a breakpoint.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { connect, type MqttClient } from 'mqtt';
import { pidInName } from '../../../../src/features/debug/dap';
import { connectionsOf, ownersOf } from '../../../../src/features/debug/procOwners';
import { waitFor } from '../../../support/waitFor';
import { DapRecorder } from './recorder';
import { sandboxFromEnv } from '../../support/sandbox';

const PROGRAM = [
  "const fs = require('fs');",
  'const mqtt = require(process.env.MQTT_JS);',
  'const e = process.env, o = { clientId: e.CID, username: e.U, password: e.P, keepalive: 2, reconnectPeriod: 0 };',
  'const c = mqtt.connect(e.URL, o), out = (name) => require("path").join(e.OUT, name);',
  'const where = () => ({ pid: process.pid, address: c.stream.localAddress, port: c.stream.localPort });',
  'function report() {',
  "  fs.writeFileSync(out('c.tmp'), JSON.stringify(where()));",
  "  fs.renameSync(out('c.tmp'), out('connected.json'));", // whole or not at all when the test reads it
  '}',
  "c.on('connect', report);",
  'setInterval(tick, 250);',
  "c.on('close', () => fs.writeFileSync(out('closed'), String(Date.now())));",
  'let n = 0;',
  'function tick() { if (c.connected) n++; if (n === 12) hit(); }',
  'function hit() {',
  '  return n;', // the breakpoint
  '}',
].join('\n');
const BREAKPOINT_LINE = PROGRAM.split('\n').findIndex((l) => l.includes('return n;')) + 1;

describe('What js-debug tells about a Node program it debugs', function () {
  this.timeout(60_000);
  const ready = sandboxFromEnv();
  const clientId = `a:${ready.org}:dbg-facts`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iotc-dbg-facts-'));
  const program = path.join(dir, 'device.js');
  const monitor: Record<string, unknown>[] = [];
  const ended = new Set<string>();
  const disposables: vscode.Disposable[] = [];
  let recorder: DapRecorder;
  let watcher: MqttClient;
  let child: vscode.DebugSession;
  let pid: number;
  let threadId: number;
  let connected: { pid: number; address: string; port: number };

  before(async () => {
    fs.writeFileSync(program, PROGRAM);
    recorder = new DapRecorder();
    disposables.push(
      recorder,
      vscode.debug.onDidTerminateDebugSession((s) => ended.add(s.id)),
    );
    watcher = connect(ready.mqttUrl, {
      clientId: `a:${ready.org}:dbg-facts-watch`,
      username: ready.apiKey,
      password: ready.apiToken,
      reconnectPeriod: 0,
    });
    watcher.on('message', (_topic, payload) => {
      const m = JSON.parse(payload.toString()) as Record<string, unknown>;
      if (m.ClientID === clientId) monitor.push(m);
    });
    await waitFor('the monitor watcher', () => watcher.connected);
    await watcher.subscribeAsync('iot-2/app/+/mon');
    vscode.debug.addBreakpoints([
      new vscode.SourceBreakpoint(
        new vscode.Location(vscode.Uri.file(program), new vscode.Position(BREAKPOINT_LINE - 1, 0)),
      ),
    ]);
    const started = await vscode.debug.startDebugging(undefined, {
      type: 'node',
      request: 'launch',
      name: 'device facts',
      program,
      env: {
        MQTT_JS: require.resolve('mqtt'),
        URL: ready.mqttUrl,
        CID: clientId,
        U: ready.apiKey,
        P: ready.apiToken,
        OUT: dir,
      },
    });
    assert.strictEqual(started, true);
  });
  after(async () => {
    vscode.debug.removeBreakpoints(
      vscode.debug.breakpoints.filter((b) => b instanceof vscode.SourceBreakpoint && b.location.uri.fsPath === program),
    );
    for (const s of recorder.sessions.filter((s) => !ended.has(s.id)).reverse()) await vscode.debug.stopDebugging(s);
    await waitFor('every session to end', () => recorder.sessions.every((s) => ended.has(s.id)), {
      timeoutMs: 20_000,
    }).catch(() => undefined);
    for (const d of disposables) d.dispose();
    await watcher?.endAsync(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs the program in a child session "<script> [<pid>]" below a parent without threads', async () => {
    child = await waitFor('the child session', () => recorder.sessions.find((s) => s.parentSession !== undefined), {
      timeoutMs: 30_000,
    });
    const parent = child.parentSession!;
    assert.deepStrictEqual([parent.type, child.type, parent.name], ['pwa-node', 'pwa-node', 'device facts']);
    assert.strictEqual(recorder.sessions[0].id, parent.id, "the parent's tracker comes first");
    const m = /^device\.js \[(\d+)\]$/.exec(recorder.firstNames.get(child.id) ?? '');
    assert.ok(m, `the child session's first name: ${recorder.firstNames.get(child.id)}`);
    pid = Number(m[1]);
    // Once started, VS Code shows it with its parent's name: appended on 1.100, put first on 1.93.
    await waitFor('VS Code to rename the child session', () => child.name !== recorder.firstNames.get(child.id));
    const renamed = [`device.js [${pid}] \u00ab device facts`, `device facts: device.js [${pid}]`];
    assert.ok(renamed.includes(child.name), `the renamed child session: ${child.name}`);
    assert.strictEqual(pidInName(child.name), pid, 'the PID is read from either name');
    connected = await waitFor(
      'the program to connect',
      () =>
        fs.existsSync(path.join(dir, 'connected.json')) &&
        JSON.parse(fs.readFileSync(path.join(dir, 'connected.json'), 'utf8')),
      { timeoutMs: 20_000 },
    );
    assert.strictEqual(connected.pid, pid, "the PID in the name is the program's process.pid");
    assert.deepStrictEqual(await parent.customRequest('threads'), { threads: [] });
    // One thread; js-debug numbers threads across the sessions of the extension host (0 for the first).
    const started = recorder.events('thread', child);
    assert.strictEqual(started[0]?.body.reason, 'started');
    threadId = Number(started[0].body.threadId);
    assert.deepStrictEqual(await child.customRequest('threads'), {
      threads: [{ id: threadId, name: `device.js [${pid}]` }],
    });
  });

  it('has that PID own the connection the broker sees (/proc on Linux)', async function () {
    if (process.platform !== 'linux') this.skip();
    const brokerPort = Number(new URL(ready.mqttUrl).port);
    const owned = await connectionsOf([pid]);
    assert.deepStrictEqual(
      owned.value.filter((c) => c.remote.port === brokerPort).map((c) => c.local),
      [{ address: connected.address, port: connected.port }],
    );
    assert.deepStrictEqual(
      (await ownersOf({ address: connected.address, port: connected.port })).value.map((o) => o.pid),
      [pid],
    );
    await waitFor('its Connect on the monitor topic', () => monitor.find((x) => x.Action === 'Connect'));
  });

  it('stops at the breakpoint: a stopped event for its one thread (not all); evaluate still answers', async () => {
    const stopped = await waitFor('the stopped event', () => recorder.events('stopped', child)[0], {
      timeoutMs: 20_000,
    });
    const { hitBreakpointIds, ...rest } = stopped.body;
    assert.deepStrictEqual(rest, {
      reason: 'breakpoint',
      description: 'Paused on breakpoint',
      threadId,
      allThreadsStopped: false,
    });
    assert.ok(Array.isArray(hitBreakpointIds) && hitBreakpointIds.length === 1, JSON.stringify(hitBreakpointIds));
    const answer = (await child.customRequest('evaluate', { expression: 'process.pid', context: 'repl' })) as {
      result: string;
    };
    assert.strictEqual(answer.result, String(pid));
  });

  it('is closed by the broker with 160 while paused, within 1.5 × keep-alive of its stop', async () => {
    const stoppedAt = recorder.events('stopped', child)[0].t;
    const drop = await waitFor('the Disconnect', () => monitor.find((x) => x.Action === 'Disconnect'), {
      timeoutMs: 10_000,
    });
    assert.strictEqual(drop.CloseCode, 160);
    const after = Date.parse(String(drop.Time)) - stoppedAt;
    assert.ok(after >= 0 && after <= 3_000 + 500, `${after} ms after the stop`);
    assert.strictEqual(fs.existsSync(path.join(dir, 'closed')), false, 'a paused program learns nothing');
  });

  it('continues on a continue request, which the tracker sees, followed by a continued event', async () => {
    const from = recorder.messages.length;
    assert.deepStrictEqual(await child.customRequest('continue', { threadId }), { allThreadsContinued: false });
    const later = recorder.messages
      .slice(from)
      .filter((m) => m.session.id === child.id)
      .map((m) => `${m.type} ${m.name}`);
    assert.ok(later.includes('request continue') && later.includes('event continued'), later.join(', '));
    await waitFor('the resumed program to see its connection closed', () => fs.existsSync(path.join(dir, 'closed')), {
      timeoutMs: 10_000,
    });
  });

  it('ends with a terminated event of the child when the parent is stopped', async () => {
    const parent = child.parentSession!;
    await vscode.debug.stopDebugging(parent);
    await waitFor('both sessions to end', () => ended.has(child.id) && ended.has(parent.id), { timeoutMs: 20_000 });
    assert.ok(recorder.events('terminated', child).length > 0);
    assert.deepStrictEqual(
      recorder.requests('disconnect', parent).map((m) => m.body.terminateDebuggee),
      [true],
    );
  });
});
