// What the Clients-view tests share: the extension's services (activate's return value), the
// sandbox platform of this run, a fleet of real devices on it, and reading the tree like VS Code.
import * as vscode from 'vscode';
import { connect, type MqttClient } from 'mqtt';
import type { IotConnectivityApi } from '../../../../src/extension';
import { PlatformRestClient } from '../../../../src/platform';
import type { ClientsNode } from '../../../../src/views/clients/node';
import { waitFor } from '../../../support/waitFor';
import { sandboxFromEnv } from '../../support/sandbox';
import { ourExtension } from '../../support/index';

export const ready = sandboxFromEnv;

export async function extensionApi(): Promise<IotConnectivityApi> {
  return (await ourExtension().activate()) as IotConnectivityApi;
}

/** The test's own REST client for the sandbox (not the extension's). */
export function sandboxRest(): PlatformRestClient {
  const r = ready();
  return new PlatformRestClient({ apiUrl: r.apiUrl, apiKey: r.apiKey, apiToken: r.apiToken, callsPerSecond: 1000 });
}

export async function useSandbox(
  api: IotConnectivityApi,
  o: { name?: string; token?: string; apiUrl?: string } = {},
): Promise<void> {
  const r = ready();
  await api.platforms.save(
    { name: o.name ?? 'sandbox', apiUrl: o.apiUrl ?? r.apiUrl, mqttUrl: r.mqttUrl, apiKey: r.apiKey },
    o.token ?? r.apiToken,
  );
}

export async function removeAllPlatforms(api: IotConnectivityApi): Promise<void> {
  for (const p of api.platforms.list()) await api.platforms.remove(p.name);
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('iotConnectivity').update(key, value, vscode.ConfigurationTarget.Global);
}

export function item(node: ClientsNode): vscode.TreeItem {
  return node.getTreeItem();
}

export function label(node: ClientsNode): string {
  const l = node.getTreeItem().label;
  return typeof l === 'string' ? l : (l?.label ?? '');
}

/** A refresh, then the roots as VS Code would get them. */
export async function freshRoots(api: IotConnectivityApi): Promise<ClientsNode[]> {
  await api.clients.provider.refresh();
  return api.clients.provider.getChildren();
}

export async function childrenOf(api: IotConnectivityApi, node: ClientsNode): Promise<ClientsNode[]> {
  return api.clients.provider.getChildren(node);
}

/** Polls fresh roots until `check` holds; returns them. */
export function rootsWhen(
  api: IotConnectivityApi,
  what: string,
  check: (roots: ClientsNode[]) => boolean,
  timeoutMs = 10_000,
): Promise<ClientsNode[]> {
  return waitFor(
    what,
    async () => {
      const roots = await freshRoots(api);
      return check(roots) ? roots : undefined;
    },
    { timeoutMs, intervalMs: 200 },
  );
}

/** Real devices of one type on the sandbox: registered through its API, connected with mqtt.js. */
export class Fleet {
  private readonly clients = new Map<string, MqttClient>();
  private readonly tokens = new Map<string, string>();
  constructor(
    readonly typeId: string,
    private readonly rest = sandboxRest(),
  ) {}

  clientId(deviceId: string): string {
    return `d:${ready().org}:${this.typeId}:${deviceId}`;
  }

  async register(...deviceIds: string[]): Promise<void> {
    await this.rest.createDeviceType(this.typeId).catch((e: { kind?: string }) => {
      if (e.kind !== 'conflict') throw e;
    });
    for (const deviceId of deviceIds) {
      this.tokens.set(deviceId, (await this.rest.createDevice(this.typeId, { deviceId })).authToken);
    }
  }

  async connect(deviceId: string): Promise<void> {
    const client = connect(ready().mqttUrl, {
      clientId: this.clientId(deviceId),
      username: 'use-token-auth',
      password: this.tokens.get(deviceId),
      reconnectPeriod: 0,
    });
    client.on('error', () => undefined);
    this.clients.set(deviceId, client);
    await new Promise<void>((resolve, reject) =>
      client.once('connect', () => resolve()).once('close', () => reject(new Error(`${deviceId} was refused`))),
    );
    await this.stateIs(deviceId, 'connected');
  }

  async disconnect(deviceId: string): Promise<void> {
    await this.clients.get(deviceId)?.endAsync();
    this.clients.delete(deviceId);
    await this.stateIs(deviceId, 'disconnected');
  }

  /** The state API may lag a moment behind the broker (platform-contract.md §2). */
  stateIs(deviceId: string, status: string): Promise<unknown> {
    return waitFor(
      `${deviceId} ${status} in the state API`,
      async () => (await this.rest.getClientState(this.clientId(deviceId)).catch(() => undefined))?.status === status,
    );
  }

  async close(): Promise<void> {
    await Promise.all([...this.clients.values()].map((c) => c.endAsync(true).catch(() => undefined)));
    this.clients.clear();
    this.rest.dispose();
  }
}
