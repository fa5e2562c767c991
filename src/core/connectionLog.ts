// Wording of the Connection Logs API (platform-contract.md §3). The sandbox writes these lines; the extension's
// classifier reads them back (and any line it has never seen, as "other").

import { closeReason } from './closeCodes';

export interface ConnectionLogEntry {
  message: string;
  timestamp: string;
}

export function tokenAuthSucceeded(clientId: string, clientIp: string): string {
  return `Token auth succeeded: ClientID='${clientId}', ClientIP=${clientIp}`;
}

export function tokenAuthFailed(clientId: string, clientIp: string): string {
  return `Token auth failed: ClientID='${clientId}', ClientIP=${clientIp}`;
}

export function apiKeyAuthSucceeded(clientId: string, clientIp: string): string {
  return `API key auth succeeded: ClientID='${clientId}', ClientIP=${clientIp}`;
}

export function apiKeyAuthFailed(clientId: string, clientIp: string): string {
  return `API key auth failed: ClientID='${clientId}', ClientIP=${clientIp}`;
}

/** Repeated failed authentications of one client id, as one entry (the sandbox's own wording, platform-contract.md
 *  §4.3): `Token auth failed 36 more times from {iso} to {iso}: ClientID='…', ClientIP=…[ and N from other
 *  addresses][; M of them refused unchecked (176: too many authorization requests)]`. Read as "other" by the
 *  extension. */
export function authFailedRepeatedly(
  method: 'token' | 'apiKey',
  clientId: string,
  r: {
    readonly count: number;
    readonly limited: number;
    readonly from: string;
    readonly to: string;
    readonly addresses: readonly string[];
    /** Failures from addresses past those listed. */
    readonly moreAddresses: number;
  },
): string {
  const what = method === 'token' ? 'Token' : 'API key';
  const times = r.count === 1 ? 'time' : 'times';
  const more = r.moreAddresses > 0 ? ` and ${r.moreAddresses} from other addresses` : '';
  const limited =
    r.limited > 0 ? `; ${r.limited} of them refused unchecked (176: too many authorization requests)` : '';
  return (
    `${what} auth failed ${r.count} more ${times} from ${r.from} to ${r.to}: ClientID='${clientId}', ` +
    `ClientIP=${r.addresses.join(', ')}${more}${limited}`
  );
}

/** `Closed connection from {ip}. {reason sentence}.` */
export function closedConnection(clientIp: string, closeCode: number): string {
  return `Closed connection from ${clientIp}. ${closeReason(closeCode)}.`;
}

/** A hold began or was renewed (platform-contract.md §8). */
export function keepAliveHeld(seconds: number): string {
  return `Keep-alive held for ${seconds} s`;
}

/** A hold ended: released, or its seconds passed (platform-contract.md §8). */
export function keepAliveHoldReleased(): string {
  return 'Keep-alive hold released';
}

/** What an observed broker tells of a connect (platform-contract.md §7.2); the parts it does not tell are left out. */
export interface ObservedConnectFacts {
  clientIp?: string;
  clientPort?: number;
  keepAliveSeconds?: number;
}

/** `Connected: ClientID='{id}', ClientIP={ip}, ClientPort={port}, KeepAlive={k}` (platform-contract.md §7.2). */
export function observedConnected(clientId: string, f: ObservedConnectFacts): string {
  const parts = [`ClientID='${clientId}'`];
  if (f.clientIp !== undefined) parts.push(`ClientIP=${f.clientIp}`);
  if (f.clientPort !== undefined) parts.push(`ClientPort=${f.clientPort}`);
  if (f.keepAliveSeconds !== undefined) parts.push(`KeepAlive=${f.keepAliveSeconds}`);
  return `Connected: ${parts.join(', ')}`;
}

/** `Connect failed: ClientID='{id}', ClientIP={ip}`: an observed broker refused an attempt of a known id. */
export function observedConnectFailed(clientId: string, clientIp: string | undefined): string {
  return `Connect failed: ClientID='${clientId}'${clientIp !== undefined ? `, ClientIP=${clientIp}` : ''}`;
}

/**
 * `Closed connection from {ip}. {sentence}.` with the §4.3 sentence of a close code, or the words of an observed broker
 * when it gave no code; `Closed connection. …` when the address is not known.
 */
export function observedClosed(clientIp: string | undefined, closeCode: number | undefined, words: string): string {
  const sentence = closeCode !== undefined ? closeReason(closeCode) : words.charAt(0).toUpperCase() + words.slice(1);
  return `Closed connection${clientIp !== undefined ? ` from ${clientIp}` : ''}. ${sentence.replace(/\.$/, '')}.`;
}
