// "Reading device types…" against a platform that never stops paging (a real HTTP server of the
// test that sends a new bookmark with every page): Register Device shows it as a notification
// with Cancel, and Cancel ends the reading and the command at once (platform/rest/paging.ts
// bounds it anyway). Query Clients' device-type filter reads the same way.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { IotConnectivityApi } from '../../../../src/extension';
import { waitFor } from '../../../support/waitFor';
import { startHostilePlatform, type HostilePlatform } from '../../support/hostilePlatform';
import { captureProgress, type ProgressCapture } from '../../support/progress';
import { extensionApi, removeAllPlatforms } from '../clients/fixture';

describe('Reading device types from a platform that never stops paging: progress with Cancel', () => {
  let api: IotConnectivityApi;
  let platform: HostilePlatform;
  let progress: ProgressCapture;
  const quickPick = vscode.window.showQuickPick;

  before(async () => {
    api = await extensionApi();
    platform = await startHostilePlatform();
    platform.routes.set('GET /device/types', (i) => [200, { results: [{ id: `t${i}` }], bookmark: `b${i}` }]);
    await api.platforms.save(
      { name: 'endless', apiUrl: platform.api.apiUrl, mqttUrl: platform.broker.url, apiKey: 'a-endles-abcdefghij' },
      'endless-token',
    );
    progress = captureProgress();
  });
  after(async () => {
    progress?.restore();
    (vscode.window as { showQuickPick: unknown }).showQuickPick = quickPick;
    if (api) await removeAllPlatforms(api);
    await platform?.close();
  });

  const typeReads = () => platform.api.requests.filter((r) => r.url.startsWith('/api/v0002/device/types')).length;

  async function cancelsTheRead(running: Thenable<unknown>): Promise<void> {
    const shown = await waitFor('the progress of reading device types', () =>
      progress.shown.find((p) => p.title === 'Reading device types…'),
    );
    assert.strictEqual(shown.location, vscode.ProgressLocation.Notification);
    assert.strictEqual(shown.cancellable, true, 'the progress has a Cancel button');
    const before = typeReads();
    await waitFor('a few pages read', () => typeReads() >= before + 3);
    shown.cancel();
    await running;
    const after = typeReads();
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.ok(typeReads() <= after + 1, `still reading after Cancel: ${typeReads() - after} more pages`);
  }

  it('Register Device: Cancel ends the reading and the command', async () => {
    await cancelsTheRead(vscode.commands.executeCommand('iotConnectivity.registerDevice'));
  });

  it("Query Clients' device-type filter: Cancel ends the reading; the value can be typed instead", async () => {
    let menus = 0;
    (vscode.window as { showQuickPick: unknown }).showQuickPick = (items: Thenable<unknown[]> | unknown[]) =>
      Promise.resolve(items).then((list) => {
        menus++;
        // First the filter menu: choose "Device type"; then the value list: back out; then leave.
        if (menus === 1) return list.find((i) => (i as { field?: string }).field === 'deviceType');
        return undefined;
      });
    progress.shown.length = 0;
    await cancelsTheRead(vscode.commands.executeCommand('iotConnectivity.queryClients'));
    assert.ok(menus >= 2, 'the value list was shown after Cancel');
  });
});
