// A person's first minute with the extension: the IoT Connectivity entry in the activity bar
// opens the Clients view; "IoT Connectivity: Show Log" from the palette shows its log channel.
import * as assert from 'assert';
import { screenshotOnFailure } from './harness/failures';
import { startWorkbench, type Workbench } from './harness/workbench';

describe('UI smoke: IoT Connectivity in a real VS Code', () => {
  let wb: Workbench;
  before(async () => {
    wb = await startWorkbench();
  });
  after(async () => {
    await wb?.close();
  });
  screenshotOnFailure(() => wb);

  it('opens the IoT Connectivity container from the activity bar and shows the Clients view', async () => {
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
