// Turns what went wrong in an HTTP call into a PlatformError with words a person can act on.
// Only plain facts are copied out of the library's error (status, headers we read, error code):
// its config and request, which hold the Authorization header, never leave this function. What
// the server said (message, violations, Location) is untrusted: made plain text (core/text.ts:
// no control characters, no link syntax, bounded) before it is put into words.

import { isAxiosError, isCancel } from 'axios';
import { readApiErrorBody } from '../../core/apiError';
import { plainText } from '../../core/text';
import { PlatformError } from '../errors';
import { networkMessage, tlsMessage, tlsProblemOf } from '../netErrors';
import type { Redactor } from './redact';
import { parseRetryAfter } from './retryPolicy';
import { messageOf } from '../../core/errors';

export interface FailureContext {
  readonly host: string;
  /** `GET /api/v0002/…` */
  readonly request: string;
  readonly timeoutMs: number;
  readonly redact: Redactor;
  /** The caller's signal: when it has fired, whatever the failure looks like, it is a cancellation. */
  readonly signal?: AbortSignal;
}

export function toPlatformError(error: unknown, ctx: FailureContext): PlatformError {
  if (error instanceof PlatformError) return error;
  const base = { request: ctx.request };
  if (ctx.signal?.aborted || isCancel(error) || (error instanceof Error && error.name === 'AbortError')) {
    return new PlatformError({ ...base, kind: 'cancelled', message: 'The call was cancelled.' });
  }
  if (!isAxiosError(error)) {
    const detail = ctx.redact(messageOf(error));
    return new PlatformError({ ...base, kind: 'network', message: networkMessage(ctx.host, undefined, detail) });
  }
  const code = error.code;
  const detail = ctx.redact(error.message);
  if (error.response) {
    const headers = error.response.headers as Record<string, unknown>;
    return fromStatus(error.response.status, headers, error.response.data, ctx);
  }
  if (code === 'ECONNABORTED' || code === 'ETIMEDOUT') {
    return new PlatformError({
      ...base,
      kind: 'timeout',
      code,
      message: `${ctx.host} did not answer within ${ctx.timeoutMs / 1000} s.`,
    });
  }
  if (code === 'ERR_BAD_RESPONSE' || code === 'ERR_FR_MAX_BODY_LENGTH_EXCEEDED') {
    return new PlatformError({
      ...base,
      kind: 'malformed',
      code,
      message: `${ctx.host} sent an answer this client cannot read (${detail}).`,
    });
  }
  const tls = tlsProblemOf(code);
  if (tls && code) {
    return new PlatformError({ ...base, kind: 'tls', tls, code, message: tlsMessage(ctx.host, tls, code, detail) });
  }
  return new PlatformError({ ...base, kind: 'network', code, message: networkMessage(ctx.host, code, detail) });
}

function header(headers: Record<string, unknown>, name: string): string | undefined {
  const v = headers[name];
  return typeof v === 'string' ? v : undefined;
}

function parseJson(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}

/** What a server's own words may take of a message. */
const MAX_SAID = 500;
const MAX_VIOLATIONS = 10;

/** An HTTP answer outside 2xx. */
export function fromStatus(
  status: number,
  headers: Record<string, unknown>,
  data: unknown,
  ctx: FailureContext,
): PlatformError {
  const body = readApiErrorBody(parseJson(data));
  const apiMessage = body ? plainText(ctx.redact(body.message), MAX_SAID) : undefined;
  const violations = body?.violations.slice(0, MAX_VIOLATIONS).map((v) => plainText(ctx.redact(v.message), 200)) ?? [];
  const said = apiMessage ? `: ${apiMessage.replace(/\.\s*$/, '')}` : '';
  const common = { status, apiMessage, apiId: body?.exception.id || undefined, violations, request: ctx.request };
  const host = ctx.host;
  if (status === 401) {
    return new PlatformError({
      ...common,
      kind: 'unauthorized',
      message: `${host} did not accept the API key and token (HTTP 401)${said}. Check the API key and token.`,
    });
  }
  if (status === 403) {
    return new PlatformError({
      ...common,
      kind: 'forbidden',
      message:
        `${host} refused the call with these credentials (HTTP 403)${said}. Check that the API key is valid ` +
        `and allowed to do this.`,
    });
  }
  if (status === 404) {
    return new PlatformError({ ...common, kind: 'notFound', message: `Not found (HTTP 404)${said}.` });
  }
  if (status === 409) {
    return new PlatformError({ ...common, kind: 'conflict', message: `It exists already (HTTP 409)${said}.` });
  }
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(header(headers, 'retry-after'));
    const when = retryAfterMs !== undefined ? `try again in ${Math.ceil(retryAfterMs / 1000)} s` : 'try again shortly';
    return new PlatformError({
      ...common,
      kind: 'rateLimited',
      retryAfterMs,
      message:
        `${host} is limiting the rate of calls (HTTP 429; the platform allows 10 calls per second per ` +
        `organization): ${when}.`,
    });
  }
  if (status >= 400 && status < 500) {
    const listed = violations.length > 0 ? ` (${violations.join('; ')})` : '';
    return new PlatformError({
      ...common,
      kind: 'badRequest',
      message: `${host} rejected the request (HTTP ${status})${said}${listed}.`,
    });
  }
  if (status >= 500) {
    return new PlatformError({
      ...common,
      kind: 'server',
      message: `${host} failed with an internal error (HTTP ${status})${said}. Try again later.`,
    });
  }
  if (status >= 300 && status < 400) {
    const location = plainText(ctx.redact(header(headers, 'location') ?? 'elsewhere'), 200);
    return new PlatformError({
      ...common,
      kind: 'malformed',
      message: `${host} redirects the call (HTTP ${status}) to ${location}: check the API URL.`,
    });
  }
  return new PlatformError({
    ...common,
    kind: 'malformed',
    message: `${host} answered with HTTP ${status}, which the platform API never sends: check the API URL.`,
  });
}
