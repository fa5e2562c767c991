// The profile of a test run: no welcome page, no trust prompt, no telemetry, no update or
// gallery checks, no git scanning, no forwarding of the ports tests listen on — anything that
// could pop up or go to the network.
import * as fs from 'fs';
import * as path from 'path';

export const QUIET_SETTINGS: Readonly<Record<string, unknown>> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'remote.autoForwardPorts': false,
  'chat.disableAIFeatures': true,
};

/** Writes User/settings.json of a user-data-dir: existing values kept, the quiet ones on top. */
export function writeUserSettings(userDataDir: string, extra: Record<string, unknown> = {}): void {
  const file = path.join(userDataDir, 'User', 'settings.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let existing: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) existing = parsed as Record<string, unknown>;
  } catch {
    // absent or not plain JSON (comments): start afresh, this profile belongs to the tests
  }
  fs.writeFileSync(file, JSON.stringify({ ...existing, ...QUIET_SETTINGS, ...extra }, null, 2));
}
