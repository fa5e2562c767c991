// A launch configuration that names a device (`"iotConnectivity": {"client": "d:org:type:id"}`)
// gets the connection facts in its debuggee's environment: IOT_MQTT_URL,
// IOT_CLIENT_ID, IOT_USERNAME, IOT_PASSWORD and IOT_CA_FILE, from the active platform and the
// device token kept in SecretStorage (asked for once, and kept, when there is none). Done in
// resolveDebugConfigurationWithSubstitutedVariables: VS Code runs the preLaunchTask (which may
// start the local sandbox) before that step and after resolveDebugConfiguration.
import * as vscode from 'vscode';
import { parseClientId } from '../../core/ids';
import { plainText } from '../../core/text';
import { connectionFacts } from '../../features/register/facts';
import type { DeviceTokens } from '../../vscode/deviceTokens';
import type { Log } from '../../vscode/log';
import type { PlatformService } from '../../vscode/platforms/service';

/** The device a configuration names, when it names one. */
function namedClient(config: vscode.DebugConfiguration): string | undefined {
  const own = (config as { iotConnectivity?: unknown }).iotConnectivity;
  const client = typeof own === 'object' && own !== null ? (own as { client?: unknown }).client : undefined;
  return typeof client === 'string' && client !== '' ? client : undefined;
}

export class DeviceEnvProvider implements vscode.DebugConfigurationProvider {
  constructor(
    private readonly platforms: PlatformService,
    private readonly tokens: DeviceTokens,
    private readonly log: Log,
  ) {}

  async resolveDebugConfigurationWithSubstitutedVariables(
    _folder: vscode.WorkspaceFolder | undefined,
    config: vscode.DebugConfiguration,
  ): Promise<vscode.DebugConfiguration | undefined> {
    const clientId = namedClient(config);
    // js-debug starts its child session with the parent's configuration: it has its environment already.
    if (clientId === undefined || '__pendingTargetId' in config) return config;
    const shown = plainText(clientId, 120);
    const id = parseClientId(clientId);
    if (!id || (id.kind !== 'device' && id.kind !== 'gateway')) {
      void vscode.window.showErrorMessage(
        vscode.l10n.t('"iotConnectivity.client" must be a device id (d:org:type:id), not {0}.', shown),
      );
      return undefined;
    }
    const status = await this.platforms.status();
    if (status.kind !== 'ready') {
      void vscode.window.showErrorMessage(
        vscode.l10n.t(
          'The launch configuration names device {0}, but no platform is ready: start the local sandbox ' +
            '(preLaunchTask "IoT Connectivity: Local Sandbox") or connect to one.',
          shown,
        ),
      );
      return undefined;
    }
    const platform = status.platform;
    const org = platform.resolved.orgId;
    if (org !== undefined && org !== id.orgId) {
      void vscode.window.showErrorMessage(
        vscode.l10n.t('Device {0} is not of organization {1} of the active platform.', shown, plainText(org, 40)),
      );
      return undefined;
    }
    const token = await this.token(platform.name, clientId);
    if (token === undefined) return undefined;
    const facts = connectionFacts({
      mqttUrl: platform.resolved.mqttUrl,
      caFile: platform.resolved.caFile,
      clientId,
      token,
    });
    const env: Record<string, string> = {
      IOT_MQTT_URL: platform.resolved.mqttUrl ?? '',
      IOT_CLIENT_ID: clientId,
      IOT_USERNAME: facts.username,
      IOT_PASSWORD: facts.password,
      ...(facts.caFile !== undefined ? { IOT_CA_FILE: facts.caFile } : {}),
    };
    this.log.for('debug').info(`launch "${plainText(String(config.name), 80)}": the environment of ${clientId}`);
    // What the configuration sets itself wins.
    const given = typeof config.env === 'object' && config.env !== null ? (config.env as Record<string, unknown>) : {};
    return { ...config, env: { ...env, ...given } };
  }

  private async token(platformName: string, clientId: string): Promise<string | undefined> {
    const kept = await this.tokens.get(platformName, clientId);
    if (kept !== undefined) return kept;
    const token = await vscode.window.showInputBox({
      title: vscode.l10n.t('Token of device {0}', plainText(clientId, 80)),
      prompt: vscode.l10n.t('The program gets it as IOT_PASSWORD; it is kept in secret storage for the next launch.'),
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) =>
        v.trim() === '' ? vscode.l10n.t('The token is needed to connect as the device.') : undefined,
    });
    if (token === undefined) return undefined;
    await this.tokens.set(platformName, clientId, token.trim());
    return token.trim();
  }
}
