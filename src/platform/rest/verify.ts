// "Connect to Platform…": one real call with the given credentials, and a precise account of what
// failed — host unreachable, TLS, 401, 403, or a server that is not a platform API.

import { orgFromApiKey } from '../../core/ids';
import { isPlatformError, PlatformError } from '../errors';
import type { Transport } from './http';
import { getClientStateConfig } from './states';

export interface VerifyResult {
  /** Whether the Client Connection State API is on (the tree needs it). */
  readonly clientStateEnabled: boolean;
  /** The organization, read from the API key (`a-{org}-…`), when it has that form. */
  readonly orgId?: string;
}

export async function verify(
  t: Transport,
  apiKey: string,
  baseUrl: string,
  signal?: AbortSignal,
): Promise<VerifyResult> {
  try {
    // Authenticated, cheap, and present on every platform: the state API's switch. No retries:
    // the person is waiting, and a retried failure says nothing new.
    const config = await getClientStateConfig(t, signal, 0);
    return { clientStateEnabled: config.enabled, orgId: orgFromApiKey(apiKey) };
  } catch (error) {
    if (isPlatformError(error, 'notFound') || isPlatformError(error, 'malformed')) {
      throw new PlatformError({
        ...error.toJSON(),
        kind: 'malformed',
        message:
          error.kind === 'notFound'
            ? `${t.host} does not answer like a platform API at ${baseUrl} (HTTP 404 for config/clientstate): check ` +
              `the API URL; it ends in /api/v0002.`
            : `${t.host} does not answer like a platform API at ${baseUrl}. ${error.message}`,
      });
    }
    throw error;
  }
}
