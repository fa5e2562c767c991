// A small real HTTP(S) server on a free loopback port for the faults the sandbox does not produce:
// 5xx, slow or missing answers, resets, bodies that are not JSON, redirects, wrong certificates.
// It records every request (with its arrival time) so tests count what reached the server.

import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { DEFAULT_WAIT_MS } from '../../../support/waitFor';

export interface Recorded {
  readonly method: string;
  /** Path and query as received. */
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
  /** performance.now() at arrival. */
  readonly at: number;
}

export type FaultHandler = (req: http.IncomingMessage, res: http.ServerResponse, index: number, body: string) => void;

export interface FaultServer {
  /** The API base: `http(s)://127.0.0.1:{port}/api/v0002`. */
  readonly apiUrl: string;
  readonly port: number;
  readonly requests: Recorded[];
  /** Resolves when `count` requests have arrived. */
  waitForRequests(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startFaultServer(
  handler: FaultHandler,
  tls?: { key: string; cert: string },
): Promise<FaultServer> {
  const requests: Recorded[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const listener = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const index = requests.length;
      requests.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body,
        at: performance.now(),
      });
      for (const w of waiters.filter((w) => requests.length >= w.count)) w.resolve();
      handler(req, res, index, body);
    });
  };
  const server = tls ? https.createServer({ key: tls.key, cert: tls.cert }, listener) : http.createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    apiUrl: `${tls ? 'https' : 'http'}://127.0.0.1:${port}/api/v0002`,
    port,
    requests,
    waitForRequests(count, timeoutMs = DEFAULT_WAIT_MS) {
      if (requests.length >= count) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`only ${requests.length} of ${count} requests arrived`)),
          timeoutMs,
        );
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

export function json(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** The platform's error body (platform-contract.md §2.4). */
export function apiError(id: string, message: string, violations: string[] = []) {
  return {
    message: `${id}: ${message}`,
    exception: { id, properties: [] },
    violations: violations.map((m) => ({ message: m })),
  };
}
