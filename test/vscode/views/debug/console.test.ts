// The debug session's clients in its Debug Console, in a real extension host: js-debug runs a
// device program that connects with mqtt.js to the sandbox; its connect, a takeover (288) by
// another connection with its id, and its reconnect are written there as `[iot] …` lines (read
// back with the console's own Copy All); the setting turns them off. A program paused at a
// breakpoint past its keep-alive (2 s, no hold) gets its 160 written with how long it was paused.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { connect } from 'mqtt';
import type { IotConnectivityApi } from '../../../../src/extension';
import { waitFor } from '../../../support/waitFor';
import { extensionApi, ready, removeAllPlatforms, sandboxRest, setSetting, useSandbox } from '../clients/fixture';
import { Debuggee, LiveSessions } from './debuggee';

/** What the focused session's Debug Console shows, by its context menu's Copy All. */
async function consoleText(): Promise<string> {
  await vscode.commands.executeCommand('workbench.debug.action.focusRepl');
  await vscode.commands.executeCommand('workbench.debug.action.copyAll');
  return vscode.env.clipboard.readText();
}

async function consoleShows(what: string, re: RegExp): Promise<string> {
  try {
    return await waitFor(what, async () => ((await consoleText()).match(re) ? consoleText() : undefined), {
      timeoutMs: 20_000,
      intervalMs: 250,
    });
  } catch (error) {
    throw new Error(`${String(error)}; the Debug Console showed:\n${await consoleText()}`, { cause: error });
  }
}

describe('Debug sessions: their clients in the Debug Console', function () {
  this.timeout(90_000);
  let api: IotConnectivityApi;
  const rest = sandboxRest();
  const debuggee = new Debuggee();
  const sessions = new LiveSessions();
  const clientId = `d:${ready().org}:dbgcon:boiler-1`;
  let token: string;

  before(async () => {
    api = await extensionApi();
    await useSandbox(api);
    await rest.createDeviceType('dbgcon').catch(() => undefined);
    token = (await rest.createDevice('dbgcon', { deviceId: 'boiler-1' })).authToken;
  });
  after(async () => {
    await sessions.stopAll();
    sessions.dispose();
    debuggee.dispose();
    await setSetting('debug.consoleLines', undefined);
    await setSetting('debug.holdKeepAliveWhilePaused', undefined);
    await removeAllPlatforms(api);
    rest.dispose();
  });

  /** Takes the id over with a connection of the test's own, which then leaves the program to reconnect. */
  async function takeOver(): Promise<void> {
    const other = connect(ready().mqttUrl, {
      clientId,
      username: 'use-token-auth',
      password: token,
      reconnectPeriod: 0,
    });
    await new Promise<void>((resolve, reject) => {
      other.once('connect', () => resolve());
      other.once('error', reject);
    });
    await other.endAsync();
  }

  const env = (reconnectMs: number) => ({
    IOT_MQTT_URL: ready().mqttUrl,
    IOT_CLIENT_ID: clientId,
    IOT_USERNAME: 'use-token-auth',
    IOT_PASSWORD: token,
    KEEPALIVE: '2',
    RECONNECT_MS: String(reconnectMs),
  });

  it('writes the connect, a takeover and the reconnect', async () => {
    assert.ok(await vscode.debug.startDebugging(undefined, debuggee.configuration('boiler console', env(500))));
    const first = await debuggee.connected();
    const at = `${first.address}:${first.port}`;
    await consoleShows(
      'the connect line',
      new RegExp(`\\[iot\\] boiler-1 connected from ${at} \\(process ${first.pid}\\)`),
    );
    await takeOver();
    const again = await debuggee.connected(2);
    // From a new port, still named by its process.
    const reconnect = `\\[iot\\] boiler-1 connected from ${again.address}:${again.port} \\(process ${first.pid}\\)`;
    const text = await consoleShows(
      'the takeover and the reconnect',
      new RegExp(`boiler-1 dropped: [^\n]*\\(288\\)\n(?:.*\n)*?${reconnect}`),
    );
    assert.match(
      text,
      /\[iot\] boiler-1 dropped: session taken over by a newer connection with the same client id \(288\)/,
    );
  });

  it('writes nothing when iotConnectivity.debug.consoleLines is off', async () => {
    await setSetting('debug.consoleLines', false);
    const before = (await consoleText()).split('\n').filter((l) => l.startsWith('[iot]')).length;
    const drops = api.debug.loop.ledger;
    let dropped = 0;
    const counting = drops.on('dropped', (d) => d.clientId === clientId && dropped++);
    await takeOver();
    await waitFor('the takeover', () => dropped > 0);
    counting.dispose();
    const after = (await consoleText()).split('\n').filter((l) => l.startsWith('[iot]')).length;
    assert.strictEqual(after, before);
  });

  it('writes a drop that came while the program was paused, with how long it had been paused', async () => {
    await sessions.stopAll();
    await setSetting('debug.consoleLines', undefined);
    await setSetting('debug.holdKeepAliveWhilePaused', false);
    const paused = new Debuggee();
    try {
      paused.setBreakpoint();
      assert.ok(await vscode.debug.startDebugging(undefined, paused.configuration('boiler paused', env(0))));
      await paused.connected();
      await waitFor(
        'the client of the session',
        () => api.debug.loop.ownership.ownerOf(clientId)?.client.how === 'pid',
        {
          timeoutMs: 20_000,
        },
      );
      paused.pause();
      await consoleShows(
        'the drop while paused',
        /\[iot\] boiler-1 dropped: keep-alive timed out \(160\) after [1-6] s paused/,
      );
    } finally {
      await sessions.stopAll();
      paused.dispose();
    }
  });
});
