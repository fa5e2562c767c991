// A program paused at a breakpoint, in a real extension host: js-debug runs a device program that
// connects with mqtt.js to the sandbox (keep-alive 2 s, so the broker drops a silent client 3 s
// after its last packet). Without a hold, the extension counts down to the exact deadline in the
// status bar and the tree and explains the 160 as the pause's doing; with a hold, the client
// stays connected past 3 × its keep-alive and is released when the program continues.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { IotConnectivityApi } from '../../../../src/extension';
import { captureMessages, type MessageCapture } from '../../support/messages';
import { waitFor } from '../../../support/waitFor';
import {
  childrenOf,
  extensionApi,
  freshRoots,
  item,
  label,
  ready,
  removeAllPlatforms,
  sandboxRest,
  setSetting,
  useSandbox,
} from '../clients/fixture';
import { Debuggee, LiveSessions } from './debuggee';

const KEEPALIVE = 2;

describe('Debug sessions: a paused program’s keep-alive counted down, explained, held', function () {
  this.timeout(90_000);
  let api: IotConnectivityApi;
  let messages: MessageCapture;
  const rest = sandboxRest();
  let debuggee: Debuggee;
  const sessions = new LiveSessions();
  const clientId = `d:${ready().org}:dbgpause:boiler-2`;
  let token: string;

  before(async () => {
    api = await extensionApi();
    await useSandbox(api);
    await rest.createDeviceType('dbgpause').catch(() => undefined);
    token = (await rest.createDevice('dbgpause', { deviceId: 'boiler-2' })).authToken;
    messages = captureMessages();
  });
  beforeEach(() => {
    debuggee = new Debuggee();
  });
  afterEach(async () => {
    debuggee.removeBreakpoint();
    await sessions.stopAll();
    debuggee.dispose();
  });
  after(async () => {
    messages.restore();
    sessions.dispose();
    await setSetting('debug.holdKeepAliveWhilePaused', undefined);
    await removeAllPlatforms(api);
    rest.dispose();
  });

  const env = () => ({
    IOT_MQTT_URL: ready().mqttUrl,
    IOT_CLIENT_ID: clientId,
    IOT_USERNAME: 'use-token-auth',
    IOT_PASSWORD: token,
    KEEPALIVE: String(KEEPALIVE),
  });
  const owned = () => api.debug.loop.ownership.ownerOf(clientId)?.client;
  const bar = () => api.debug.statusBar.item;

  /** Starts the program, waits for its client to be found, and stops it at the breakpoint. */
  async function pausedProgram(name: string): Promise<vscode.DebugSession> {
    // Set before the launch, so js-debug has bound it when the program reaches it.
    debuggee.setBreakpoint();
    assert.ok(await vscode.debug.startDebugging(undefined, debuggee.configuration(name, env())));
    await waitFor('the client of the session', () => owned()?.how === 'pid', { timeoutMs: 20_000 });
    const child = await waitFor('the child session', () => sessions.childOf(sessions.root(name)));
    debuggee.pause();
    await waitFor('the program to be paused', () => api.debug.loop.sessions.get(child.id)?.run.paused, {
      timeoutMs: 20_000,
    });
    return child;
  }

  async function resume(child: vscode.DebugSession): Promise<void> {
    debuggee.removeBreakpoint();
    const { threads } = (await child.customRequest('threads')) as { threads: { id: number }[] };
    await child.customRequest('continue', { threadId: threads[0].id });
  }

  async function row(): Promise<vscode.TreeItem> {
    const roots = await freshRoots(api);
    const group = roots.find((r) => label(r).startsWith('Debug Session'));
    assert.ok(group, roots.map(label).join(', '));
    const rows = await childrenOf(api, group);
    return item(rows[0]);
  }

  it('counts down to the exact deadline at a breakpoint and explains the 160 as the pause', async () => {
    await setSetting('debug.holdKeepAliveWhilePaused', false);
    const child = await pausedProgram('boiler countdown');
    const deadline = await waitFor(
      'the deadline from the sandbox',
      () => api.debug.loop.keeper.kept(clientId)?.deadline,
    );
    // The last 10 s: warning colours from the start with a keep-alive of 2 s.
    const text = await waitFor('the countdown in the status bar', () =>
      /^\$\(warning\) boiler-2 drops in [0-4] s$/.test(bar().text) ? bar().text : undefined,
    );
    assert.ok(bar().backgroundColor instanceof vscode.ThemeColor, text);
    assert.match(String((await row()).description), /^drops in [0-4] s · process \d+$/);
    assert.ok(Math.abs(deadline - Date.now()) < 3_500, `deadline ${deadline - Date.now()} ms away`);

    messages.answer = (m) => (m.text.startsWith('boiler-2 was dropped') ? 'Show Timeline' : undefined);
    const told = await messages.next('the drop explained', (m) => m.text.startsWith('boiler-2 was dropped'));
    assert.match(
      told.text,
      /^boiler-2 was dropped: the program was paused at a breakpoint for [2-5] s, longer than its keep-alive allows \(2 s × 1\.5\)$/,
    );
    assert.deepStrictEqual(told.actions, ['Show Timeline', 'Hold Keep-Alive While Paused']);
    assert.ok(api.timeline.get(clientId), 'Show Timeline opened its timeline');
    await waitFor(
      'the status bar to say it was dropped',
      () => bar().text === '$(debug-disconnect) boiler-2 dropped while paused',
    );
    // The watcher saw the drop too, and left the telling to the debugging loop.
    await waitFor('the watcher to see the drop', () =>
      api.watcher.service.snapshots().some((s) => s.clientId === clientId && s.status === 'disconnected'),
    );
    const others = messages.shown.filter((m) => m !== told && m.text.includes('boiler-2'));
    assert.deepStrictEqual(others, [], 'one notification for the drop');

    await resume(child);
    // The timeline marks the pause on its time axis, closed by the continue.
    const timeline = await waitFor('the timeline', () => api.timeline.get(clientId));
    const span = await waitFor('the pause on the timeline', () =>
      timeline.snapshot().pauses?.find((p) => p.session === 'boiler countdown' && p.to !== undefined),
    );
    assert.ok(span.atBreakpoint);
    assert.ok(span.from <= deadline && (span.to as number) >= deadline, 'the drop falls inside the pause');
    timeline.dispose();
  });

  it('holds the paused client past 3 × its keep-alive ("held"), through steps, released on continue', async () => {
    await setSetting('debug.holdKeepAliveWhilePaused', true);
    const child = await pausedProgram('boiler held');
    const pausedAt = Date.now();
    await waitFor('"held" in the status bar', () => bar().text === '$(debug-pause) boiler-2 held');
    assert.strictEqual(bar().backgroundColor, undefined);
    assert.match(String((await row()).description), /^held · process \d+$/);
    // Held, the rows read the same each second: nothing is redrawn for the clock.
    let renders = 0;
    const counting = api.debug.render.onDidRender(() => renders++);
    await waitFor(
      '3 × keep-alive paused, connected and held all along',
      async () => {
        const k = await rest.getKeepAlive(clientId);
        assert.ok(k.held, 'held');
        return Date.now() - pausedAt > 3 * KEEPALIVE * 1000 + 500;
      },
      { timeoutMs: 20_000, intervalMs: 500 },
    );
    counting.dispose();
    assert.ok(renders <= 1, `${renders} renders while held`);
    // Stepping: each `next` runs the program for a moment and stops it again. The hold is kept
    // through each step; nothing is released, held again, or redrawn for it.
    const { threads } = (await child.customRequest('threads')) as { threads: { id: number }[] };
    let stops = 0;
    let changes = 0;
    const listening = [
      api.debug.loop.sessions.on('run', (e) => void (e.change === 'paused' && stops++)),
      api.debug.loop.keeper.on('changed', () => void changes++),
    ];
    try {
      for (let step = 1; step <= 2; step++) {
        await child.customRequest('next', { threadId: threads[0].id });
        await waitFor(`step ${step} to stop`, () => stops === step, { timeoutMs: 10_000 });
        assert.strictEqual(api.debug.loop.keeper.kept(clientId)?.held, true, `held after step ${step}`);
      }
    } finally {
      listening.forEach((l) => l.dispose());
    }
    assert.strictEqual(changes, 0, 'the keeper changed nothing while stepping');
    assert.ok((await rest.getKeepAlive(clientId)).held, 'still held by the sandbox after the steps');
    await waitFor('"held" in the status bar after the steps', () => bar().text === '$(debug-pause) boiler-2 held');
    await resume(child);
    await waitFor('the hold released', async () => !(await rest.getKeepAlive(clientId)).held);
    assert.strictEqual(api.debug.loop.keeper.size, 0);
    await waitFor('the status bar to say connected', () => bar().text === '$(debug-alt) boiler-2 connected');
    // Running again, it pings: still the same connection a whole window later.
    const from = Date.now();
    await waitFor('a window to pass, connected', async () => {
      assert.ok(!debuggee.closed(1) && !debuggee.closed(2), 'the program lost its connection');
      await rest.getKeepAlive(clientId);
      return Date.now() - from > KEEPALIVE * 1500 + 500;
    });
    assert.ok(!messages.shown.some((m) => m.text.startsWith('boiler-2 was dropped') && m.text.includes('held')));
  });
});
