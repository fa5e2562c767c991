// An HTTP proxy in front of RabbitMQ's management API that answers 503 or 429 (with Retry-After) to the next
// requests a test asks for, and passes every other request through: a busy or rate-limiting API on demand.

import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BusyManagement {
  readonly port: number;
  /** Requests answered busy so far. */
  readonly refused: number;
  /** The next `count` requests whose path starts with `prefix` are answered `status`. */
  busy(count: number, status: 429 | 503, prefix?: string): void;
  close(): Promise<void>;
}

export async function startBusyManagement(targetPort: number): Promise<BusyManagement> {
  let left = 0;
  let status = 503;
  let prefix = '/api/';
  let refused = 0;
  const server = http.createServer((req, res) => {
    if (left > 0 && (req.url ?? '').startsWith(prefix)) {
      left--;
      refused++;
      req.resume();
      return void res.writeHead(status, { 'retry-after': '1', 'content-type': 'text/plain' }).end('busy\n');
    }
    const upstream = http.request(
      { host: '127.0.0.1', port: targetPort, path: req.url, method: req.method, headers: req.headers },
      (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    get refused() {
      return refused;
    },
    busy(count, s, p = '/api/') {
      left = count;
      status = s;
      prefix = p;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
