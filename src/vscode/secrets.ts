// API tokens and watched brokers' passwords live in SecretStorage only, one typed key each; never in settings or
// logs.
import type * as vscode from 'vscode';
import type { ResolvedPlatform } from '../features/platforms/config';
import { bindToken, readStoredToken, type StoredToken } from '../features/platforms/tokenBinding';

export type TokenKey = `iotConnectivity.apiToken/${string}`;

export function tokenKey(platformName: string): TokenKey {
  return `iotConnectivity.apiToken/${platformName}`;
}

export class TokenStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  async get(platformName: string): Promise<StoredToken | undefined> {
    return readStoredToken(await this.secrets.get(tokenKey(platformName)));
  }

  async set(platform: ResolvedPlatform, token: string): Promise<void> {
    await this.secrets.store(tokenKey(platform.name), JSON.stringify(bindToken(token, platform)));
  }

  async delete(platformName: string): Promise<void> {
    await this.secrets.delete(tokenKey(platformName));
  }

  /** Fires with the platform's name when its token changes (here or in another window). */
  onDidChange(listener: (platformName: string) => void): vscode.Disposable {
    const prefix = tokenKey('');
    return this.secrets.onDidChange((e) => {
      if (e.key.startsWith(prefix)) listener(e.key.slice(prefix.length));
    });
  }
}

export type BrokerPasswordKey = `iotConnectivity.brokerPassword/${string}`;

/** The passwords of watched brokers (Watch a Broker…), one per broker and user (features/watchBroker/target.ts). */
export class BrokerPasswords {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  private key(targetKey: string): BrokerPasswordKey {
    return `iotConnectivity.brokerPassword/${targetKey}`;
  }

  get(targetKey: string): Promise<string | undefined> {
    return Promise.resolve(this.secrets.get(this.key(targetKey)));
  }

  async set(targetKey: string, password: string | undefined): Promise<void> {
    if (password === undefined || password === '') await this.secrets.delete(this.key(targetKey));
    else await this.secrets.store(this.key(targetKey), password);
  }
}
