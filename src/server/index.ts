// startSandbox(): the whole local platform in one call — store, TLS material, the MQTT broker on
// its listeners, the REST API — and the ready object the CLI prints.

import * as fs from 'node:fs';
import { bootstrapCredentials } from './credentials';
import { API_BASE } from './http/handler';
import { startApiServer, type ApiServer } from './http/server';
import { stderrLogger, type Logger } from './log';
import { resolveOptions, type SandboxOptions, type SandboxOptionsInput } from './options';
import { openStore } from './persistence';
import type { ReadyInfo } from '../core/readyInfo';
import type { SandboxStore } from './store/store';
import { startObserving } from './sources/observed';
import { startSandboxSide } from './sources/sandbox/start';
import type { SourceSide } from './sources/side';
import { ensureTlsMaterial } from './tls';

export interface SandboxHandle {
  readonly ready: ReadyInfo;
  /** The sandbox's data, for tests and the simulator. */
  readonly store: SandboxStore;
  /** Closes every client with 93, then the listeners, then writes and releases the store. */
  close(): Promise<void>;
}

/** The seam of `--simulate`: a simulated fleet that connects to a started sandbox. */
export interface FleetContext {
  ready: ReadyInfo;
  store: SandboxStore;
  clients: number;
  seed: number;
  log: Logger;
}
export interface Fleet {
  /** Stops the fleet's behaviour at once (no reconnects into a closing broker); called first on close. */
  stop?(): void;
  close(): Promise<void>;
}
export type StartFleet = (context: FleetContext) => Promise<Fleet>;

export interface SandboxSeams {
  startFleet?: StartFleet;
}

interface Parts {
  store?: SandboxStore;
  /** The server's own broker, or an observed broker's source with the monitor listener. */
  side?: SourceSide;
  fleet?: Fleet;
  http?: ApiServer;
  https?: ApiServer;
  /** TLS material generated for this run only (no data dir): removed last. */
  tlsTempDir?: string;
}

/** The fleet stops acting first; then the broker, so clients (the simulated ones too) are told 93; the store last. */
async function closeParts(p: Parts): Promise<void> {
  p.fleet?.stop?.();
  await p.side?.close();
  await p.fleet?.close();
  await p.https?.close();
  await p.http?.close();
  p.store?.close();
  if (p.tlsTempDir !== undefined) fs.rmSync(p.tlsTempDir, { recursive: true, force: true });
}

/** Starts the sandbox; on failure, whatever had started is closed again and the error thrown. */
export async function startSandbox(
  input: SandboxOptionsInput & { log?: Logger },
  seams: SandboxSeams = {},
): Promise<SandboxHandle> {
  const options = resolveOptions(input);
  const log = input.log ?? stderrLogger();
  const parts: Parts = {};
  let closing: Promise<void> | undefined;
  const close = () => (closing ??= closeParts(parts));
  const started = Date.now();
  try {
    const store = (parts.store = openStore(options.dataDir, log));
    const credentials = bootstrapCredentials(store, options.org, options, options.dataDir, log);
    // Official SDKs given the domain `localhost` call `{org}.localhost` (REST) and `{org}.messaging.localhost`
    // (MQTT); TLS does not let `*.localhost` match the first (a wildcard needs two labels after it).
    const hosts = [options.host, `${options.org}.localhost`, `${options.org}.messaging.localhost`];
    const tls = options.tls
      ? await ensureTlsMaterial({
          dataDir: options.dataDir,
          certFile: options.certFile,
          keyFile: options.keyFile,
          hosts,
        })
      : undefined;
    parts.tlsTempDir = tls?.tempDir;
    const ports = {
      mqtt: options.ports.mqtt,
      ws: options.ports.ws,
      ...(tls ? { mqtts: options.ports.mqtts, wss: options.ports.wss } : {}),
    };
    const side = (parts.side = options.observe
      ? await startObserving({ org: options.org, host: options.host, store, log, ports, tls, observe: options.observe })
      : await startSandboxSide({
          org: options.org,
          host: options.host,
          urlHost: urlHost(options.host),
          store,
          log,
          ports,
          tls,
          stateLagMs: options.stateLagMs,
          connectTimeoutMs: options.connectTimeoutMs,
          authLimits: options.authLimits,
          started,
        }));
    const api = (port: number, withTls?: { cert: string; key: string }) =>
      startApiServer({
        store,
        org: options.org,
        log,
        rateLimit: options.rateLimit,
        authLimits: options.authLimits,
        admin: side.admin,
        source: side.source,
        host: options.host,
        port,
        tls: withTls,
      });
    const http = (parts.http = await api(options.ports.http));
    const https = (parts.https = tls ? await api(options.ports.https, tls) : undefined);
    const ready = readyInfo(options, side.ports, http, https, credentials, tls?.caFile ?? null);
    parts.fleet = await startFleet(options, seams, { ready, store, log });
    const what = options.observe ? `observing a ${options.observe.kind}` : 'sandbox';
    log.info(`${what} of organization ${options.org} ready: MQTT ${ready.mqttUrl}, REST ${ready.apiUrl}`);
    return { ready, store, close };
  } catch (err) {
    await close();
    throw err;
  }
}

async function startFleet(
  options: SandboxOptions,
  seams: SandboxSeams,
  context: Omit<FleetContext, 'clients' | 'seed'>,
): Promise<Parts['fleet']> {
  if (options.simulate === undefined) return undefined;
  if (seams.startFleet === undefined) {
    context.log.warn(
      `--simulate ${options.simulate.clients}: this build has no fleet simulator; no simulated clients are started`,
    );
    return undefined;
  }
  return seams.startFleet({ ...context, log: context.log.child('fleet'), ...options.simulate });
}

function readyInfo(
  o: SandboxOptions,
  ports: SourceSide['ports'],
  http: ApiServer,
  https: ApiServer | undefined,
  c: { apiKey: string; apiToken: string },
  caFile: string | null,
): ReadyInfo {
  const host = urlHost(o.host);
  const url = (scheme: string, port: number | null, path = '') =>
    port === null ? null : `${scheme}://${host}:${port}${path}`;
  return {
    event: 'ready',
    org: o.org,
    apiUrl: url('http', http.port, API_BASE) as string,
    mqttUrl: url('mqtt', ports.mqtt) as string,
    mqttsUrl: url('mqtts', ports.mqtts),
    wsUrl: url('ws', ports.ws, '/mqtt') as string,
    wssUrl: url('wss', ports.wss, '/mqtt'),
    httpsUrl: url('https', https?.port ?? null, API_BASE),
    apiKey: c.apiKey,
    apiToken: c.apiToken,
    caFile,
  };
}

/** The host as a URL names it: a wildcard address becomes loopback; IPv6 in brackets. */
export function urlHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
