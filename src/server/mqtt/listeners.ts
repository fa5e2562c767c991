// The server's own MQTT listeners (the sandbox's broker, or in observe modes the monitor topics for
// applications): MQTT over TCP and TLS, and over WebSocket (plain or TLS) at `/mqtt` (platform-contract.md §1).
// Each hands every new connection to `accept` with the facts of its transport.

import type { IncomingMessage } from 'node:http';
import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import type { Duplex } from 'node:stream';
import * as tls from 'node:tls';
import { createWebSocketStream, WebSocketServer } from 'ws';
import type { Logger } from '../log';

export interface Listener {
  readonly port: number;
  /** The listening server (TCP, TLS or the WebSocket's HTTP(S) server). */
  readonly server: net.Server;
  /** Stops accepting; resolves when every connection it accepted has ended. */
  close(): Promise<void>;
}

/** Fixed by the listener that accepted the connection. */
export interface Transport {
  port: number;
  secure: boolean;
  websocket: boolean;
}

export type Accept = (conn: Duplex, socket: net.Socket, transport: Transport, req?: IncomingMessage) => void;
export interface TlsMaterial {
  cert: string | Buffer;
  key: string | Buffer;
}

/** WebSocket messages carry one MQTT packet each: room for the largest allowed, not for 100 MB. */
const WS_MAX_MESSAGE_BYTES = 1024 * 1024;

export async function listenMqtt(
  host: string,
  port: number,
  accept: Accept,
  log: Logger,
  material?: TlsMaterial,
): Promise<Listener> {
  const transport: Transport = { port, secure: material !== undefined, websocket: false };
  const onSocket = (socket: net.Socket) => accept(socket, socket, transport);
  // No Nagle: a monitor message is one small write that must leave at once, not wait for the ACK
  // of the one before (which the subscriber's delayed ACK holds up to 40 ms).
  const server = material
    ? tls.createServer({ cert: material.cert, key: material.key, noDelay: true }, onSocket)
    : net.createServer({ noDelay: true }, onSocket);
  server.on('tlsClientError', (err: Error, socket: tls.TLSSocket) =>
    log.info(`TLS handshake from ${socket.remoteAddress ?? 'unknown'} failed: ${err.message}`),
  );
  return listen(server, host, port, transport, log);
}

export async function listenWebSocket(
  host: string,
  port: number,
  accept: Accept,
  log: Logger,
  material?: TlsMaterial,
): Promise<Listener> {
  const transport: Transport = { port, secure: material !== undefined, websocket: true };
  const server = material
    ? https.createServer({ cert: material.cert, key: material.key, noDelay: true })
    : http.createServer({ noDelay: true });
  server.on('request', (_req, res: http.ServerResponse) => {
    res.writeHead(426, { 'content-type': 'text/plain; charset=utf-8', upgrade: 'websocket' });
    res.end('MQTT over WebSocket: open a WebSocket at /mqtt\n');
  });
  server.on('tlsClientError', (err: Error) => log.info(`TLS handshake on the WebSocket port failed: ${err.message}`));
  const wss = new WebSocketServer({ server, path: '/mqtt', maxPayload: WS_MAX_MESSAGE_BYTES });
  wss.on('connection', (ws, req) => accept(createWebSocketStream(ws), req.socket, transport, req));
  // ws re-emits its HTTP server's errors here, which listen() below already logs.
  wss.on('error', () => {});
  const listener = await listen(server, host, port, transport, log);
  return {
    port: listener.port,
    server,
    close: async () => {
      wss.close();
      await listener.close();
    },
  };
}

/** Listens, and fills in the port actually bound (port 0 picks a free one). */
function listen(server: net.Server, host: string, port: number, transport: Transport, log: Logger): Promise<Listener> {
  return new Promise((resolve, reject) => {
    const failed = (err: NodeJS.ErrnoException) => {
      reject(
        new Error(
          err.code === 'EADDRINUSE'
            ? `port ${port} on ${host} is already in use`
            : `cannot listen on ${host}:${port}: ${err.message}`,
        ),
      );
    };
    server.once('error', failed);
    server.listen(port, host, () => {
      transport.port = (server.address() as net.AddressInfo).port;
      // Once listening, an error is one failed accept (EMFILE when out of file descriptors):
      // unheard it would end the process; the server itself keeps listening.
      server.off('error', failed);
      server.on('error', (err: NodeJS.ErrnoException) =>
        log.error(`listener on port ${transport.port}: ${err.message}; still serving`),
      );
      resolve({
        port: transport.port,
        server,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
