// "Enable Client Connection State API": PUT config/clientstate {enabled: true} on the active
// platform (the tree offers it when the state API answers 403 because it is off), then refresh.
import * as vscode from 'vscode';
import { plainText } from '../../core/text';
import type { PlatformService } from '../../vscode/platforms/service';
import { requireReadyPlatform } from '../../vscode/platforms/ready';
import { withUserProgress } from '../../vscode/progress';

export async function enableClientState(platforms: PlatformService, refresh: () => void): Promise<void> {
  const platform = await requireReadyPlatform(platforms);
  const name = plainText(platform.name, 60);
  await withUserProgress(vscode.l10n.t('Switching on the Client Connection State API of {0}…', name), (signal) =>
    platform.rest.setClientStateConfig(true, signal),
  );
  refresh();
  void vscode.window.showInformationMessage(
    vscode.l10n.t('The Client Connection State API of {0} is on. Clients appear once they connect or try to.', name),
  );
}
