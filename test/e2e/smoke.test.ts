// A person's first minute with the extension: the IoT Connectivity entry in the activity bar
// opens the Clients view; "IoT Connectivity: Show Log" from the palette shows its log channel.
// The same workbench also checks the harness's helpers on VS Code's own Explorer, editor,
// status bar and Markdown preview (a webview), so later scenarios can trust them.
import * as assert from 'assert';
import * as path from 'path';
import { screenshotOnFailure } from './harness/failures';
import { startWorkbench, type Workbench } from './harness/workbench';

describe('UI smoke in a real VS Code', () => {
  let wb: Workbench;
  before(async () => {
    wb = await startWorkbench({ folder: path.resolve('test', 'e2e', 'workspace') });
  });
  after(async () => {
    await wb?.close();
  });
  screenshotOnFailure(() => wb);

  describe('IoT Connectivity', () => {
    it('opens its container from the activity bar and shows the Clients view', async () => {
      await wb.ui.openView('IoT Connectivity');
      await wb.ui.waitForView('Clients');
      await wb.ui.screenshot('smoke-clients-view');
    });

    it('runs "IoT Connectivity: Show Log" from the command palette and shows the log channel', async () => {
      await wb.ui.runCommand('IoT Connectivity: Show Log');
      const output = await wb.ui.outputChannel('[extension] activated');
      assert.strictEqual(output.channel, 'IoT Connectivity');
      await wb.ui.screenshot('smoke-show-log');
    });
  });

  describe("the UI harness on VS Code's own views", () => {
    const activeTab = (name: string) => wb.page.locator('.part.editor .tab.active').filter({ hasText: name });

    it('reads and clicks tree rows, and reads a status-bar item', async () => {
      await wb.ui.openView('Explorer');
      await wb.ui.treeRow('notes.txt');
      const labels = (await wb.ui.treeRows()).map((row) => row.label);
      assert.ok(labels.includes('README.md') && labels.includes('notes.txt'), `Explorer rows: ${labels.join(', ')}`);
      await wb.ui.clickTreeRow('notes.txt');
      await wb.ui.waitVisible(activeTab('notes.txt'), 'notes.txt open in the editor');
      assert.match(await wb.ui.statusBarItem('status.editor.selection'), /Ln 1, Col 1/);
    });

    it("uses a tree row's context menu and reaches into a webview", async () => {
      await wb.ui.contextMenu('README.md', 'Open to the Side');
      await wb.ui.waitVisible(activeTab('README.md'), 'README.md open in the editor');
      await wb.ui.runCommand('Markdown: Open Preview');
      await wb.ui.waitVisible(
        wb.ui.webviewFrame().locator('h1', { hasText: 'Sample workspace' }),
        "the Markdown preview's heading",
      );
      await wb.ui.screenshot('harness-explorer-and-webview');
    });
  });
});
