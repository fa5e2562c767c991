// What "Connect to Platform…" collects (no `vscode` import; unit-tested): a draft that becomes a
// platform entry, kept whole (token included, in memory only) so a failed attempt can be retried
// with the person's input.

import { hostOf, type PlatformConfig } from './config';

export interface ConnectDraft {
  mode?: 'org' | 'urls';
  name?: string;
  orgId?: string;
  apiUrl?: string;
  mqttUrl?: string;
  apiKey?: string;
  token?: string;
  /** Undefined: the system's CAs. */
  caFile?: string;
  rejectUnauthorized?: boolean;
}

/** A draft from a command argument: only known fields of the right type are taken. */
export function readDraft(value: unknown): ConnectDraft {
  if (typeof value !== 'object' || value === null) return {};
  const r = value as Record<string, unknown>;
  const draft: ConnectDraft = {};
  for (const key of ['name', 'orgId', 'apiUrl', 'mqttUrl', 'apiKey', 'token', 'caFile'] as const) {
    if (typeof r[key] === 'string' && r[key] !== '') draft[key] = r[key] as string;
  }
  if (typeof r.rejectUnauthorized === 'boolean') draft.rejectUnauthorized = r.rejectUnauthorized;
  draft.mode = r.mode === 'org' || r.mode === 'urls' ? r.mode : draft.apiUrl ? 'urls' : draft.orgId ? 'org' : undefined;
  return draft;
}

export function draftFromConfig(c: PlatformConfig): ConnectDraft {
  return {
    mode: c.apiUrl ? 'urls' : 'org',
    name: c.name,
    orgId: c.orgId,
    apiUrl: c.apiUrl,
    mqttUrl: c.mqttUrl,
    apiKey: c.apiKey,
    caFile: c.caFile,
    rejectUnauthorized: c.rejectUnauthorized,
  };
}

/** The platform entry, once the draft has everything; the token is not part of it. */
export function draftToConfig(d: ConnectDraft): PlatformConfig | undefined {
  if (!d.name || !d.apiKey || !d.token) return undefined;
  if (d.mode === 'org' ? !d.orgId : !d.apiUrl) return undefined;
  const urls = d.mode === 'urls' ? { apiUrl: d.apiUrl, mqttUrl: d.mqttUrl } : { orgId: d.orgId };
  return {
    name: d.name,
    apiKey: d.apiKey,
    ...urls,
    caFile: d.caFile,
    rejectUnauthorized: d.rejectUnauthorized === false ? false : undefined,
  };
}

export function suggestedName(d: ConnectDraft): string {
  if (d.mode === 'org' && d.orgId) return d.orgId;
  const host = hostOf(d.apiUrl);
  return host ?? 'platform';
}

/** Whether any URL of the draft uses TLS (only then is the certificate question asked). */
export function usesTls(d: ConnectDraft): boolean {
  if (d.mode === 'org') return true;
  return [d.apiUrl, d.mqttUrl].some((u) => typeof u === 'string' && /^(https|mqtts|wss):/i.test(u.trim()));
}
