// REST clients for tests, with a token that is easy to search for in messages and logs.

import { PlatformRestClient, type RestClientOptions } from '../../../../src/platform';

export const TEST_KEY = 'a-tstorg-abcdefghij';
export const TEST_TOKEN = 'Tok3n-S3cr3t-Value';

export interface LogLines {
  readonly lines: string[];
  debug(m: string): void;
  info(m: string): void;
  warn(m: string): void;
  error(m: string): void;
}

export function captureLog(): LogLines {
  const lines: string[] = [];
  return {
    lines,
    debug: (m) => void lines.push(m),
    info: (m) => void lines.push(m),
    warn: (m) => void lines.push(m),
    error: (m) => void lines.push(m),
  };
}

/** A client of a fault server: fast backoff so retry tests stay short. */
export function faultClient(apiUrl: string, extra: Partial<RestClientOptions> = {}): PlatformRestClient {
  return new PlatformRestClient({
    apiUrl,
    apiKey: TEST_KEY,
    apiToken: TEST_TOKEN,
    timeoutMs: 3000,
    backoff: { initialMs: 20, maxMs: 100 },
    ...extra,
  });
}

/** Awaits a promise that must fail; returns its error. */
export async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail, and it succeeded');
}
