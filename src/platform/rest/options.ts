// How a REST client is created, with defaults, and the API URL in its one normal form.

import { API_CALLS_PER_SECOND } from '../../core/limits';
import type { BackoffOptions } from '../backoff';
import { PlatformError } from '../errors';
import type { PlatformLog } from '../log';
import { DEFAULT_PAGE_BUDGET, type PageBudget } from './paging';
import type { ProxySettings } from '../proxy/agents';

export interface RestClientOptions {
  /** `https://{org}.internetofthings.ibmcloud.com/api/v0002`; `/api/v0002` is added when missing. */
  readonly apiUrl: string;
  readonly apiKey: string;
  readonly apiToken: string;
  /** PEM of the CA that signs the platform's certificate; when given it replaces the system roots. */
  readonly ca?: string;
  /** Default true. false accepts any certificate: only for a throwaway local sandbox. */
  readonly rejectUnauthorized?: boolean;
  /** Per attempt. Default 15 s. */
  readonly timeoutMs?: number;
  /** Default 10 (the platform's fair-use rate, core/limits.ts). */
  readonly callsPerSecond?: number;
  /** Retries after the first attempt (5xx and network errors on idempotent calls, 429). Default 3. */
  readonly maxRetries?: number;
  /** The longest Retry-After waited for; a longer one fails at once as 'rateLimited'. Default 10 s. */
  readonly maxRetryAfterMs?: number;
  /** Retry backoff. Default 300 ms doubling to 5 s, with jitter. */
  readonly backoff?: BackoffOptions;
  /** VS Code's proxy settings (platform/proxy); none: direct. */
  readonly proxy?: ProxySettings;
  /** What one loop over pages may read: default 200 pages in 60 s (paging.ts). */
  readonly pageBudget?: Partial<PageBudget>;
  readonly log?: PlatformLog;
}

export type ResolvedRestOptions = Required<Omit<RestClientOptions, 'ca' | 'log' | 'proxy' | 'pageBudget'>> &
  Pick<RestClientOptions, 'ca' | 'log' | 'proxy'> & {
    readonly pageBudget: PageBudget;
    /** The API base URL without a trailing slash, always ending in `/api/v0002`. */
    readonly baseUrl: string;
    /** `host:port`, for messages. */
    readonly host: string;
  };

export const API_PATH = '/api/v0002';

/** The pacing window is a little longer than a second so that network jitter cannot squeeze
 *  11 calls into one second at the server. */
export const PACING_WINDOW_MS = 1050;

export function resolveRestOptions(options: RestClientOptions): ResolvedRestOptions {
  const url = parseApiUrl(options.apiUrl);
  if (!options.apiKey || !options.apiToken) {
    throw new PlatformError({
      kind: 'unauthorized',
      message: 'An API key and an API token are needed to call the platform.',
    });
  }
  return {
    ...options,
    apiUrl: options.apiUrl,
    baseUrl: url.href.replace(/\/+$/, ''),
    host: url.host,
    rejectUnauthorized: options.rejectUnauthorized ?? true,
    timeoutMs: options.timeoutMs ?? 15_000,
    callsPerSecond: options.callsPerSecond ?? API_CALLS_PER_SECOND,
    maxRetries: options.maxRetries ?? 3,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 10_000,
    backoff: options.backoff ?? { initialMs: 300, maxMs: 5_000 },
    pageBudget: { ...DEFAULT_PAGE_BUDGET, ...options.pageBudget },
  };
}

function parseApiUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new PlatformError({
      kind: 'badRequest',
      message: `The API URL "${text.slice(0, 200)}" is not a URL; expected e.g. https://{org}.internetofthings.ibmcloud.com/api/v0002.`,
    });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new PlatformError({
      kind: 'badRequest',
      message: `The API URL must start with https:// (or http:// for a local sandbox), not ${url.protocol}//.`,
    });
  }
  if (url.username || url.password) {
    // Credentials belong in the API key and token (the token in secret storage), never in a URL.
    throw new PlatformError({
      kind: 'badRequest',
      message: 'The API URL must not contain a user name or password; give the API key and token separately.',
    });
  }
  url.search = '';
  url.hash = '';
  const path = url.pathname.replace(/\/+$/, '');
  url.pathname = path.endsWith(API_PATH) ? path : `${path}${API_PATH}`;
  return url;
}
