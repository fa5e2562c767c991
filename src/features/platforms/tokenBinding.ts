// What is kept in secret storage for a platform: the token, and the hosts it was given for.
// A token is sent only to those hosts: if the platform's URLs change afterwards (by hand, by
// settings sync), the token is not used until the person sets the credentials again.

import { hostOf, type ResolvedPlatform } from './config';

export interface StoredToken {
  readonly token: string;
  readonly apiHost: string;
  readonly mqttHost?: string;
}

export function bindToken(token: string, platform: ResolvedPlatform): StoredToken {
  return { token, apiHost: hostOf(platform.apiUrl) ?? '', mqttHost: hostOf(platform.mqttUrl) };
}

export function readStoredToken(text: string | undefined): StoredToken | undefined {
  if (!text) return undefined;
  try {
    const v = JSON.parse(text) as Partial<StoredToken>;
    if (typeof v.token !== 'string' || v.token === '' || typeof v.apiHost !== 'string') return undefined;
    return { token: v.token, apiHost: v.apiHost, mqttHost: typeof v.mqttHost === 'string' ? v.mqttHost : undefined };
  } catch {
    return undefined;
  }
}

/** Whether the stored token may be sent to this platform's hosts. */
export function tokenFits(stored: StoredToken, platform: ResolvedPlatform): boolean {
  if (stored.apiHost !== hostOf(platform.apiUrl)) return false;
  const mqtt = hostOf(platform.mqttUrl);
  return mqtt === undefined || stored.mqttHost === mqtt;
}
