// Who a timeline is about, read once from the client id when its panel opens (no `vscode` import):
// what the page is told, and where the Logs API keeps the client's log.

import { isDeviceLike, parseClientId, shortName } from '../../core/ids';
import { plainText } from '../../core/text';
import type { TimelineSubject } from '../../shared/protocol';

/** The device type and id the Logs API takes (devices and gateways). */
export interface LogAddress {
  readonly typeId: string;
  readonly deviceId: string;
}

export interface ParsedSubject {
  readonly subject: TimelineSubject;
  /** Present exactly when `subject.hasLog`. */
  readonly logAddress?: LogAddress;
}

export function subjectOf(clientId: string): ParsedSubject {
  const id = parseClientId(clientId);
  if (!id) return { subject: { clientId, name: plainText(clientId, 60), kind: 'unknown', hasLog: false } };
  const subject: TimelineSubject = { clientId, name: shortName(id), kind: id.kind, hasLog: isDeviceLike(id) };
  return isDeviceLike(id) ? { subject, logAddress: { typeId: id.typeId, deviceId: id.deviceId } } : { subject };
}
