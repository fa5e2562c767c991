// RabbitMQ's management API (plugin rabbitmq_management) as the observer uses it: JSON over HTTP(S) with the
// credentials of --observe-rabbitmq, a CA file for https. An answer of 429 or 503 is tried again after its
// Retry-After (or a growing pause), and said while it lasts; anything else that fails is a ManagementError whose
// message never holds the credentials.

import * as http from 'node:http';
import * as https from 'node:https';

export class ManagementError extends Error {
  constructor(
    message: string,
    /** The HTTP status; undefined when no answer came (refused, timed out). */
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface Management {
  /** The URL without credentials, for messages. */
  readonly shown: string;
  get<T>(path: string): Promise<T>;
  /** Resolves with the status (2xx, 404); other statuses reject. */
  delete(path: string, headers?: Record<string, string>): Promise<number>;
}

export interface ManagementOptions {
  url: string;
  ca?: Buffer;
  /** Told while the API answers 429/503 (what and how long), and with undefined once it answers again. */
  onBusy?: (what: string | undefined) => void;
  /** Tries on 429/503 before giving up (default 6). */
  tries?: number;
  timeoutMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function management(o: ManagementOptions): Management {
  const u = new URL(o.url);
  const secure = u.protocol === 'https:';
  const userPass = `${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`;
  const auth = `Basic ${Buffer.from(userPass).toString('base64')}`;
  const base = `${u.pathname.replace(/\/$/, '')}/api`;
  const shown = `${u.protocol}//${u.host}`;
  const agent = secure
    ? new https.Agent({ keepAlive: true, maxSockets: 4, ...(o.ca ? { ca: o.ca } : {}) })
    : new http.Agent({ keepAlive: true, maxSockets: 4 });

  const once = (method: string, path: string, headers: Record<string, string>) =>
    new Promise<{ status: number; body: string; retryAfter?: number }>((resolve, reject) => {
      const req = (secure ? https : http).request(
        {
          host: u.hostname.replace(/^\[(.*)\]$/, '$1'),
          port: u.port || (secure ? 443 : 80),
          path: `${base}${path}`,
          method,
          agent,
          headers: { authorization: auth, accept: 'application/json', ...headers },
          timeout: o.timeoutMs ?? 30_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', (err) => reject(new ManagementError(`the management API at ${shown}: ${err.message}`)));
          res.on('end', () => {
            const after = Number(res.headers['retry-after']);
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
              ...(Number.isFinite(after) && after >= 0 ? { retryAfter: after } : {}),
            });
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('no answer in time')));
      req.on('error', (err) => reject(new ManagementError(`the management API at ${shown}: ${err.message}`)));
      req.end();
    });

  const call = async (method: string, path: string, headers: Record<string, string> = {}) => {
    const tries = o.tries ?? 6;
    for (let attempt = 1; ; attempt++) {
      const r = await once(method, path, headers);
      if ((r.status !== 429 && r.status !== 503) || attempt >= tries) {
        if (attempt > 1) o.onBusy?.(undefined);
        return r;
      }
      const wait = Math.min(30_000, r.retryAfter !== undefined ? r.retryAfter * 1000 : 500 * 2 ** (attempt - 1));
      o.onBusy?.(`the management API at ${shown} answered ${r.status}; trying again in ${Math.ceil(wait / 1000)} s`);
      await sleep(wait);
    }
  };

  const failed = (method: string, path: string, status: number) =>
    new ManagementError(
      status === 401
        ? `the management API at ${shown} refused the credentials (401)`
        : `the management API at ${shown} answered ${status} to ${method} ${path.split('?')[0]}`,
      status,
    );

  return {
    shown,
    async get<T>(path: string): Promise<T> {
      const r = await call('GET', path);
      if (r.status !== 200) throw failed('GET', path, r.status);
      try {
        return JSON.parse(r.body) as T;
      } catch {
        throw new ManagementError(`the management API at ${shown} answered ${path.split('?')[0]} with no JSON`, 200);
      }
    },
    async delete(path, headers = {}) {
      const r = await call('DELETE', path, headers);
      if ((r.status >= 200 && r.status < 300) || r.status === 404) return r.status;
      throw failed('DELETE', path, r.status);
    },
  };
}
