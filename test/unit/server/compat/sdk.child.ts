// Run as a child process (with resolveLocalhost preloaded and NODE_EXTRA_CA_CERTS set to the
// sandbox's CA) by the @wiotp/sdk compatibility tests: it drives the official SDK's clients as
// the parent asks over IPC, with only the SDK's own options (domain, ports) changed, and reports
// every device status message the application receives.

import {
  ApiClient,
  ApplicationClient,
  ApplicationConfig,
  DeviceClient,
  DeviceConfig,
  RegistryClient,
} from '@wiotp/sdk';
import type { EventEmitter } from 'node:events';
import type { SdkEvent, SdkReply, SdkRequest } from './sdkProtocol';
import { messageOf } from '../../../../src/core/errors';

let device: DeviceClient | undefined;
let app: ApplicationClient | undefined;
let api: ApiClient | undefined;

const send = (message: SdkReply | SdkEvent) => process.send?.(message);

/** Resolves on `event`, rejects on the client's 'error' (the SDK emits refusals there). */
function until(client: EventEmitter, event: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: unknown) => {
      client.off(event, onEvent);
      reject(err instanceof Error ? err : new Error(String(err)));
    };
    const onEvent = () => {
      client.off('error', onError);
      resolve();
    };
    client.once(event, onEvent).once('error', onError);
  });
}

function watchErrors(client: EventEmitter, source: string): void {
  // Unheard, an 'error' of the SDK's EventEmitter would end this process.
  client.on('error', (err: unknown) => send({ event: 'error', source, message: String(err) }));
}

const ops: Record<SdkRequest['op'], (args: Record<string, unknown>) => Promise<unknown>> = {
  async deviceConnect(a) {
    const config = new DeviceConfig(
      { orgId: String(a.orgId), typeId: String(a.typeId), deviceId: String(a.deviceId) },
      { token: String(a.token) },
      { domain: 'localhost', logLevel: 'silent', mqtt: { port: Number(a.port) } },
    );
    device = new DeviceClient(config);
    const connected = until(device, 'connect');
    watchErrors(device, 'device');
    device.connect();
    await connected;
    return config.getMqttHost();
  },
  async devicePublish(a) {
    await new Promise<void>((resolve, reject) =>
      device?.publishEvent(String(a.eventId), 'json', a.data, 0, (err) => (err ? reject(err) : resolve())),
    );
  },
  async deviceDisconnect() {
    const closed = until(device as DeviceClient, 'close');
    device?.disconnect();
    await closed;
  },
  async appConnect(a) {
    const config = new ApplicationConfig(
      { appId: String(a.appId) },
      { key: String(a.key), token: String(a.token) },
      { domain: 'localhost', logLevel: 'silent', mqtt: { port: Number(a.port) } },
    );
    app = new ApplicationClient(config);
    app.on('deviceStatus', (typeId: string, deviceId: string, payload: Buffer) =>
      send({ event: 'deviceStatus', typeId, deviceId, payload: payload.toString('utf8') }),
    );
    const connected = until(app, 'connect');
    watchErrors(app, 'application');
    app.connect();
    await connected;
    return config.getMqttHost();
  },
  async appSubscribeToDeviceStatus(a) {
    app?.subscribeToDeviceStatus(a.typeId as string | undefined, a.deviceId as string | undefined);
  },
  async appDisconnect() {
    const closed = until(app as ApplicationClient, 'close');
    app?.disconnect();
    await closed;
  },
  async apiOpen(a) {
    // The REST API listens on another port than MQTT; the SDK puts the port in the domain.
    const config = new ApplicationConfig(
      { appId: 'api-calls' },
      { key: String(a.key), token: String(a.token) },
      { domain: `localhost:${Number(a.port)}`, logLevel: 'silent' },
    );
    api = new ApiClient(config);
    return config.getApiBaseUri();
  },
  async apiCall(a) {
    const client = api as ApiClient;
    const args = (a.args ?? []) as string[];
    switch (a.call) {
      case 'getConnectionStates':
        return client.getConnectionStates();
      case 'getConnectionState':
        return client.getConnectionState(args[0]);
      case 'getConnectedClientsConnectionStates':
        return client.getConnectedClientsConnectionStates();
      case 'getRecentConnectionStates':
        return client.getRecentConnectionStates(args[0]);
      case 'getDeviceConnectionLogs':
        return new RegistryClient(client).getDeviceConnectionLogs(args[0], args[1]);
      default:
        throw new Error(`no such call: ${String(a.call)}`);
    }
  },
};

process.on('message', (request: SdkRequest) => {
  ops[request.op](request.args).then(
    (value) => send({ id: request.id, ok: true, value }),
    (err: unknown) => {
      // axios (0.19) errors carry the HTTP answer.
      const response = (err as { response?: { status: number; data: unknown } }).response;
      send({
        id: request.id,
        ok: false,
        error: messageOf(err),
        status: response?.status,
        data: response?.data,
      });
    },
  );
});
// The parent's end is this process's end.
process.on('disconnect', () => process.exit(0));
