// The VS Code profile `npm start` opens: user settings with the sandbox as the active platform
// (URLs and API key only) and the quiet defaults of the test profiles, plus the one-time handover
// file with the token, readable by this user only, which the extension deletes once it has moved
// the token into secret storage (src/views/sandbox/bootstrap.ts).
import * as fs from 'fs';
import * as path from 'path';
import type { ReadyInfo } from '../../src/core/readyInfo';
import { localSandboxPlatform } from '../../src/features/localSandbox/platform';
import { readPlatforms, settingsEntry, withPlatform } from '../../src/features/platforms/config';
import { writeUserSettings } from '../vscode-web/settings';

export const NPM_START_PLATFORM = 'Local sandbox (npm start)';

export interface StartPaths {
  readonly sandboxData: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  readonly workspace: string;
  readonly bootstrapFile: string;
  /** code-server's config, XDG folders and log. */
  readonly runDir: string;
}

export function startPaths(dataDir: string, kind: 'browser' | 'desktop'): StartPaths {
  const profile = path.join(dataDir, `vscode-${kind}`);
  return {
    sandboxData: path.join(dataDir, 'sandbox'),
    userDataDir: path.join(profile, 'user-data'),
    extensionsDir: path.join(profile, 'extensions'),
    workspace: path.join(dataDir, 'workspace'),
    bootstrapFile: path.join(profile, 'user-data', 'iotc-bootstrap.json'),
    runDir: path.join(profile, 'server'),
  };
}

function existingSettings(userDataDir: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(path.join(userDataDir, 'User', 'settings.json'), 'utf8'));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Settings and handover for `ready`; other platforms the person added to this profile stay. */
export function writeProfile(paths: StartPaths, ready: ReadyInfo): void {
  for (const dir of [paths.userDataDir, paths.extensionsDir, paths.workspace]) fs.mkdirSync(dir, { recursive: true });
  const { config } = localSandboxPlatform(ready, NPM_START_PLATFORM);
  const platforms = withPlatform(
    readPlatforms(existingSettings(paths.userDataDir)['iotConnectivity.platforms']).platforms,
    config,
  );
  writeUserSettings(paths.userDataDir, {
    'iotConnectivity.platforms': platforms.map(settingsEntry),
    'iotConnectivity.activePlatform': NPM_START_PLATFORM,
  });
  const handover = `${JSON.stringify({ ...ready, platformName: NPM_START_PLATFORM })}\n`;
  const temporary = `${paths.bootstrapFile}.${process.pid}`;
  fs.writeFileSync(temporary, handover, { mode: 0o600 });
  fs.renameSync(temporary, paths.bootstrapFile);
}
