// The one check of commands that need a platform: the active one when it is ready; otherwise the
// command fails with why not (the error wrapper shows it with "Show Log").
import * as vscode from 'vscode';
import type { ActivePlatform } from '../../features/platforms/active';
import type { PlatformService } from './service';

/** The active platform, or an Error that says what is wrong (`none`: there is no platform at all). */
export async function requireReadyPlatform(
  platforms: PlatformService,
  none: string = vscode.l10n.t('Connect to a platform first.'),
): Promise<ActivePlatform> {
  const status = await platforms.status();
  if (status.kind === 'ready') return status.platform;
  throw new Error(status.kind === 'problem' ? status.message : none);
}
