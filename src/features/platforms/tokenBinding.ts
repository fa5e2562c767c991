// What is kept in secret storage for a platform: the token, and the endpoints it was given for —
// scheme, host and port of the API URL and of the MQTT URL (config.ts endpointOf). A token is sent
// only there: if a URL changes afterwards (by hand, by settings sync), above all from TLS to
// plain text on the same host (`https` → `http`, `mqtts` → `mqtt`, `wss` → `ws`), the token is
// not used until the person sets the credentials again.

import { endpointOf, isSecureEndpoint, type ResolvedPlatform } from './config';

export interface StoredToken {
  readonly token: string;
  /** `https://host:443`. */
  readonly api: string;
  readonly mqtt?: string;
}

export type TokenFit =
  | { readonly ok: true }
  | {
      readonly ok: false;
      /** The endpoint used TLS and the new one does not: the token would travel in clear text. */
      readonly downgrade: boolean;
      /** The endpoint the token was given for, and the one the platform now names. */
      readonly was: string;
      readonly now: string;
    };

export function bindToken(token: string, platform: ResolvedPlatform): StoredToken {
  return { token, api: endpointOf(platform.apiUrl) ?? '', mqtt: endpointOf(platform.mqttUrl) };
}

/** A stored token; undefined for anything else, including a record bound by host alone (before schemes). */
export function readStoredToken(text: string | undefined): StoredToken | undefined {
  if (!text) return undefined;
  try {
    const v = JSON.parse(text) as Partial<StoredToken>;
    if (typeof v.token !== 'string' || v.token === '' || typeof v.api !== 'string') return undefined;
    return { token: v.token, api: v.api, mqtt: typeof v.mqtt === 'string' ? v.mqtt : undefined };
  } catch {
    return undefined;
  }
}

/** Whether the stored token may be sent to this platform's endpoints; if not, which changed. */
export function tokenFit(stored: StoredToken, platform: ResolvedPlatform): TokenFit {
  const pairs: [string | undefined, string | undefined][] = [
    [stored.api, endpointOf(platform.apiUrl) ?? ''],
    [stored.mqtt, endpointOf(platform.mqttUrl)],
  ];
  // A platform without an MQTT URL sends the token to the API only.
  const changed = pairs.filter(([was, now]) => now !== undefined && was !== now);
  const worst = changed.find(([was, now]) => isSecureEndpoint(was) && !isSecureEndpoint(now)) ?? changed[0];
  if (!worst) return { ok: true };
  const [was, now] = worst;
  return { ok: false, downgrade: isSecureEndpoint(was) && !isSecureEndpoint(now), was: was ?? '', now: now ?? '' };
}
