// Errors of the sandbox's REST API as the platform writes them (platform-contract.md §2.4): a status and a body
// whose ids follow the `CUD<svc><nnnn>E` style. Services: AP = the API itself (auth, routing,
// bodies, rate), CS = client connection state, LG = connection logs, RG = device registry,
// SB = sandbox-only admin calls. Violation ids use 1nnn.

import { apiErrorBody, type ApiErrorBody, type ApiViolation } from '../../core/apiError';

export class ApiError extends Error {
  readonly body: ApiErrorBody;
  constructor(
    readonly status: number,
    id: string,
    message: string,
    properties: string[] = [],
    violations: ApiViolation[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(`${id}: ${message}`);
    this.body = apiErrorBody(id, message, properties, violations);
  }
}

/** A value for an error message, cut when long so bodies stay small (the full value is in `properties`). */
export function cut(value: string, max = 80): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}

/** A parameter value quoted for an error message. */
export function quote(value: string, max = 80): string {
  return JSON.stringify(cut(value, max));
}

export function violation(id: string, message: string, properties: string[] = []): ApiViolation {
  return { message: `${id}: ${message}`, exception: { id, properties } };
}

export const ViolationId = {
  BadValue: 'CUDAP1001E',
  Repeated: 'CUDAP1002E',
  Missing: 'CUDAP1003E',
  BadField: 'CUDAP1004E',
} as const;

/** 400 with the violations found in a request. */
export function invalidRequest(id: string, violations: ApiViolation[]): ApiError {
  const n = violations.length;
  return new ApiError(400, id, `The request is not valid (${n} violation${n === 1 ? '' : 's'}).`, [], violations);
}

export const errors = {
  missingCredentials: () =>
    new ApiError(
      401,
      'CUDAP0401E',
      'Credentials are missing or not valid: use HTTP Basic authentication with an API key and its token.',
      [],
      [],
      { 'WWW-Authenticate': 'Basic realm="iot-sandbox"' },
    ),
  wrongCredentials: () => new ApiError(403, 'CUDAP0403E', 'The API key or its token is not correct.'),
  unknownRoute: (method: string, path: string) =>
    new ApiError(404, 'CUDAP0404E', `There is no resource ${quote(path)} (${method}).`, [path]),
  methodNotAllowed: (method: string, allowed: string[]) =>
    new ApiError(
      405,
      'CUDAP0405E',
      `The method ${quote(method)} is not allowed here; allowed: ${allowed.join(', ')}.`,
      [method],
      [],
      { Allow: allowed.join(', ') },
    ),
  malformedBody: (reason: string) => new ApiError(400, 'CUDAP0400E', `The request body is not valid JSON: ${reason}.`),
  bodyTooLarge: (cap: number) =>
    new ApiError(413, 'CUDAP0413E', `The request body is larger than ${cap} bytes.`, [String(cap)], [], {
      Connection: 'close',
    }),
  rateLimited: (retryAfterSeconds: number) =>
    new ApiError(
      429,
      'CUDAP0429E',
      `Too many API calls for the organization; retry after ${retryAfterSeconds} s.`,
      [String(retryAfterSeconds)],
      [],
      { 'Retry-After': String(retryAfterSeconds) },
    ),
  tooManyFailures: (retryAfterSeconds: number) =>
    new ApiError(
      429,
      'CUDAP0429E',
      `Too many failed authentications from this address or for this API key; retry after ${retryAfterSeconds} s.`,
      [String(retryAfterSeconds)],
      [],
      { 'Retry-After': String(retryAfterSeconds) },
    ),
  unexpected: () => new ApiError(500, 'CUDAP0500E', 'An unexpected error occurred; see the sandbox log.'),
  clientStateOff: () =>
    new ApiError(
      403,
      'CUDCS0403E',
      'The client connection state feature is switched off for this organization; switch it on with PUT ' +
        '/api/v0002/config/clientstate {"enabled": true}.',
    ),
  clientNotFound: (clientId: string) =>
    new ApiError(404, 'CUDCS0404E', `The client ${cut(clientId)} was not found.`, [clientId]),
  logTypeNotFound: (typeId: string) =>
    new ApiError(404, 'CUDLG0404E', `The device type ${cut(typeId)} was not found.`, [typeId]),
  typeNotFound: (typeId: string) =>
    new ApiError(404, 'CUDRG0404E', `The device type ${cut(typeId)} was not found.`, [typeId]),
  deviceNotFound: (typeId: string, deviceId: string) =>
    new ApiError(404, 'CUDRG0405E', `The device ${cut(deviceId)} of type ${cut(typeId)} was not found.`, [
      typeId,
      deviceId,
    ]),
  typeExists: (typeId: string) =>
    new ApiError(409, 'CUDRG0409E', `The device type ${cut(typeId)} already exists.`, [typeId]),
  deviceExists: (typeId: string, deviceId: string) =>
    new ApiError(409, 'CUDRG0410E', `The device ${cut(deviceId)} of type ${cut(typeId)} already exists.`, [
      typeId,
      deviceId,
    ]),
  registryFull: (what: string, max: number) =>
    new ApiError(400, 'CUDRG0413E', `The registry holds at most ${max} ${what}; this one would be more.`, [
      String(max),
    ]),
  keepAliveNotHere: () =>
    new ApiError(501, 'CUDSB0501E', "Keep-alive can be read and held only on the sandbox's own broker."),
  clientNotConnected: (clientId: string) =>
    new ApiError(404, 'CUDSB0404E', `The client ${cut(clientId)} is not connected.`, [clientId]),
  disconnectUnsupported: (kind: string) =>
    new ApiError(
      501,
      'CUDSB0501E',
      `The observed ${kind} offers no call that closes a client's connection; close it on the client's side.`,
      [kind],
    ),
  brokerCallFailed: (why: string) =>
    new ApiError(502, 'CUDSB0502E', `The observed broker did not do it: ${cut(why, 200)}`, [why]),
};
