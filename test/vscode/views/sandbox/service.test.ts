// "Start Local Sandbox" / "Stop Local Sandbox" in a real extension host: a real child process
// (the bundled dist/sandbox.js under the host's own Node), its platform added and made active with
// the token in secret storage and not in settings, the tree filled by its simulated fleet, a second
// start finding it running, Stop ending the process, and a restart keeping its data.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { IotConnectivityApi } from '../../../../src/extension';
import type { StartedSandbox } from '../../../../src/shared/commands';
import { LOCAL_SANDBOX_PLATFORM } from '../../../../src/features/localSandbox/platform';
import { waitFor } from '../../../support/waitFor';
import { extensionApi, label, removeAllPlatforms, rootsWhen } from '../clients/fixture';
import { pidAlive } from '../../../support/brokers/processes';

async function activeCredentials(
  api: IotConnectivityApi,
): Promise<{ apiUrl: string; apiKey: string; apiToken: string }> {
  const status = await api.platforms.status();
  if (status.kind !== 'ready') {
    throw new Error(`the platform is not ready: ${status.kind === 'problem' ? status.message : 'none'}`);
  }
  return { apiUrl: status.platform.resolved.apiUrl, ...status.platform.credentials };
}

describe('Start/Stop Local Sandbox', function () {
  this.timeout(90_000);
  let api: IotConnectivityApi;
  let first: StartedSandbox;

  before(async () => {
    api = await extensionApi();
    await removeAllPlatforms(api);
  });
  after(async () => {
    await vscode.commands.executeCommand('iotConnectivity.stopLocalSandbox');
    await removeAllPlatforms(api);
  });

  it(
    'starts the sandbox as a child process and makes it the active platform, token in secret storage ' + 'only',
    async () => {
      first = await vscode.commands.executeCommand<StartedSandbox>('iotConnectivity.startLocalSandbox', {
        fleetSize: 12,
      });
      assert.ok(first, 'the command returned nothing (see the log for its error)');
      assert.strictEqual(first.alreadyRunning, false);
      assert.ok(first.pid > 0 && first.pid !== process.pid && pidAlive(first.pid), 'a live child process');
      assert.match(first.apiUrl, /^http:\/\/127\.0\.0\.1:\d+\/api\/v0002$/);

      assert.strictEqual(api.platforms.activeName(), LOCAL_SANDBOX_PLATFORM);
      const entry = api.platforms.list().find((p) => p.name === LOCAL_SANDBOX_PLATFORM);
      assert.strictEqual(entry?.apiUrl, first.apiUrl);
      const { apiKey, apiToken } = await activeCredentials(api);
      assert.ok(apiToken.length >= 8, 'the token came from secret storage');
      const inSettings = JSON.stringify(vscode.workspace.getConfiguration('iotConnectivity').inspect('platforms'));
      assert.ok(
        inSettings.includes(apiKey) && !inSettings.includes(apiToken),
        'settings hold the API key, never the token',
      );

      const response = await fetch(`${first.apiUrl}/config/clientstate`, {
        headers: { authorization: `Basic ${Buffer.from(`${apiKey}:${apiToken}`).toString('base64')}` },
      });
      assert.strictEqual(response.status, 200);
    },
  );

  it('fills the Clients tree with its simulated fleet', async () => {
    const roots = await rootsWhen(
      api,
      'Connected (n > 0) from the simulated fleet',
      (r) => /^Connected \(([1-9]\d*)\)$/.test(label(r[0]) ?? ''),
      30_000,
    );
    assert.match(label(roots[1]), /^Disconnected \(\d+\)$/);
  });

  it('a second start finds it running and keeps it', async () => {
    const again = await vscode.commands.executeCommand<StartedSandbox>('iotConnectivity.startLocalSandbox');
    assert.deepStrictEqual(
      { pid: again.pid, apiUrl: again.apiUrl, alreadyRunning: again.alreadyRunning },
      { pid: first.pid, apiUrl: first.apiUrl, alreadyRunning: true },
    );
  });

  it('Stop ends the process; its API stops answering; the platform stays for the next start', async () => {
    assert.strictEqual(await vscode.commands.executeCommand<boolean>('iotConnectivity.stopLocalSandbox'), true);
    await waitFor(`the sandbox process ${first.pid} to be gone`, () => !pidAlive(first.pid), { timeoutMs: 10_000 });
    await assert.rejects(fetch(`${first.apiUrl}/config/clientstate`));
    assert.ok(api.platforms.list().some((p) => p.name === LOCAL_SANDBOX_PLATFORM));
    assert.strictEqual(
      await vscode.commands.executeCommand<boolean>('iotConnectivity.stopLocalSandbox'),
      false,
      'nothing left to stop',
    );
  });

  it('a restart keeps its data: the same API key, new ports, the platform updated', async () => {
    const { apiKey } = await activeCredentials(api);
    const second = await vscode.commands.executeCommand<StartedSandbox>('iotConnectivity.startLocalSandbox', {
      fleetSize: 0,
    });
    assert.strictEqual(second.alreadyRunning, false);
    assert.notStrictEqual(second.pid, first.pid);
    const now = await activeCredentials(api);
    assert.strictEqual(now.apiUrl, second.apiUrl);
    assert.strictEqual(now.apiKey, apiKey);
    // Devices of the first run's fleet are still registered (the state API lists those that connected).
    const roots = await rootsWhen(
      api,
      "the first fleet's clients in the tree",
      (r) => /^Disconnected \(([1-9]\d*)\)$/.test(label(r[1]) ?? ''),
      15_000,
    );
    assert.ok(roots.length >= 2);
  });
});
