// The sandbox's options, their defaults and their checks: one definition for the CLI and for
// startSandbox() (tests, the extension's own sandbox launcher).

import { API_KEY_PATTERN, isValidOrgId, orgFromApiKey } from '../core/ids';
import { resolveObserve, type ObserveInput, type ObserveOptions } from './sources/observed/options';
import { DEFAULT_AUTH_LIMITS, type AuthLimits } from './authLimit';

export interface SandboxPorts {
  mqtt: number;
  mqtts: number;
  ws: number;
  wss: number;
  http: number;
  https: number;
}

export interface SandboxOptions {
  org: string;
  host: string;
  /** 0 = a free port. The TLS ones (mqtts, wss, https) listen only with `tls`. */
  ports: SandboxPorts;
  tls: boolean;
  /** The server certificate and key (PEM files) instead of generated ones; imply `tls`. */
  certFile?: string;
  keyFile?: string;
  /** Where the registry, states, logs, TLS material and API key are kept; memory only without. */
  dataDir?: string;
  apiKey?: string;
  apiToken?: string;
  /** A simulated fleet of this many clients, seeded (the seam for src/server/sources/sandbox/simulator). */
  simulate?: { clients: number; seed: number };
  /** REST calls per second before 429; off when undefined. */
  rateLimit?: number;
  /** Failed authentications allowed per address and per client id or API key (authLimit.ts). */
  authLimits: AuthLimits;
  /** Delay before state changes show in the state API. */
  stateLagMs: number;
  /** How long a new connection may take to send its CONNECT before it is closed with 164. */
  connectTimeoutMs: number;
  /** A broker to observe instead of running the server's own (platform-contract.md §7). */
  observe?: ObserveOptions;
}

export type SandboxOptionsInput = Partial<Omit<SandboxOptions, 'ports' | 'simulate' | 'observe' | 'authLimits'>> & {
  authLimits?: Partial<AuthLimits>;
  ports?: Partial<SandboxPorts>;
  simulate?: { clients: number; seed?: number };
  observe?: ObserveInput | ObserveOptions;
};

export const DEFAULT_ORG = 'sandbx';
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORTS: Readonly<SandboxPorts> = {
  mqtt: 1883,
  mqtts: 8883,
  ws: 8083,
  wss: 8084,
  http: 8088,
  https: 8443,
};
export const DEFAULT_SEED = 1;
export const MAX_SIMULATED_CLIENTS = 100_000;
export const MAX_STATE_LAG_MS = 600_000;
/** aedes' default, and what an MQTT server commonly allows for the first packet. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 30_000;
export const MAX_CONNECT_TIMEOUT_MS = 600_000;

/** A wrong option value; the CLI answers it with exit code 2. */
export class SandboxOptionError extends Error {}

function check(condition: boolean, message: string): void {
  if (!condition) throw new SandboxOptionError(message);
}

function fail(message: string): never {
  throw new SandboxOptionError(message);
}

function observeOf(input: ObserveInput | ObserveOptions | undefined): ObserveOptions | undefined {
  if (input === undefined) return undefined;
  return 'kind' in input ? input : resolveObserve(input, fail);
}

const isPort = (p: number) => Number.isInteger(p) && p >= 0 && p <= 65535;

/** Fills in defaults and checks every value; throws SandboxOptionError on the first wrong one. */
export function resolveOptions(input: SandboxOptionsInput): SandboxOptions {
  const org = input.org ?? (input.apiKey !== undefined ? orgFromApiKey(input.apiKey) : undefined) ?? DEFAULT_ORG;
  check(isValidOrgId(org), `--org must be 6 letters or digits, not ${JSON.stringify(org)}`);
  const host = input.host ?? DEFAULT_HOST;
  check(host.length > 0 && host.length <= 253 && !/\s/.test(host), '--host must be a host name or address');
  const ports = { ...DEFAULT_PORTS, ...input.ports };
  for (const [name, port] of Object.entries(ports)) {
    check(isPort(port), `--${name}-port must be an integer from 0 to 65535`);
  }
  check((input.certFile === undefined) === (input.keyFile === undefined), '--cert and --key go together');
  check((input.apiKey === undefined) === (input.apiToken === undefined), '--api-key and --api-token go together');
  if (input.apiKey !== undefined) {
    check(API_KEY_PATTERN.test(input.apiKey), '--api-key must look like a-{org}-{10 letters or digits}');
    check(
      orgFromApiKey(input.apiKey) === org,
      `--api-key belongs to organization ${orgFromApiKey(input.apiKey)}, not ${org}`,
    );
    check(
      /^[\x21-\x7e]{8,128}$/.test(input.apiToken ?? ''),
      '--api-token must be 8 to 128 printable characters without spaces',
    );
  }
  const observe = observeOf(input.observe);
  check(
    observe === undefined || input.simulate === undefined,
    "--simulate runs a simulated fleet on the server's own broker; an observed broker has clients of its own",
  );
  if (input.simulate !== undefined) {
    const { clients, seed = DEFAULT_SEED } = input.simulate;
    check(
      Number.isInteger(clients) && clients >= 1 && clients <= MAX_SIMULATED_CLIENTS,
      `--simulate must be an integer from 1 to ${MAX_SIMULATED_CLIENTS}`,
    );
    check(Number.isSafeInteger(seed), '--seed must be an integer');
  }
  check(
    input.rateLimit === undefined || (Number.isFinite(input.rateLimit) && input.rateLimit > 0),
    '--rate-limit must be a positive number of calls per second',
  );
  const authLimits = { ...DEFAULT_AUTH_LIMITS, ...input.authLimits };
  check(
    [authLimits.perAddress, authLimits.perId, authLimits.windowMs].every((n) => Number.isInteger(n) && n >= 1),
    'the limits of failed authentications must be positive whole numbers',
  );
  const stateLagMs = input.stateLagMs ?? 0;
  check(
    Number.isInteger(stateLagMs) && stateLagMs >= 0 && stateLagMs <= MAX_STATE_LAG_MS,
    `--state-lag-ms must be an integer from 0 to ${MAX_STATE_LAG_MS}`,
  );
  const connectTimeoutMs = input.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  check(
    Number.isInteger(connectTimeoutMs) && connectTimeoutMs >= 1 && connectTimeoutMs <= MAX_CONNECT_TIMEOUT_MS,
    `--connect-timeout-ms must be an integer from 1 to ${MAX_CONNECT_TIMEOUT_MS}`,
  );
  return {
    org,
    host,
    ports,
    stateLagMs,
    connectTimeoutMs,
    tls: input.tls === true || input.certFile !== undefined,
    certFile: input.certFile,
    keyFile: input.keyFile,
    dataDir: input.dataDir,
    apiKey: input.apiKey,
    apiToken: input.apiToken,
    rateLimit: input.rateLimit,
    authLimits,
    simulate: input.simulate && { clients: input.simulate.clients, seed: input.simulate.seed ?? DEFAULT_SEED },
    ...(observe !== undefined ? { observe } : {}),
  };
}
