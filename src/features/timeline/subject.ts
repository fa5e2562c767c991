// Who a timeline is about, read once from the client id when its panel opens (no `vscode` import):
// what the page is told, and where the Logs API keeps the client's log (platform-contract.md §3, §7.2).

import { logAddressOf, parseClientId, shortName, type LogAddress } from '../../core/ids';
import { plainText } from '../../core/text';
import type { TimelineSubject } from '../../shared/protocol';

export interface ParsedSubject {
  readonly subject: TimelineSubject;
  /** Present exactly when `subject.hasLog`. */
  readonly logAddress?: LogAddress;
}

export function subjectOf(clientId: string): ParsedSubject {
  const id = parseClientId(clientId);
  const logAddress = logAddressOf(clientId);
  const subject: TimelineSubject = id
    ? { clientId, name: shortName(id), kind: id.kind, hasLog: logAddress !== undefined }
    : {
        clientId,
        name: plainText(clientId, 60),
        kind: logAddress ? 'other' : 'unknown',
        hasLog: logAddress !== undefined,
      };
  return logAddress ? { subject, logAddress } : { subject };
}
