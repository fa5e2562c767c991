// The sandbox's REST API server (platform-contract.md §2, §3, §5) over HTTP, or HTTPS when TLS material is
// given. Garbage on the port (not HTTP, or a TLS handshake that fails) closes that socket with
// a log line; the server keeps serving everyone else.

import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Logger } from '../log';
import type { SandboxStore } from '../store/store';
import type { SourceInfoWire } from '../../core/source';
import type { AuthLimits } from '../authLimit';
import type { SandboxAdmin } from './context';
import { API_BASE, createRequestHandler } from './handler';

export interface ApiServerOptions {
  store: SandboxStore;
  org: string;
  log: Logger;
  /** Calls per second for the organization; undefined = off. */
  rateLimit?: number;
  /** Failed authentications allowed per address and per API key (authLimit.ts). */
  authLimits?: Partial<AuthLimits>;
  /** Closes a live client with 94; false when it is not connected. */
  admin: SandboxAdmin;
  /** What feeds the API, for `GET /config/source` (platform-contract.md §7.2). */
  source?: () => SourceInfoWire;
  host: string;
  /** 0 = a free port. */
  port: number;
  /** PEM; present = HTTPS. */
  tls?: { cert: string; key: string };
}

export interface ApiServer {
  /** `http(s)://host:port/api/v0002` */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

const MAX_HEADER_BYTES = 256 * 1024;

function peer(socket: Duplex): string {
  const s = socket as Partial<Socket>;
  return s.remoteAddress !== undefined ? `${s.remoteAddress}:${s.remotePort}` : 'unknown peer';
}

function watchBadClients(server: http.Server, log: Logger): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
    log.warn(`not a valid HTTP request from ${peer(socket)} (${err.code ?? err.message}); connection closed`);
    socket.end(
      `HTTP/1.1 ${tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request'}\r\nConnection: ` +
        `close\r\nContent-Length: 0\r\n\r\n`,
    );
  });
  server.on('tlsClientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    log.warn(`TLS handshake failed from ${peer(socket)} (${err.code ?? err.message}); connection closed`);
    socket.destroy();
  });
}

export async function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const log = options.log.child('api');
  const handler = createRequestHandler({
    store: options.store,
    org: options.org,
    log,
    admin: options.admin,
    source: options.source,
    rateLimit: options.rateLimit,
    authLimits: options.authLimits,
  });
  // A client id may be 65,535 bytes (platform-contract.md §7.2), up to 196,605 characters once percent-encoded in a
  // path: room for that, not node's 16 KiB of headers.
  const limits = { maxHeaderSize: MAX_HEADER_BYTES };
  const server: http.Server = options.tls
    ? https.createServer({ cert: options.tls.cert, key: options.tls.key, ...limits }, handler)
    : http.createServer(limits, handler);
  // Slow or stalled requests must not hold sockets for node's default 5 minutes.
  server.requestTimeout = 30_000;
  server.headersTimeout = 20_000;
  watchBadClients(server, log);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (err) => log.error(`server error: ${err.message}`));

  const port = (server.address() as AddressInfo).port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `${options.tls ? 'https' : 'http'}://${host}:${port}${API_BASE}`;
  log.info(
    `REST API listening on ${url}${options.rateLimit !== undefined ? ` (rate limit ${options.rateLimit}/s)` : ''}`,
  );

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
