// The server's own MQTT listener in observe modes (platform-contract.md §7.2): the observed broker's clients talk to
// that broker, not here; here applications of the organization (an API key and its token) subscribe to monitor
// topics, and nothing else. Devices and strangers are refused (aedes itself refuses MQTT 5 with CONNACK 1, as the
// platform did); a publish closes the connection.

import { Aedes, type AuthenticateError } from 'aedes';
import type { EventEmitter } from 'node:events';
import { ConnackCode } from '../../core/closeCodes';
import { isDeviceLike, orgFromApiKey, parseClientId } from '../../core/ids';
import type { Logger } from '../log';
import type { SandboxStore } from '../store/store';
import { listenMqtt, listenWebSocket, type Listener, type TlsMaterial } from '../mqtt/listeners';
import { MonitorPublisher } from './publisher';

const W = '(?:[^/+#]+|\\+)';
const MONITOR_FILTERS = [
  new RegExp(`^iot-2/type/${W}/id/${W}/mon$`),
  new RegExp(`^iot-2/app/${W}/mon$`),
  new RegExp(`^iot-2/client/${W}/mon$`),
];

export interface MonitorListenerOptions {
  org: string;
  host: string;
  store: SandboxStore;
  log: Logger;
  ports: { mqtt?: number; mqtts?: number; ws?: number; wss?: number };
  tls?: TlsMaterial;
}

export interface MonitorListener {
  readonly ports: { mqtt: number | null; mqtts: number | null; ws: number | null; wss: number | null };
  readonly publisher: MonitorPublisher;
  close(): Promise<void>;
}

function refusal(message: string, returnCode: number): AuthenticateError {
  return Object.assign(new Error(message), { returnCode }) as AuthenticateError;
}

export async function startMonitorListener(o: MonitorListenerOptions): Promise<MonitorListener> {
  const log = o.log;
  const broker = await Aedes.createBroker({ concurrency: 0 });
  (broker as EventEmitter).on('error', (err: Error) => log.error(`monitor listener: ${err.message}`));
  broker.authenticate = (client, username, password, done) => {
    const id = parseClientId(client.id);
    const token = password?.toString('utf8') ?? '';
    if (id === undefined || isDeviceLike(id) || id.orgId !== o.org) {
      log.warn(
        `a client that is not an application of ${o.org} was refused: in observe modes this listener serves ` +
          `monitor topics to applications only`,
      );
      return done(refusal('applications only', ConnackCode.NotAuthorized), null);
    }
    const ok = username !== undefined && orgFromApiKey(username) === o.org && o.store.verifyApiKey(username, token);
    if (!ok) {
      log.warn(`application ${id.raw} refused: unknown API key or wrong token`);
      return done(refusal('unknown API key or wrong token', ConnackCode.NotAuthorized), null);
    }
    done(null, true);
  };
  broker.authorizePublish = (client, _packet, done) => {
    log.warn(`${client?.id ?? 'a client'} published; in observe modes this listener only serves monitor topics`);
    done(new Error('publishing is not served here'));
  };
  broker.authorizeSubscribe = (_client, sub, done) => {
    const ok = MONITOR_FILTERS.some((f) => f.test(sub.topic));
    // A refused filter is answered with SUBACK 0x80, as MQTT 3.1.1 allows; the connection stays.
    done(null, ok ? sub : null);
  };

  const publisher = new MonitorPublisher(broker, log);
  const listeners: Listener[] = [];
  const accept = (conn: Parameters<typeof broker.handle>[0], _socket: unknown, _t: unknown, req?: unknown) =>
    broker.handle(conn, req as Parameters<typeof broker.handle>[1]);
  const bind = async (port: number | undefined, start: (port: number) => Promise<Listener>) => {
    if (port === undefined) return null;
    const listener = await start(port);
    listeners.push(listener);
    return listener.port;
  };
  const close = async () => {
    publisher.stopped = true;
    const stopped = listeners.map((l) => l.close());
    await new Promise<void>((resolve) => broker.close(() => resolve()));
    await Promise.all(stopped);
  };
  try {
    const needTls = () => {
      if (!o.tls) throw new Error('a TLS listener needs TLS material');
      return o.tls;
    };
    const ports = {
      mqtt: await bind(o.ports.mqtt, (p) => listenMqtt(o.host, p, accept, log)),
      mqtts: await bind(o.ports.mqtts, (p) => listenMqtt(o.host, p, accept, log, needTls())),
      ws: await bind(o.ports.ws, (p) => listenWebSocket(o.host, p, accept, log)),
      wss: await bind(o.ports.wss, (p) => listenWebSocket(o.host, p, accept, log, needTls())),
    };
    return { ports, publisher, close };
  } catch (err) {
    await close();
    throw err;
  }
}
