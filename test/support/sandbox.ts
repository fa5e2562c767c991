// A whole sandbox (startSandbox) on free loopback ports for tests, with helpers to register
// devices and connect real mqtt.js clients. close() ends every client it made, then the sandbox.

import { connect, type IClientOptions, type MqttClient } from 'mqtt';
import { hashToken } from '../../src/server/store/store';
import { startSandbox, type SandboxHandle } from '../../src/server';
import type { ReadyInfo } from '../../src/core/readyInfo';
import { memoryLogger } from '../../src/server/log';
import type { SandboxOptionsInput } from '../../src/server/options';
import { connected, Inbox, subscribed } from './mqtt';
import { DEFAULT_WAIT_MS } from './waitFor';

export const TEST_ORG = 'testor';

export interface DeviceCredentials {
  clientId: string;
  typeId: string;
  deviceId: string;
  token: string;
}

export interface TestSandbox {
  readonly sandbox: SandboxHandle;
  readonly ready: ReadyInfo;
  readonly store: SandboxHandle['store'];
  /** Every stderr line the sandbox logged, as `level [component] message`. */
  readonly lines: string[];
  /** Registers a device (and its type) straight in the store. */
  registerDevice(typeId: string, deviceId: string, token?: string, gateway?: boolean): DeviceCredentials;
  /** An mqtt.js client that does not reconnect, closed by close(); not yet connected. */
  client(clientId: string, options?: IClientOptions & { url?: string }): MqttClient;
  /** A client of the registered device, with its token. */
  device(d: DeviceCredentials, options?: IClientOptions & { url?: string }): MqttClient;
  /** An application client with the sandbox's API key. */
  app(appId: string, options?: IClientOptions & { url?: string }): MqttClient;
  close(): Promise<void>;
}

/** Starts a sandbox with every port 0 on 127.0.0.1, org `testor`, logging to memory. */
export async function startTestSandbox(options: SandboxOptionsInput = {}): Promise<TestSandbox> {
  const log = memoryLogger();
  const sandbox = await startSandbox({
    org: TEST_ORG,
    host: '127.0.0.1',
    ...options,
    ports: { mqtt: 0, mqtts: 0, ws: 0, wss: 0, http: 0, https: 0, ...options.ports },
    log,
  });
  const { ready, store } = sandbox;
  const clients: MqttClient[] = [];
  const client = (clientId: string, o: IClientOptions & { url?: string } = {}) => {
    const { url = ready.mqttUrl, ...rest } = o;
    const c = connect(url, { clientId, reconnectPeriod: 0, connectTimeout: DEFAULT_WAIT_MS, ...rest });
    c.on('error', () => {}); // refusals are asserted by the tests that expect them
    clients.push(c);
    return c;
  };
  return {
    sandbox,
    ready,
    store,
    lines: log.lines,
    client,
    registerDevice(typeId, deviceId, token = `token-of-${deviceId}`, gateway = false) {
      const now = new Date().toISOString();
      if (!store.getType(typeId)) store.addType({ id: typeId, createdDateTime: now });
      store.addDevice({ typeId, deviceId, gateway, tokenHash: hashToken(token), createdDateTime: now });
      return { clientId: `${gateway ? 'g' : 'd'}:${ready.org}:${typeId}:${deviceId}`, typeId, deviceId, token };
    },
    device: (d, o = {}) => client(d.clientId, { username: 'use-token-auth', password: d.token, ...o }),
    app: (appId, o = {}) =>
      client(`a:${ready.org}:${appId}`, { username: ready.apiKey, password: ready.apiToken, ...o }),
    async close() {
      await Promise.all(clients.map((c) => c.endAsync(true).catch(() => undefined)));
      await sandbox.close();
    },
  };
}

/** An application of `t` subscribed to every monitor topic, devices' and applications': what the broker tests watch. */
export async function watchAllMonitors(t: TestSandbox, appId: string, options?: IClientOptions): Promise<Inbox> {
  const app = await connected(t.app(appId, options));
  const inbox = new Inbox(app);
  await subscribed(app, ['iot-2/type/+/id/+/mon', 'iot-2/app/+/mon']);
  return inbox;
}
