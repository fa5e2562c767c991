// The part of @wiotp/sdk (0.7.x, plain JavaScript without type declarations) that the
// compatibility tests use, as its sources in node_modules/@wiotp/sdk/src define it.

declare module '@wiotp/sdk' {
  import type { EventEmitter } from 'node:events';

  interface Options {
    domain?: string;
    logLevel?: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'silent';
    mqtt?: { port?: number; transport?: 'tcp' | 'websockets'; keepAlive?: number; cleanStart?: boolean };
  }

  export class DeviceConfig {
    constructor(
      identity: { orgId: string; typeId: string; deviceId: string },
      auth: { token: string },
      options?: Options,
    );
    getMqttHost(): string;
  }

  export class ApplicationConfig {
    constructor(identity: { appId: string }, auth: { key: string; token: string }, options?: Options);
    getMqttHost(): string;
    getApiBaseUri(): string;
  }

  class BaseClient extends EventEmitter {
    connect(): void;
    disconnect(): void;
    isConnected(): boolean;
  }

  export class DeviceClient extends BaseClient {
    constructor(config: DeviceConfig);
    publishEvent(eventId: string, format: string, data: unknown, qos?: number, callback?: (err?: Error) => void): this;
  }

  export class ApplicationClient extends BaseClient {
    constructor(config: ApplicationConfig);
    subscribeToDeviceStatus(typeId?: string, deviceId?: string, qos?: number): this;
  }

  export class ApiClient {
    constructor(config: ApplicationConfig);
    getConnectionStates(): Promise<unknown>;
    getConnectionState(id: string): Promise<unknown>;
    getConnectedClientsConnectionStates(): Promise<unknown>;
    getRecentConnectionStates(date: string): Promise<unknown>;
  }

  export class RegistryClient {
    constructor(apiClient: ApiClient);
    getDeviceConnectionLogs(typeId: string, deviceId: string): Promise<unknown>;
  }
}
