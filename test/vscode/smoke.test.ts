// Proves the tests run inside a real VS Code extension host with this extension loaded from
// its development path, activated lazily by its view or command, with its contributions live.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { waitFor } from '../support/waitFor';
import { ourExtension } from './support/index';

describe('IoT Connectivity in a real VS Code extension host', () => {
  it('is loaded but not active before its view or a command is used', () => {
    // Activation only by the view and commands: a plain start must not activate it.
    assert.strictEqual(ourExtension().isActive, false);
  });

  it('activates when the IoT Connectivity container is opened, showing the Clients view', async () => {
    // The container's command exists only if the running VS Code registered the contribution.
    await vscode.commands.executeCommand('workbench.view.extension.iotConnectivity');
    await waitFor('the extension to be active', () => ourExtension().isActive, { timeoutMs: 10_000 });
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
