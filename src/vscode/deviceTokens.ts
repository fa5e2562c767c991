// Device tokens kept for debugging: Register Device… offers to keep a new device's
// token so a launch configuration naming the device (`"iotConnectivity": {"client": …}`) can hand
// it to the program. SecretStorage only, one key per platform and client id; never in settings.
import type * as vscode from 'vscode';

export type DeviceTokenKey = `iotConnectivity.deviceToken/${string}`;

function key(platformName: string, clientId: string): DeviceTokenKey {
  return `iotConnectivity.deviceToken/${encodeURIComponent(platformName)}/${encodeURIComponent(clientId)}`;
}

export class DeviceTokens {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  async get(platformName: string, clientId: string): Promise<string | undefined> {
    const token = await this.secrets.get(key(platformName, clientId));
    return token !== undefined && token !== '' ? token : undefined;
  }

  async set(platformName: string, clientId: string, token: string): Promise<void> {
    await this.secrets.store(key(platformName, clientId), token);
  }
}
