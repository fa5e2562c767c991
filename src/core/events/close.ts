// One place that turns whatever a source says about a close (a code, a reason text that varies,
// an initiator, an MQTT 5 reason code) into a CloseDetail and a cause (platform-contract.md §4.3, §6).

import * as l10n from '@vscode/l10n';
import { closeCodeInfo, CloseCode, type DisconnectInitiator } from '../closeCodes';
import { closeCodeInText, closeCodeInfoForText } from '../closeCodeText';
import { closeExplanation, closeHint, mqtt5ReasonName } from '../closeCodeWords';
import { plainText } from '../text';
import type { CloseDetail, DisconnectCause } from './types';

export interface CloseFacts {
  readonly closeCode?: number;
  readonly reason?: string;
  readonly initiator?: DisconnectInitiator;
  readonly mqttReasonCode?: number;
}

/** Close codes that end an attempt before it became a session. */
export const FAILED_CONNECT_CODES: ReadonlySet<number> = new Set([
  CloseCode.ServerCapacity,
  CloseCode.NoData,
  CloseCode.InvalidClientId,
  CloseCode.CertificateMissing,
  CloseCode.CertificateInvalid,
  CloseCode.TooManyConnections,
  CloseCode.TooManyAuthRequests,
  CloseCode.NotAuthorized,
]);

/** MQTT 5 "session taken over". */
const SESSION_TAKEN_OVER = 142;

/** Reason texts kept on events are bounded: a 1 MB reason is someone's bug, not information. */
const MAX_REASON = 2000;

export function resolveClose(facts: CloseFacts): CloseDetail & { readonly cause: DisconnectCause } {
  const reason =
    typeof facts.reason === 'string' && facts.reason.trim().length > 0
      ? facts.reason.trim().slice(0, MAX_REASON)
      : undefined;
  const code = facts.closeCode ?? (reason !== undefined ? closeCodeInText(reason) : undefined);
  const info =
    (code !== undefined ? closeCodeInfo(code) : undefined) ??
    (reason !== undefined ? closeCodeInfoForText(reason) : undefined);
  const initiator = facts.initiator ?? info?.initiator;
  const mqttReasonCode = facts.mqttReasonCode ?? info?.mqttReasonCode;
  const takeover =
    info?.code === CloseCode.ClientIdReused || (info === undefined && mqttReasonCode === SESSION_TAKEN_OVER);
  return {
    closeCode: code ?? info?.code,
    initiator,
    mqttReasonCode,
    reason,
    // In the person's language: events are read in the extension host, after it set the language.
    explanation: (info && closeExplanation(info.code)) ?? fallbackExplanation(code, mqttReasonCode, reason),
    hint: (info && closeHint(info.code)) ?? '',
    cause: takeover ? 'takeover' : (initiator ?? 'unknown'),
  };
}

function fallbackExplanation(code: number | undefined, mqtt: number | undefined, reason: string | undefined): string {
  if (mqtt !== undefined) return mqtt5ReasonName(mqtt);
  if (reason !== undefined) return plainText(reason.replace(/\.$/, ''), 160);
  return code !== undefined ? l10n.t('unknown close code') : l10n.t('closed for an unknown reason');
}
