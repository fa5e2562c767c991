// HTTP Basic authentication with the store's API keys (platform-contract.md §1, §2.4): 401 when credentials are
// missing or not readable as Basic `apiKey:authToken`, 403 when they are readable but wrong.

import type { IncomingMessage } from 'node:http';
import type { SandboxStore } from '../store/store';
import { errors } from './errors';

/** The API key and token of the Basic header as sent (not checked); undefined when there is no readable one. */
export function basicCredentials(req: IncomingMessage): { key: string; token: string } | undefined {
  const header = req.headers.authorization;
  const m = header === undefined ? null : /^Basic +([A-Za-z0-9+/=_-]{1,1024})$/i.exec(header.trim());
  if (!m) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0 || colon === decoded.length - 1) return undefined;
  return { key: decoded.slice(0, colon), token: decoded.slice(colon + 1) };
}

/** Returns the authenticated API key, or throws the 401/403 error. Never logs the header. */
export function authenticate(req: IncomingMessage, store: SandboxStore): string {
  const given = basicCredentials(req);
  if (!given) throw errors.missingCredentials();
  if (!store.verifyApiKey(given.key, given.token)) throw errors.wrongCredentials();
  return given.key;
}
