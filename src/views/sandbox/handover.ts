// What `npm start` hands this window: the sandbox it started (takeBootstrap: the platform and its
// token). The platform status waits for it, so the tree never shows "Credentials needed" while the
// token is on its way. Once taken, the window shows the Clients view and, the first time, the
// walkthrough in the editor area (in the active group: no empty group beside it).
import * as path from 'path';
import * as vscode from 'vscode';
import type { Log } from '../../vscode/log';
import type { PlatformService } from '../../vscode/platforms/service';
import { BOOTSTRAP_ENV, takeBootstrap } from '../../features/localSandbox/bootstrap';
import { messageOf } from '../../core/errors';

/** contributes.walkthroughs[0].id in package.json. */
const WALKTHROUGH_ID = 'gettingStarted';
const WALKTHROUGH_SHOWN = 'iotConnectivity.walkthroughShown';
const FIRST_SCREEN_SHOWN = 'iotConnectivity.firstScreenShown';
/** The view container of package.json (contributes.viewsContainers.activitybar[0].id). */
const SHOW_CONTAINER = 'workbench.view.extension.iotConnectivity';

/** The data dir of the window's own local sandbox (Start Local Sandbox). */
export function ownSandboxDataDir(context: vscode.ExtensionContext): string {
  return path.join(context.globalStorageUri.fsPath, 'sandbox');
}

/** Takes npm start's handover, if any, with the platform status held until the first screen is up. */
export function takeHandover(context: vscode.ExtensionContext, platforms: PlatformService, log: Log): void {
  const launchedByNpmStart = process.env[BOOTSTRAP_ENV] !== undefined;
  const taken = takeBootstrap(platforms, log).then(async (ok) => {
    // Taken now, or a first look in this browser at the window npm start opened (another browser,
    // cleared site data): the Clients view offers the sandbox's token there.
    const firstLook = launchedByNpmStart && !context.workspaceState.get(FIRST_SCREEN_SHOWN);
    if (ok || firstLook) {
      await context.workspaceState.update(FIRST_SCREEN_SHOWN, true);
      await showFirstScreen(context).catch((err: unknown) => log.for('sandbox').warn(messageOf(err)));
    }
    return ok;
  });
  platforms.holdUntil(taken);
}

/**
 * The Clients view, and the first time the walkthrough. Opened while the status is held: VS Code
 * registers a walkthrough's `onContext` completion events when it first shows one, and a step
 * whose expression is already true then never ticks; so the platform becomes ready afterwards.
 */
async function showFirstScreen(context: vscode.ExtensionContext): Promise<void> {
  await vscode.commands.executeCommand(SHOW_CONTAINER);
  if (context.globalState.get(WALKTHROUGH_SHOWN)) return;
  await context.globalState.update(WALKTHROUGH_SHOWN, true);
  await vscode.commands.executeCommand(
    'workbench.action.openWalkthrough',
    `${context.extension.id}#${WALKTHROUGH_ID}`,
    false,
  );
}
