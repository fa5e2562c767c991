// mqtt.js clients of a broker the test runs (not of the platform server), ended by endAll().

import { connect, type IClientOptions, type MqttClient } from 'mqtt';
import { DEFAULT_WAIT_MS } from '../../../../support/waitFor';

export class BrokerClients {
  private readonly clients: MqttClient[] = [];

  constructor(
    private readonly url: string,
    private readonly defaults: IClientOptions = {},
  ) {}

  /** A client that does not reconnect; errors are for the tests that expect them. */
  client(clientId: string, o: IClientOptions = {}): MqttClient {
    const c = connect(this.url, {
      clientId,
      reconnectPeriod: 0,
      connectTimeout: DEFAULT_WAIT_MS,
      ...this.defaults,
      ...o,
    });
    c.on('error', () => {});
    this.clients.push(c);
    return c;
  }

  async endAll(): Promise<void> {
    await Promise.all(this.clients.splice(0).map((c) => c.endAsync(true).catch(() => undefined)));
  }
}

/** The local (source) port of a connected client's socket. */
export function localPort(c: MqttClient): number {
  return (c.stream as unknown as { localPort: number }).localPort;
}
