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
