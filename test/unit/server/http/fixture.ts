// A REST API server on a free loopback port over a fresh store, with one API key, for tests.

import { connect } from 'node:net';
import { memoryLogger } from '../../../../src/server/log';
import { startApiServer, type ApiServer, type ApiServerOptions } from '../../../../src/server/http/server';
import { hashToken, SandboxStore } from '../../../../src/server/store/store';

export const ORG = 'org1x2';
export const API_KEY = 'a-org1x2-k3y0000001';
export const API_TOKEN = 'T0ken-for-tests_9';

export function basic(key: string, token: string): string {
  return `Basic ${Buffer.from(`${key}:${token}`).toString('base64')}`;
}

export interface Reply<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export interface ApiFixture {
  readonly server: ApiServer;
  readonly store: SandboxStore;
  readonly lines: string[];
  /** Client ids the admin call was asked to disconnect. */
  readonly disconnected: string[];
  /** A call with the fixture's credentials; the body is parsed when it is JSON. */
  call<T = unknown>(path: string, init?: RequestInit): Promise<Reply<T>>;
  close(): Promise<void>;
}

export async function startFixture(
  options: Partial<ApiServerOptions> & { connected?: string[] } = {},
): Promise<ApiFixture> {
  const store = options.store ?? new SandboxStore();
  if (!store.getApiKey(API_KEY)) {
    store.addApiKey({ key: API_KEY, tokenHash: hashToken(API_TOKEN), createdDateTime: new Date().toISOString() });
  }
  const log = memoryLogger();
  const disconnected: string[] = [];
  const connected = new Set(options.connected ?? []);
  const server = await startApiServer({
    store,
    org: ORG,
    log,
    host: '127.0.0.1',
    port: 0,
    admin: { disconnectClient: (id) => (connected.has(id) ? (disconnected.push(id), true) : false) },
    ...options,
  });
  return {
    server,
    store,
    lines: log.lines,
    disconnected,
    async call<T>(path: string, init: RequestInit = {}): Promise<Reply<T>> {
      const headers = new Headers(init.headers);
      if (!headers.has('authorization')) headers.set('authorization', basic(API_KEY, API_TOKEN));
      const res = await fetch(`${server.url}${path}`, { ...init, headers });
      const text = await res.text();
      const json = (res.headers.get('content-type') ?? '').startsWith('application/json');
      return { status: res.status, headers: res.headers, body: (json ? JSON.parse(text) : text) as T };
    },
    async close() {
      await server.close();
      store.close();
    },
  };
}

/** Writes raw bytes to the port; resolves with what came back once the server closed the socket. */
export function rawExchange(port: number, bytes: string | Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    let got = '';
    socket.on('data', (d) => (got += d.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => resolve(got));
  });
}
