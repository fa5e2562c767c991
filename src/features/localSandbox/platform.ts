// A running sandbox as a platform entry (no `vscode` import: `npm start` writes the same entry
// into the profile it prepares): its URLs and API key for settings, its token for secret storage.
import type { ReadyInfo } from '../../core/readyInfo';
import type { PlatformConfig } from '../platforms/config';

/** The name "Start Local Sandbox" gives its platform. */
export const LOCAL_SANDBOX_PLATFORM = 'Local sandbox';

export type SandboxCredentials = Pick<ReadyInfo, 'org' | 'apiUrl' | 'mqttUrl' | 'apiKey' | 'apiToken'>;

export function localSandboxPlatform(
  ready: SandboxCredentials,
  name = LOCAL_SANDBOX_PLATFORM,
): { config: PlatformConfig; token: string } {
  return {
    config: { name, orgId: ready.org, apiUrl: ready.apiUrl, mqttUrl: ready.mqttUrl, apiKey: ready.apiKey },
    token: ready.apiToken,
  };
}
