// Who a timeline is about, from the client id alone (no `vscode` import).

import { isDeviceLike, parseClientId, shortName } from '../../core/ids';
import { plainText } from '../../core/text';
import type { TimelineSubject } from '../../shared/protocol';

export function subjectOf(clientId: string): TimelineSubject {
  const id = parseClientId(clientId);
  if (!id) return { clientId, name: plainText(clientId, 60), kind: 'unknown', hasLog: false };
  return { clientId, name: shortName(id), kind: id.kind, hasLog: isDeviceLike(id) };
}

/** The device type and id the Logs API takes, for devices and gateways. */
export function logAddress(clientId: string): { typeId: string; deviceId: string } | undefined {
  const id = parseClientId(clientId);
  return id && isDeviceLike(id) ? { typeId: id.typeId, deviceId: id.deviceId } : undefined;
}
