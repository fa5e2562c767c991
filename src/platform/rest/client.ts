// The REST client the extension talks to a platform with: one per platform (its pacing is shared
// by all its calls). Every method takes an optional AbortSignal and fails only with PlatformError.

import type { ClientState } from '../../core/clientState';
import { getKeepAlive, holdKeepAlive, releaseKeepAlive, type KeepAliveInfo } from './debug';
import { getSource, type SourceInfo } from './source';
import { Transport } from './http';
import { getConnectionLog, streamConnectionLog, type LogPage, type LogRequest, type LogStreamRequest } from './logs';
import { resolveRestOptions, type ResolvedRestOptions, type RestClientOptions } from './options';
import {
  createDevice,
  createDeviceType,
  getDevice,
  listDeviceTypes,
  type CreatedDevice,
  type Device,
  type DeviceType,
} from './registry';
import {
  allClientStates,
  getClientState,
  getClientStateConfig,
  listClientStates,
  setClientStateConfig,
  type ClientStateConfig,
  type ClientStatePage,
  type StatePageRequest,
} from './states';
import { verify, type VerifyResult } from './verify';

export class PlatformRestClient {
  private readonly options: ResolvedRestOptions;
  private readonly transport: Transport;

  constructor(options: RestClientOptions) {
    this.options = resolveRestOptions(options);
    this.transport = new Transport(this.options);
  }

  /** `host:port` of the API, for messages. */
  get host(): string {
    return this.transport.host;
  }
  /** The API base URL in its normal form (ends in /api/v0002). */
  get baseUrl(): string {
    return this.options.baseUrl;
  }

  verify(signal?: AbortSignal): Promise<VerifyResult> {
    return verify(this.transport, this.options.apiKey, this.options.baseUrl, signal);
  }

  // --- Client Connection State API (platform-contract.md §2)

  listClientStates(request?: StatePageRequest, signal?: AbortSignal): Promise<ClientStatePage> {
    return listClientStates(this.transport, request, signal);
  }
  allClientStates(request?: StatePageRequest, signal?: AbortSignal): AsyncGenerator<ClientStatePage> {
    return allClientStates(this.transport, request, signal);
  }
  getClientState(clientId: string, signal?: AbortSignal): Promise<ClientState> {
    return getClientState(this.transport, clientId, signal);
  }
  getClientStateConfig(signal?: AbortSignal): Promise<ClientStateConfig> {
    return getClientStateConfig(this.transport, signal);
  }
  setClientStateConfig(enabled: boolean, signal?: AbortSignal): Promise<ClientStateConfig> {
    return setClientStateConfig(this.transport, enabled, signal);
  }

  // --- Connection Logs API (platform-contract.md §3)

  getConnectionLog(request: LogRequest, signal?: AbortSignal): Promise<LogPage> {
    return getConnectionLog(this.transport, request, signal);
  }
  streamConnectionLog(request: LogStreamRequest, signal?: AbortSignal): AsyncGenerator<LogPage> {
    return streamConnectionLog(this.transport, request, signal);
  }

  // --- Device registry (platform-contract.md §5)

  listDeviceTypes(signal?: AbortSignal): Promise<DeviceType[]> {
    return listDeviceTypes(this.transport, signal);
  }
  createDeviceType(id: string, description?: string, signal?: AbortSignal): Promise<DeviceType> {
    return createDeviceType(this.transport, id, description, signal);
  }
  createDevice(
    typeId: string,
    device: { deviceId: string; authToken?: string },
    signal?: AbortSignal,
  ): Promise<CreatedDevice> {
    return createDevice(this.transport, typeId, device, signal);
  }
  getDevice(typeId: string, deviceId: string, signal?: AbortSignal): Promise<Device> {
    return getDevice(this.transport, typeId, deviceId, signal);
  }

  // --- Debugging (platform-contract.md §8) and the broker behind the API (§7.2)

  getKeepAlive(clientId: string, signal?: AbortSignal): Promise<KeepAliveInfo> {
    return getKeepAlive(this.transport, clientId, signal);
  }
  /** Holds the client's keep-alive for 1–3600 s (the sandbox's own broker only). */
  holdKeepAlive(clientId: string, seconds: number, signal?: AbortSignal): Promise<KeepAliveInfo> {
    return holdKeepAlive(this.transport, clientId, seconds, signal);
  }
  releaseKeepAlive(clientId: string, signal?: AbortSignal): Promise<KeepAliveInfo> {
    return releaseKeepAlive(this.transport, clientId, signal);
  }
  /** The broker behind the API (platform-contract.md §7.2); `kind: 'unknown'` for a platform that does not say. */
  getSource(signal?: AbortSignal): Promise<SourceInfo> {
    return getSource(this.transport, signal);
  }

  /** Closes kept-alive connections. Calls made afterwards open new ones. */
  dispose(): void {
    this.transport.dispose();
  }
}
