// Starting the platform with the program, in a real extension host: the "IoT Connectivity: Local
// Sandbox" task is offered, and as a launch configuration's preLaunchTask it starts the local
// sandbox before js-debug starts the program; the configuration names a device
// ("iotConnectivity": {"client": …}) whose token Register Device… kept, and the program gets its
// connection in IOT_* variables — on the sandbox's new ports — and connects with them.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { IotConnectivityApi } from '../../../../src/extension';
import type { RegisteredDevice, StartedSandbox } from '../../../../src/shared/commands';
import { waitFor } from '../../../support/waitFor';
import { captureMessages, type MessageCapture } from '../../support/messages';
import { extensionApi, removeAllPlatforms, setSetting } from '../clients/fixture';
import { Debuggee, LiveSessions } from './debuggee';

const TASK = 'IoT Connectivity: Local Sandbox';

describe('Debug sessions: the platform started with the program', function () {
  this.timeout(120_000);
  let api: IotConnectivityApi;
  let messages: MessageCapture;
  const debuggee = new Debuggee();
  const sessions = new LiveSessions();
  let device: RegisteredDevice;

  before(async () => {
    api = await extensionApi();
    await removeAllPlatforms(api);
    await setSetting('localSandbox.fleetSize', 0);
    messages = captureMessages();
  });
  after(async () => {
    messages.restore();
    await sessions.stopAll();
    sessions.dispose();
    debuggee.dispose();
    for (const e of vscode.tasks.taskExecutions) e.terminate();
    await vscode.commands.executeCommand('iotConnectivity.stopLocalSandbox');
    await setSetting('localSandbox.fleetSize', undefined);
    await removeAllPlatforms(api);
  });

  it('offers the Local Sandbox task', async () => {
    const tasks = await vscode.tasks.fetchTasks({ type: 'iotConnectivity' });
    assert.deepStrictEqual(
      tasks.map((t) => [t.source, t.name, t.isBackground, t.definition.task]),
      [['IoT Connectivity', 'Local Sandbox', true, 'localSandbox']],
    );
  });

  it('keeps the token of a device Register Device… made, when asked to', async () => {
    const started = await vscode.commands.executeCommand<StartedSandbox>('iotConnectivity.startLocalSandbox');
    assert.ok(started);
    messages.answer = (m) => (m.actions.includes('Keep Token for Debugging') ? 'Keep Token for Debugging' : undefined);
    device = (await vscode.commands.executeCommand<RegisteredDevice>('iotConnectivity.registerDevice', {
      typeId: 'dbglaunch',
      deviceId: 'boiler-1',
    })) as RegisteredDevice;
    assert.ok(device, 'registered');
    await messages.next('the token kept', (m) => m.text.startsWith('The token of'));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    assert.strictEqual(await vscode.commands.executeCommand('iotConnectivity.stopLocalSandbox'), true);
  });

  it("starts the sandbox as preLaunchTask and gives the program the device's connection", async () => {
    const config = debuggee.configuration(
      'boiler with its platform',
      {},
      {
        preLaunchTask: TASK,
        iotConnectivity: { client: device.clientId },
      },
    );
    assert.ok(await vscode.debug.startDebugging(vscode.workspace.workspaceFolders?.[0], config));
    const status = await api.platforms.status();
    assert.strictEqual(status.kind, 'ready', 'the sandbox was ready before the program started');
    const mqttUrl = status.kind === 'ready' ? status.platform.resolved.mqttUrl : undefined;
    const where = await debuggee.connected();
    const env = debuggee.env();
    assert.deepStrictEqual(
      { ...env, password: env.password ? 'given' : 'missing' },
      { url: mqttUrl, clientId: device.clientId, username: 'use-token-auth', password: 'given' },
    );
    assert.ok(where.pid > 0, 'it connected as the device with them');
    assert.ok(
      vscode.tasks.taskExecutions.some((e) => e.task.name === 'Local Sandbox'),
      'the task runs on',
    );
    await waitFor('the client of the session', () => api.debug.loop.ownership.ownerOf(device.clientId), {
      timeoutMs: 20_000,
    });
  });
});
