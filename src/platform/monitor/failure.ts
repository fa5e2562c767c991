// Why the monitor's connection ended, in words, and whether trying again can help: wrong
// credentials, a refused id, or a certificate this client does not trust will not fix themselves.

import { connackName } from '../../core/closeCodes';
import { networkMessage, tlsMessage, tlsProblemOf } from '../netErrors';
import type { Redactor } from '../rest/redact';
import { quote } from '../rest/text';

export interface ConnectFailure {
  readonly message: string;
  /** A CONNACK return code (number) or a system/TLS error code (string). */
  readonly code?: string | number;
}

export interface DescribedFailure {
  readonly reason: string;
  /** No automatic retry: only restart() (after a fix) tries again. */
  readonly final: boolean;
  readonly connackCode?: number;
}

export function describeFailure(
  failure: ConnectFailure | undefined,
  host: string,
  clientId: string,
  wasConnected: boolean,
  redact: Redactor,
): DescribedFailure {
  if (!failure) {
    return {
      final: false,
      reason: wasConnected
        ? `the broker ${host} closed the connection`
        : `the connection to ${host} closed before the broker accepted it`,
    };
  }
  const { code } = failure;
  if (typeof code === 'number') {
    const name = connackName(code);
    switch (code) {
      case 4:
      case 5:
        return {
          final: true,
          connackCode: code,
          reason:
            `the broker ${host} refused the API key and token (CONNACK ${code}: ${name}); check the ` +
            `credentials, then reconnect`,
        };
      case 2:
        return {
          final: true,
          connackCode: code,
          reason:
            `the broker ${host} refused the client id ${quote(clientId)} (CONNACK 2: ${name}); check the ` +
            `organization and app id`,
        };
      case 1:
        return {
          final: true,
          connackCode: code,
          reason: `the broker ${host} does not accept MQTT 3.1.1 (CONNACK 1: ${name})`,
        };
      default:
        return {
          final: false,
          connackCode: code,
          reason: `the broker ${host} did not accept the connection (CONNACK ${code}: ${name})`,
        };
    }
  }
  const tls = tlsProblemOf(code);
  if (tls && code) return { final: true, reason: tlsMessage(host, tls, code, redact(failure.message)) };
  return { final: false, reason: networkMessage(host, code, redact(failure.message)) };
}
