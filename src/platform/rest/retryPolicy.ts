// Which failed calls are tried again, and when. Pure functions; http.ts plugs them into axios-retry.
//  - 429: always (the platform did not process the call), after Retry-After, if that is short enough.
//  - 5xx and broken connections: only idempotent calls (GET, PUT of a config, DELETE of a hold), with backoff.
//  - never 4xx, timeouts (the caller already waited the full timeout), TLS or name-lookup errors
//    (retrying does not change them), or cancellations.

import { backoffDelay, type BackoffOptions } from '../backoff';

const IDEMPOTENT = new Set(['get', 'head', 'put', 'delete']);
const TRANSIENT_NETWORK = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

export interface FailedAttempt {
  readonly method?: string;
  /** HTTP status, when an answer came. */
  readonly status?: number;
  /** Error code, when no answer came. */
  readonly code?: string;
  readonly retryAfterHeader?: string;
}

export type RetryReason = 'rateLimited' | 'transient';

export function retryReason(
  attempt: FailedAttempt,
  maxRetryAfterMs: number,
  now = Date.now(),
): RetryReason | undefined {
  if (attempt.status === 429) {
    const after = parseRetryAfter(attempt.retryAfterHeader, now);
    return after === undefined || after <= maxRetryAfterMs ? 'rateLimited' : undefined;
  }
  if (!IDEMPOTENT.has((attempt.method ?? '').toLowerCase())) return undefined;
  if (attempt.status !== undefined) return attempt.status >= 500 && attempt.status <= 599 ? 'transient' : undefined;
  return attempt.code !== undefined && TRANSIENT_NETWORK.has(attempt.code) ? 'transient' : undefined;
}

/** How long to wait before retry number `retry` (1-based). */
export function retryDelayMs(
  reason: RetryReason,
  retry: number,
  backoff: BackoffOptions,
  retryAfterHeader: string | undefined,
  now = Date.now(),
): number {
  const after = reason === 'rateLimited' ? parseRetryAfter(retryAfterHeader, now) : undefined;
  return after ?? backoffDelay(retry, backoff);
}

/** Retry-After as milliseconds from now: delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d{1,9}$/.test(text)) return Number(text) * 1000;
  if (text.length > 64 || !/[A-Za-z]/.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}
