// Platform entries of `iotConnectivity.platforms` (no `vscode` import; unit-tested): read
// defensively, resolved to the URLs the clients use, and edited as plain lists.

import { isValidOrgId, orgFromApiKey } from '../../core/ids';
import { plainText } from '../../core/text';

export interface PlatformConfig {
  readonly name: string;
  /** The IBM host form: `{orgId}.internetofthings.ibmcloud.com`. */
  readonly orgId?: string;
  /** Explicit URLs, e.g. a local sandbox; they win over orgId. */
  readonly apiUrl?: string;
  readonly mqttUrl?: string;
  readonly apiKey: string;
  /** PEM file of the CA that signs the platform's certificates. */
  readonly caFile?: string;
  readonly rejectUnauthorized?: boolean;
}

export interface ResolvedPlatform {
  readonly name: string;
  readonly apiUrl: string;
  readonly mqttUrl?: string;
  /** From the setting, else from the API key (`a-{org}-…`). */
  readonly orgId?: string;
  readonly apiKey: string;
  readonly caFile?: string;
  readonly rejectUnauthorized: boolean;
}

export type Resolution =
  { readonly ok: true; readonly platform: ResolvedPlatform } | { readonly ok: false; readonly problem: string };

export const MAX_NAME = 60;

export function ibmApiUrl(orgId: string): string {
  return `https://${orgId}.internetofthings.ibmcloud.com/api/v0002`;
}

export function ibmMqttUrl(orgId: string): string {
  return `mqtts://${orgId}.messaging.internetofthings.ibmcloud.com:8883`;
}

function text(v: unknown, max = 2000): string | undefined {
  return typeof v === 'string' && v.trim() !== '' && v.length <= max ? v.trim() : undefined;
}

/** The entries that have a name and an API key; the rest are reported, never thrown. */
export function readPlatforms(value: unknown): { platforms: PlatformConfig[]; problems: string[] } {
  const platforms: PlatformConfig[] = [];
  const problems: string[] = [];
  if (value === undefined || value === null) return { platforms, problems };
  if (!Array.isArray(value)) return { platforms, problems: ['iotConnectivity.platforms must be a list of platforms.'] };
  value.forEach((entry, i) => {
    const r = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
    const name = text(r.name, MAX_NAME);
    const apiKey = text(r.apiKey, 200);
    if (!name || !apiKey) {
      return void problems.push(`Platform ${i + 1} needs a "name" (up to ${MAX_NAME} characters) and an "apiKey".`);
    }
    if (platforms.some((p) => p.name === name)) {
      return void problems.push(`Two platforms are named "${plainText(name, MAX_NAME)}"; the first one is used.`);
    }
    platforms.push({
      name,
      apiKey,
      orgId: text(r.orgId, 40),
      apiUrl: text(r.apiUrl),
      mqttUrl: text(r.mqttUrl),
      caFile: text(r.caFile, 4096),
      rejectUnauthorized: typeof r.rejectUnauthorized === 'boolean' ? r.rejectUnauthorized : undefined,
    });
  });
  return { platforms, problems };
}

export function resolvePlatform(c: PlatformConfig): Resolution {
  const orgId = c.orgId ?? orgFromApiKey(c.apiKey);
  if (c.orgId !== undefined && !isValidOrgId(c.orgId)) {
    return {
      ok: false,
      problem:
        `The organization id "${plainText(c.orgId, 40)}" of platform "${plainText(c.name, MAX_NAME)}" is not ` +
        `6 letters or digits.`,
    };
  }
  const apiUrl = c.apiUrl ?? (c.orgId ? ibmApiUrl(c.orgId) : undefined);
  if (!apiUrl) {
    return { ok: false, problem: `Platform "${plainText(c.name, MAX_NAME)}" needs an organization id or an API URL.` };
  }
  if (hostOf(apiUrl) === undefined) {
    return {
      ok: false,
      problem: `The API URL of platform "${plainText(c.name, MAX_NAME)}" is not a URL: ${plainText(apiUrl, 100)}.`,
    };
  }
  const mqttUrl = c.mqttUrl ?? (c.orgId ? ibmMqttUrl(c.orgId) : undefined);
  return {
    ok: true,
    platform: {
      name: c.name,
      apiUrl,
      mqttUrl,
      orgId,
      apiKey: c.apiKey,
      caFile: c.caFile,
      rejectUnauthorized: c.rejectUnauthorized ?? true,
    },
  };
}

/** `host:port` (port only when given) of a URL, lower case; undefined when it is not a URL. */
export function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.host ? u.host.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

const DEFAULT_PORTS: Readonly<Record<string, string>> = {
  'http:': '80',
  'https:': '443',
  'ws:': '80',
  'wss:': '443',
  'mqtt:': '1883',
  'mqtts:': '8883',
};
const SECURE_SCHEMES = new Set(['https:', 'wss:', 'mqtts:']);

/** `scheme://host:port` of a URL, lower case, the default port made explicit: where a token goes. */
export function endpointOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    if (!u.hostname) return undefined;
    const port = u.port || DEFAULT_PORTS[u.protocol];
    return `${u.protocol}//${u.hostname.toLowerCase()}${port ? `:${port}` : ''}`;
  } catch {
    return undefined;
  }
}

/** Whether an endpoint (endpointOf) uses TLS. */
export function isSecureEndpoint(endpoint: string | undefined): boolean {
  return endpoint !== undefined && SECURE_SCHEMES.has(endpoint.slice(0, endpoint.indexOf('//')));
}

/** The list with `config` in place of the entry of the same name (or appended). */
export function withPlatform(list: readonly PlatformConfig[], config: PlatformConfig): PlatformConfig[] {
  const i = list.findIndex((p) => p.name === config.name);
  return i < 0 ? [...list, config] : list.map((p, j) => (j === i ? config : p));
}

export function withoutPlatform(list: readonly PlatformConfig[], name: string): PlatformConfig[] {
  return list.filter((p) => p.name !== name);
}

/** The entry as settings.json should hold it: no empty fields, defaults left out. */
export function settingsEntry(c: PlatformConfig): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = { name: c.name };
  for (const key of ['orgId', 'apiUrl', 'mqttUrl', 'apiKey', 'caFile'] as const) {
    if (c[key]) out[key] = c[key] as string;
  }
  if (c.rejectUnauthorized === false) out.rejectUnauthorized = false;
  return out;
}
