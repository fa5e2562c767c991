// An application of the platform server subscribed to the monitor topics of any client id, telling when a message
// about a client arrived, on this process's clock (what the observe benchmarks compare with the broker's own signal).

import { connect, type MqttClient } from 'mqtt';
import type { BenchSandbox } from '../../sandbox/support/sandbox';

export type Arrival = (key: string, at: number) => void;

/** An application of the server on `iot-2/client/+/mon`: calls `arrived("{Action}|{ClientID}", at)`. */
export async function monitorWatcher(server: BenchSandbox, arrived: Arrival): Promise<MqttClient> {
  const { ready } = server;
  const app = connect(ready.mqttUrl, {
    clientId: `a:${ready.org}:bench-watcher`,
    username: ready.apiKey,
    password: ready.apiToken,
    reconnectPeriod: 0,
  });
  await new Promise((resolve, reject) => {
    app.once('connect', resolve);
    app.once('error', reject);
  });
  app.on('message', (_topic, payload, packet) => {
    if (packet.retain) return; // what was retained before the run
    const at = performance.now();
    const m = JSON.parse(payload.toString('utf8')) as { Action?: string; ClientID?: string };
    arrived(`${m.Action}|${m.ClientID}`, at);
  });
  await app.subscribeAsync('iot-2/client/+/mon', { qos: 0 });
  return app;
}
