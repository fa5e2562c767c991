// Proves the tests run inside a real VS Code extension host with this extension loaded from
// its development path, activated by itself once start-up has finished (onStartupFinished: the
// status bar's pinned clients, npm start's first screen), with its contributions live.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { waitFor } from '../support/waitFor';
import { ourExtension } from './support/index';

describe('IoT Connectivity in a real VS Code extension host', () => {
  it('activates by itself after start-up, with no view, command or file of its own used', async () => {
    // Nothing here opens a view, runs a command or opens a file: only onStartupFinished activates it.
    await waitFor('the extension to be active', () => ourExtension().isActive, { timeoutMs: 20_000 });
  });

  it('opens the IoT Connectivity container, showing the Clients view', async () => {
    // The container's command exists only if the running VS Code registered the contribution.
    await vscode.commands.executeCommand('workbench.view.extension.iotConnectivity');
    await vscode.commands.executeCommand('iotConnectivity.clients.focus');
  });

  it('registers and runs "IoT Connectivity: Show Log"', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('iotConnectivity.showLog'), 'iotConnectivity.showLog is not registered');
    await vscode.commands.executeCommand('iotConnectivity.showLog');
  });

  it('receives the environment the test runner set', () => {
    // The channel later suites use to learn where the sandbox platform listens (IOT_SANDBOX).
    assert.strictEqual(process.env.IOTC_TEST_RUNNER, '1');
  });
});
