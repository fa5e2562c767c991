// The request pipeline: base path → failed-authentication limit → Basic auth → rate limit → route → JSON
// reply. Every failure becomes an error body (platform-contract.md §2.4); anything unexpected is a 500 and a
// log line, never a crash.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { AuthFailures, type AuthLimits } from '../authLimit';
import { authenticate, basicCredentials } from './auth';
import type { ApiDeps } from './context';
import { ApiError, errors } from './errors';
import { forLog } from './logText';
import { TokenBucket } from './rateLimit';
import { Router, type Reply } from './router';
import { adminRoutes } from './routes/admin';
import { keepAliveRoutes } from './routes/keepAlive';
import { logRoutes } from './routes/logs';
import { registryRoutes } from './routes/registry';
import { sourceRoutes } from './routes/source';
import { stateRoutes } from './routes/states';
import { messageOf } from '../../core/errors';

export const API_BASE = '/api/v0002';

export interface HandlerOptions extends ApiDeps {
  /** Calls per second for the organization; undefined = no limit. */
  rateLimit?: number;
  /** Failed authentications allowed per address and per API key (authLimit.ts). */
  authLimits?: Partial<AuthLimits>;
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.headersSent) return;
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.body === undefined) {
    res.writeHead(reply.status, headers).end();
    return;
  }
  const text = JSON.stringify(reply.body);
  headers['Content-Type'] = 'application/json; charset=utf-8';
  headers['Content-Length'] = String(Buffer.byteLength(text));
  res.writeHead(reply.status, headers).end(text);
}

export function createRequestHandler(o: HandlerOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const router = new Router(API_BASE, [
    ...stateRoutes,
    ...logRoutes,
    ...registryRoutes,
    ...adminRoutes,
    ...keepAliveRoutes,
    ...sourceRoutes,
  ]);
  const bucket = o.rateLimit !== undefined ? new TokenBucket(o.rateLimit) : undefined;
  const failures = new AuthFailures(o.authLimits);
  const deps: ApiDeps = { store: o.store, org: o.org, log: o.log, admin: o.admin, source: o.source };

  async function reply(req: IncomingMessage, method: string, path: string, query: URLSearchParams): Promise<Reply> {
    if (path !== API_BASE && !path.startsWith(`${API_BASE}/`)) throw errors.unknownRoute(method, path);
    // Before the token is hashed: a guesser past the threshold costs a map lookup (platform-contract.md §4.3).
    const address = req.socket.remoteAddress ?? 'unknown';
    const given = basicCredentials(req)?.key;
    const wait = failures.refusal(address, given);
    if (wait !== undefined) throw errors.tooManyFailures(wait);
    try {
      authenticate(req, o.store);
    } catch (err) {
      // Only a header that was sent and failed counts; none at all is a client that has not tried.
      if (req.headers.authorization !== undefined) failures.failed(address, given);
      throw err;
    }
    if (bucket) {
      const taken = bucket.take();
      if (!taken.ok) throw errors.rateLimited(taken.retryAfterSeconds);
    }
    const match = router.match(method, path);
    return match.handler({ req, params: match.params, query, deps });
  }

  return (req, res) => {
    const started = performance.now();
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    const query = new URLSearchParams(q < 0 ? '' : url.slice(q + 1));
    reply(req, method, path, query)
      .catch((err: unknown): Reply | undefined => {
        if (err instanceof ApiError) return { status: err.status, body: err.body, headers: err.headers };
        // The connection is gone (the client left, or the server cut it): nobody to answer, nothing failed here.
        if (req.socket.destroyed) {
          o.log.info(`${method} ${forLog(path)}: the connection closed before the reply (${messageOf(err)})`);
          return undefined;
        }
        o.log.error(`${method} ${forLog(path)} failed: ${messageOf(err)}`);
        const e = errors.unexpected();
        return { status: e.status, body: e.body };
      })
      .then((r) => {
        if (r === undefined) return;
        if (req.socket.destroyed) {
          o.log.info(`${method} ${forLog(url)} → ${r.status}, not sent: the connection was closed`);
          return;
        }
        send(res, r);
        o.log.info(`${method} ${forLog(url)} → ${r.status} (${(performance.now() - started).toFixed(1)} ms)`);
      })
      .catch((err: unknown) => o.log.error(`reply to ${method} ${forLog(path)} failed: ${messageOf(err)}`));
  };
}
