// The one error type of the platform layer. Every failure of a REST call becomes a PlatformError
// whose `kind` says what went wrong and whose message says what to do about it. It carries only
// plain data: never the HTTP request, its headers or its configuration (which hold the token).

export type PlatformErrorKind =
  /** 401: the API key or token is wrong or missing. */
  | 'unauthorized'
  /** 403: the key may not do this. */
  | 'forbidden'
  /** 403 from the state API while `config/clientstate` is switched off. */
  | 'featureDisabled'
  | 'notFound'
  /** 400 (and other 4xx): see `violations`. */
  | 'badRequest'
  /** 409: it exists already (registry). */
  | 'conflict'
  /** 429 whose Retry-After was longer than the client waits, or retries ran out; see `retryAfterMs`. */
  | 'rateLimited'
  /** 5xx. */
  | 'server'
  /** The host could not be reached, or the connection broke. */
  | 'network'
  | 'timeout'
  /** The TLS handshake failed; see `tls`. */
  | 'tls'
  /** The caller's AbortSignal fired. */
  | 'cancelled'
  /** The answer was not the platform API's JSON (or not of the expected shape). */
  | 'malformed';

/** Why a TLS handshake failed. */
export type TlsProblem = 'unknownCa' | 'expired' | 'hostname' | 'handshake';

export interface PlatformErrorInit {
  readonly kind: PlatformErrorKind;
  readonly message: string;
  readonly status?: number;
  readonly apiMessage?: string;
  readonly apiId?: string;
  readonly violations?: readonly string[];
  readonly retryAfterMs?: number;
  readonly tls?: TlsProblem;
  /** The system or library error code (`ECONNREFUSED`, `CERT_HAS_EXPIRED`, …). */
  readonly code?: string;
  /** `GET /api/v0002/…`: which call failed. */
  readonly request?: string;
}

export class PlatformError extends Error {
  override readonly name = 'PlatformError';
  readonly kind: PlatformErrorKind;
  readonly status?: number;
  /** The API's own `message` (untrusted text: show it as text). */
  readonly apiMessage?: string;
  /** The API's `exception.id`, e.g. `CUDCS0404E`. */
  readonly apiId?: string;
  readonly violations: readonly string[];
  readonly retryAfterMs?: number;
  readonly tls?: TlsProblem;
  readonly code?: string;
  readonly request?: string;

  constructor(init: PlatformErrorInit) {
    super(init.message);
    this.kind = init.kind;
    this.status = init.status;
    this.apiMessage = init.apiMessage;
    this.apiId = init.apiId;
    this.violations = init.violations ?? [];
    this.retryAfterMs = init.retryAfterMs;
    this.tls = init.tls;
    this.code = init.code;
    this.request = init.request;
  }

  /** The same error with another kind and message (e.g. a 403 found to mean featureDisabled). */
  withKind(kind: PlatformErrorKind, message: string): PlatformError {
    return new PlatformError({ ...this.toJSON(), kind, message });
  }

  toJSON(): PlatformErrorInit {
    return {
      kind: this.kind,
      message: this.message,
      status: this.status,
      apiMessage: this.apiMessage,
      apiId: this.apiId,
      violations: this.violations,
      retryAfterMs: this.retryAfterMs,
      tls: this.tls,
      code: this.code,
      request: this.request,
    };
  }
}

export function isPlatformError(value: unknown, kind?: PlatformErrorKind): value is PlatformError {
  return value instanceof PlatformError && (kind === undefined || value.kind === kind);
}
