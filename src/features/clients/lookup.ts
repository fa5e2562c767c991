// Which client a person means by what they typed (Show Client…, Show Connection Timeline): no
// `vscode` import. In order: the exact client id (any form: an observed broker's ids are anything,
// platform-contract.md §7.2), a device id of the platform's form (the `deviceId` filter), then a part
// of a client id (`clientIdContains`). A platform may ignore a filter (§7.2's is new): its answers
// are checked here, so only ids that really match are offered.

import type { ClientState } from '../../core/clientState';
import { isDeviceLike, isValidIdPart, parseClientId } from '../../core/ids';
import { MAX_ID_PART_QUERY } from '../../core/stateQuery';
import { isPlatformError } from '../../platform/errors';
import type { PlatformRestClient } from '../../platform/rest/client';

export type LookupRest = Pick<PlatformRestClient, 'getClientState' | 'listClientStates'>;

export type ClientLookup =
  | { readonly found: true; readonly by: 'id' | 'deviceId' | 'idContains'; readonly records: readonly ClientState[] }
  | { readonly found: false };

/** Most candidates offered to pick from. */
export const MAX_CANDIDATES = 100;

export async function lookUpClient(rest: LookupRest, input: string, signal?: AbortSignal): Promise<ClientLookup> {
  try {
    return { found: true, by: 'id', records: [await rest.getClientState(input, signal)] };
  } catch (error) {
    // 404: not an id the platform knows; 400: not even a usable id (empty, too long).
    if (!isPlatformError(error, 'notFound') && !isPlatformError(error, 'badRequest')) throw error;
  }
  const list = (query: { deviceId: string } | { clientIdContains: string }) =>
    rest.listClientStates({ query, limit: MAX_CANDIDATES, sort: ['id'] }, signal);
  if (isValidIdPart(input)) {
    const page = await list({ deviceId: input });
    const records = page.records.filter((r) => deviceIdOf(r.id) === input);
    if (records.length > 0) return { found: true, by: 'deviceId', records };
  }
  if (input.length > 0 && input.length <= MAX_ID_PART_QUERY) {
    try {
      const page = await list({ clientIdContains: input });
      const records = page.records.filter((r) => r.id.includes(input));
      if (records.length > 0) return { found: true, by: 'idContains', records };
    } catch (error) {
      // A platform that does not take the filter (platform-contract.md §2.2 has no such parameter).
      if (!isPlatformError(error, 'badRequest')) throw error;
    }
  }
  return { found: false };
}

function deviceIdOf(clientId: string): string | undefined {
  const id = parseClientId(clientId);
  return id !== undefined && isDeviceLike(id) ? id.deviceId : undefined;
}
