// Words for connection failures that the REST client and the monitor client share: TLS problems
// by their Node error codes, and the common network errors.

import type { TlsProblem } from './errors';

const TLS_CODES: Record<string, TlsProblem> = {
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'unknownCa',
  SELF_SIGNED_CERT_IN_CHAIN: 'unknownCa',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'unknownCa',
  UNABLE_TO_GET_ISSUER_CERT: 'unknownCa',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'unknownCa',
  CERT_SIGNATURE_FAILURE: 'unknownCa',
  CERT_UNTRUSTED: 'unknownCa',
  CERT_HAS_EXPIRED: 'expired',
  CERT_NOT_YET_VALID: 'expired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'hostname',
  EPROTO: 'handshake',
};

export function tlsProblemOf(code: string | undefined): TlsProblem | undefined {
  if (code === undefined) return undefined;
  return TLS_CODES[code] ?? (/^ERR_(SSL|TLS)_/.test(code) ? 'handshake' : undefined);
}

export function tlsMessage(host: string, problem: TlsProblem, code: string, detail: string): string {
  switch (problem) {
    case 'unknownCa':
      return (
        `The TLS certificate of ${host} is not signed by a CA this client trusts (${code}). Set the platform's ` +
        `CA file, or check that the URL points at the platform.`
      );
    case 'expired':
      return (
        `The TLS certificate of ${host} has expired or is not valid yet (${code}). The platform must renew it; ` +
        `also check this computer's clock.`
      );
    case 'hostname':
      return (
        `The TLS certificate of ${host} is not issued for that host name (${detail}). Use the host name written ` +
        `on the certificate.`
      );
    case 'handshake':
      return (
        `The TLS handshake with ${host} failed (${code}). Check that the port speaks TLS (https/mqtts) and that ` +
        `the URL is right.`
      );
  }
}

export function networkMessage(host: string, code: string | undefined, detail: string): string {
  switch (code) {
    case 'ECONNREFUSED':
      return `Cannot reach ${host}: the connection was refused (nothing listens on that port).`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Cannot reach ${host}: the host name was not found.`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `Cannot reach ${host}: no route to the host.`;
    case 'ECONNRESET':
    case 'EPIPE':
      return `The connection to ${host} broke before the answer came (${code}).`;
    default:
      return `Cannot reach ${host} (${code ?? 'no code'}: ${detail}).`;
  }
}
