// Failures become tree items with the platform's words and an action that fixes them: 401/403 →
// Set Credentials…, the state API switched off → Enable (and the tree comes back), a host where
// nothing listens → what to check and Retry, no token on this computer → Set Credentials….
import * as assert from 'assert';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as vscode from 'vscode';
import { apiErrorBody } from '../../../../src/core/apiError';
import type { IotConnectivityApi } from '../../../../src/extension';
import type { ClientsNode } from '../../../../src/views/clients/node';
import {
  extensionApi,
  Fleet,
  freshRoots,
  item,
  label,
  ready,
  removeAllPlatforms,
  rootsWhen,
  sandboxRest,
  useSandbox,
} from './fixture';

function actions(roots: ClientsNode[]): { label: string; command?: string }[] {
  return roots
    .filter((n) => item(n).contextValue === 'action')
    .map((n) => ({ label: label(n), command: item(n).command?.command }));
}

function errorText(roots: ClientsNode[]): string {
  return roots
    .filter((n) => item(n).contextValue === 'error')
    .map((n) => `${label(n)}: ${item(n).description}`)
    .join('\n');
}

describe('Clients view: errors as items with their actions', () => {
  let api: IotConnectivityApi;
  before(async () => {
    api = await extensionApi();
  });
  after(async () => {
    await removeAllPlatforms(api);
  });

  it("a wrong token (403): the API's message, Set Credentials… and Retry; fixed, the groups return", async () => {
    await useSandbox(api, { token: 'wrong-token' });
    const roots = await freshRoots(api);
    assert.match(errorText(roots), /^Credentials refused: .*403/);
    assert.deepStrictEqual(actions(roots), [
      { label: 'Set Credentials…', command: 'iotConnectivity.setCredentials' },
      { label: 'Retry', command: 'iotConnectivity.refresh' },
    ]);
    await api.platforms.setToken('sandbox', ready().apiToken);
    await rootsWhen(
      api,
      'the groups after fixing the token',
      (r) => r.length === 2 && label(r[0]).startsWith('Connected ('),
    );
  });

  it('missing credentials (401, from a platform that says so): Set Credentials…', async () => {
    const server = http.createServer((_req, res) => {
      res
        .writeHead(401, { 'content-type': 'application/json' })
        .end(JSON.stringify(apiErrorBody('CUDCS0401E', 'Missing or invalid credentials.')));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      await useSandbox(api, {
        name: 'strict',
        apiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v0002`,
      });
      const roots = await freshRoots(api);
      assert.match(errorText(roots), /401|credentials/i);
      assert.deepStrictEqual(
        actions(roots).map((a) => a.command),
        ['iotConnectivity.setCredentials', 'iotConnectivity.refresh'],
      );
    } finally {
      await api.platforms.remove('strict');
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('a host where nothing listens: says it was refused, what to check, Retry and the settings', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = http.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    await useSandbox(api, { name: 'gone', apiUrl: `http://127.0.0.1:${port}/api/v0002` });
    try {
      const roots = await freshRoots(api);
      assert.match(
        errorText(roots),
        new RegExp(`^Platform not reachable: Cannot reach 127\\.0\\.0\\.1:${port}.*refused`),
      );
      const error = roots.find((n) => item(n).contextValue === 'error') as ClientsNode;
      assert.match(String(item(error).tooltip), /Check the URLs of platform "gone"/);
      assert.deepStrictEqual(
        actions(roots).map((a) => a.command),
        ['iotConnectivity.refresh', 'workbench.action.openSettings'],
      );
    } finally {
      await api.platforms.remove('gone');
    }
  });

  it('no token stored on this computer: says so, with Set Credentials…', async () => {
    await useSandbox(api);
    await vscode.workspace
      .getConfiguration('iotConnectivity')
      .update(
        'platforms',
        [...api.platforms.list(), { name: 'tokenless', apiUrl: ready().apiUrl, apiKey: ready().apiKey }],
        vscode.ConfigurationTarget.Global,
      );
    await api.platforms.select('tokenless');
    const roots = await freshRoots(api);
    assert.match(
      errorText(roots),
      /^Credentials needed: No API token is stored on this computer for platform "tokenless"/,
    );
    assert.deepStrictEqual(
      actions(roots).map((a) => a.command),
      ['iotConnectivity.setCredentials'],
    );
    await api.platforms.remove('tokenless');
  });

  // Last: switching the feature off deletes every stored state (platform-contract.md §2).
  it(
    'the state API switched off: "Enable Client Connection State API" switches it on and the tree ' + 'returns',
    async () => {
      const rest = sandboxRest();
      const fleet = new Fleet('ferr');
      try {
        await useSandbox(api);
        await rest.setClientStateConfig(false);
        const roots = await freshRoots(api);
        assert.match(errorText(roots), /^Client Connection State API is off: .*switched off/);
        const enable = actions(roots)[0];
        assert.deepStrictEqual(enable, {
          label: 'Enable Client Connection State API',
          command: 'iotConnectivity.enableClientState',
        });
        await vscode.commands.executeCommand(enable.command as string);
        assert.deepStrictEqual(await rest.getClientStateConfig(), { enabled: true });
        await fleet.register('e1');
        await fleet.connect('e1');
        await rootsWhen(
          api,
          'the groups, with the new client',
          (r) => r.length === 2 && label(r[0]) !== 'Connected (0)',
        );
      } finally {
        await rest.setClientStateConfig(true);
        await fleet.close();
        rest.dispose();
      }
    },
  );
});
