// The sandbox's MQTT broker: aedes with the platform's rules, on every listener asked for.

import { Aedes } from 'aedes';
import { once, type EventEmitter } from 'node:events';
import { CloseCode } from '../../../../core/closeCodes';
import { MAX_PAYLOAD_BYTES } from '../../../../core/limits';
import type { Logger } from '../../../log';
import type { SandboxStore } from '../../../store/store';
import { closeSession, socketClosed } from './closing';
import { installConnectHooks } from './connectHooks';
import type { BrokerContext } from './context';
import { listenMqtt, listenWebSocket, type Accept, type Listener, type TlsMaterial } from '../../../mqtt/listeners';
import { MonitorPublisher } from '../../../monitor/publisher';
import { keepAliveAdmin, type KeepAliveView } from './keepAliveAdmin';
import { ConnectivityRecorder } from './recorder';
import { recoverConnectedClients } from './recovery';
import { Session } from './session';
import { Sessions } from './sessions';
import { SizeGuard } from './sizeGuard';
import { StateWriter } from './stateWriter';
import { installTrafficHooks } from './trafficHooks';
import { AuthFailures, type AuthLimits } from '../../../authLimit';

/** A port to listen on (0 = a free one), or undefined for no such listener. */
export interface BrokerPorts {
  mqtt?: number;
  mqtts?: number;
  ws?: number;
  wss?: number;
}
export type BoundPorts = { [K in keyof BrokerPorts]-?: number | null };

export interface BrokerOptions {
  org: string;
  host: string;
  store: SandboxStore;
  log: Logger;
  ports: BrokerPorts;
  /** Needed by the mqtts and wss listeners. */
  tls?: TlsMaterial;
  /** Delay before state changes reach the store, like the real platform's lag. */
  stateLagMs?: number;
  /** How long a connection may take to send CONNECT before it is closed with 164 (default 30 s). */
  connectTimeoutMs?: number;
  /** Failed authentications allowed per address and per client id (authLimit.ts). */
  authLimits?: Partial<AuthLimits>;
}

export interface BrokerHandle {
  readonly ports: BoundPorts;
  /** Closes a connected client with 94 (the REST admin call); false when it is not connected. */
  disconnectClient(clientId: string): boolean;
  /** A connected client's keep-alive (platform-contract.md §8); undefined when it is not connected. */
  keepAlive(clientId: string): KeepAliveView | undefined;
  /** Holds a connected client's keep-alive for `seconds`; undefined when it is not connected. */
  hold(clientId: string, seconds: number): KeepAliveView | undefined;
  /** Ends a hold; undefined when the client is not connected. */
  release(clientId: string): KeepAliveView | undefined;
  /** How many clients are connected now. */
  connectedCount(): number;
  /** False once a client showed that this aedes keeps keep-alive where holds cannot reach it. */
  canHoldKeepAlive(): boolean;
  /** Closes every client with 93, stops listening, and writes what is pending. */
  close(): Promise<void>;
}

export async function startBroker(o: BrokerOptions): Promise<BrokerHandle> {
  const log = o.log;
  // Client ids are judged by the platform's rules (166), not by MQTT 3.1's 23-character limit.
  // concurrency 0: aedes' default (100 publishes in flight, the rest queued) drains its queue
  // recursively once a subscriber's backed-up writes complete, and overflows the stack under a
  // large fleet (aedes issue #193); unqueued, each publish is delivered in its own turn.
  const broker = await Aedes.createBroker({
    maxClientsIdLength: 65535,
    concurrency: 0,
    ...(o.connectTimeoutMs !== undefined ? { connectTimeout: o.connectTimeoutMs } : {}),
  });
  // aedes emits 'error' for persistence failures; unheard, an EventEmitter error ends the process.
  (broker as EventEmitter).on('error', (err: Error) => log.error(`broker: ${err.message}`));
  const sessions = new Sessions();
  const states = new StateWriter(o.store, o.stateLagMs ?? 0, log);
  const monitor = new MonitorPublisher(broker, log);
  const authFailures = new AuthFailures(o.authLimits);
  const recorder = new ConnectivityRecorder({
    store: o.store,
    states,
    monitor,
    log,
    isLive: (id) => sessions.live.has(id),
    burstMs: authFailures.limits.windowMs,
  });
  const ctx: BrokerContext = { org: o.org, store: o.store, sessions, states, recorder, log, authFailures };
  installConnectHooks(broker, ctx);
  installTrafficHooks(broker, ctx);
  const keepAlives = keepAliveAdmin(broker, ctx);
  recoverConnectedClients(o.store, states, monitor, log);

  let closing = false;
  const accept: Accept = (conn, socket, transport, req) => {
    if (closing) return void conn.destroy();
    const guarded = new SizeGuard(conn, MAX_PAYLOAD_BYTES, (bytes) => {
      s.closeWith(CloseCode.MessageTooLarge);
      log.warn(
        `${s.id?.raw ?? 'a client'} from ${s.clientAddr}: a packet of ${bytes} bytes (payloads up to ` +
          `${MAX_PAYLOAD_BYTES}); closing with ${CloseCode.MessageTooLarge}`,
      );
    });
    const s = new Session(broker.handle(guarded, req), socket, transport);
    sessions.add(s);
    socket.once('close', () => socketClosed(ctx, s));
  };
  const listeners: Listener[] = [];
  const bind = async (port: number | undefined, start: (port: number) => Promise<Listener>): Promise<number | null> => {
    if (port === undefined) return null;
    const listener = await start(port);
    listeners.push(listener);
    return listener.port;
  };
  const close = async () => {
    if (closing) return;
    closing = true;
    monitor.stopped = true;
    keepAlives.dispose();
    for (const s of sessions.open) s.closeWith(CloseCode.ServerShutdown);
    const stopped = listeners.map((l) => l.close());
    await new Promise<void>((resolve) => broker.close(() => resolve()));
    // Connections still before or inside CONNECT are not in aedes' client list.
    for (const s of sessions.open) {
      s.client.conn.destroy();
      s.socket.destroy();
    }
    // Each socket's close records its session; all of that is done before the store closes.
    await Promise.all([...sessions.open].map((s) => (s.socket.closed ? undefined : once(s.socket, 'close'))));
    await Promise.all(stopped);
    recorder.close();
    states.flush();
  };

  try {
    const needTls = (name: string) => {
      if (!o.tls) throw new Error(`the ${name} listener needs TLS material`);
      return o.tls;
    };
    const ports: BoundPorts = {
      mqtt: await bind(o.ports.mqtt, (p) => listenMqtt(o.host, p, accept, log)),
      mqtts: await bind(o.ports.mqtts, (p) => listenMqtt(o.host, p, accept, log, needTls('mqtts'))),
      ws: await bind(o.ports.ws, (p) => listenWebSocket(o.host, p, accept, log)),
      wss: await bind(o.ports.wss, (p) => listenWebSocket(o.host, p, accept, log, needTls('wss'))),
    };
    return {
      ports,
      disconnectClient: (clientId) => {
        const s = sessions.live.get(clientId);
        if (s === undefined) return false;
        closeSession(s, CloseCode.Administrator);
        return true;
      },
      keepAlive: (clientId) => keepAlives.keepAlive(clientId),
      hold: (clientId, seconds) => keepAlives.hold(clientId, seconds),
      release: (clientId) => keepAlives.release(clientId),
      connectedCount: () => sessions.live.size,
      canHoldKeepAlive: () => keepAlives.unreadable === undefined,
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}
