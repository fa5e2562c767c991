// Who may connect (platform-contract.md §1): devices and gateways with `use-token-auth` and their token,
// applications with an API key of this organization and its token.

import { ConnackCode, CloseCode } from '../../../../core/closeCodes';
import { isDeviceLike, orgFromApiKey, parseClientId, type ParsedClientId } from '../../../../core/ids';
import type { SandboxStore } from '../../../store/store';

export const TOKEN_AUTH_USER = 'use-token-auth';

export type AuthVerdict =
  | { readonly ok: true; readonly id: ParsedClientId }
  | {
      readonly ok: false;
      readonly id?: ParsedClientId;
      readonly closeCode: number;
      readonly connack: number;
      readonly why: string;
    };

/** Checks one CONNECT's client id and credentials. Never throws on hostile input. */
export function authenticateConnect(
  store: SandboxStore,
  org: string,
  rawId: string,
  username: string | undefined,
  password: Buffer | undefined,
): AuthVerdict {
  const id = parseClientId(rawId);
  if (id === undefined) {
    return {
      ok: false,
      closeCode: CloseCode.InvalidClientId,
      connack: ConnackCode.IdRejected,
      why: "the client id is not of the platform's form",
    };
  }
  if (id.orgId !== org) {
    return {
      ok: false,
      closeCode: CloseCode.InvalidClientId,
      connack: ConnackCode.IdRejected,
      why: `the client id names another organization than ${org}`,
    };
  }
  const refused = (why: string): AuthVerdict => ({
    ok: false,
    id,
    closeCode: CloseCode.NotAuthorized,
    connack: ConnackCode.NotAuthorized,
    why,
  });
  const token = password?.toString('utf8');
  if (token === undefined || token.length === 0) return refused('no password (token) was given');
  if (isDeviceLike(id)) {
    if (username !== TOKEN_AUTH_USER) return refused(`the user name must be ${TOKEN_AUTH_USER}`);
    return store.verifyDeviceToken(id.typeId, id.deviceId, token)
      ? { ok: true, id }
      : refused('unregistered device or wrong token');
  }
  if (username === undefined || orgFromApiKey(username) !== org) {
    return refused(`the user name must be an API key of organization ${org}`);
  }
  return store.verifyApiKey(username, token) ? { ok: true, id } : refused('unknown API key or wrong token');
}
