// One connection-log message (platform-contract.md §3) read into a fact, without context. The wordings are the
// platform's (seen in the wild) and the sandbox's (core/connectionLog.ts writes the same ones).
// Anything else is `other`. Every pattern is anchored and linear: a 1 MB line costs one pass.

import type { AuthMethod } from './types';

export type LogLineFact =
  | {
      readonly type: 'auth';
      readonly succeeded: boolean;
      readonly method: AuthMethod;
      readonly clientId: string;
      readonly clientIp: string;
    }
  | { readonly type: 'closed'; readonly clientIp?: string; readonly reason: string }
  | { readonly type: 'other' };

// `Token auth succeeded: ClientID='d:o:t:d', ClientIP=1.2.3.4`. The id may itself contain
// quotes and commas (ids come from devices), so the id runs to the last `', ClientIP=`.
const AUTH = /^\s*(Token|API key) auth (succeeded|failed)\s*:\s*ClientID='([\s\S]*)',\s*ClientIP=([^\s,']*)\s*\.?\s*$/i;

// `Closed connection from 1.2.3.4. The connection timed out.`; `Closed connection. The … (5)`.
// IPv6 addresses contain colons, never spaces; the address ends at the first ". " or "." + end.
const CLOSED_FROM = /^\s*Closed connection from ([^\s]+?)\.(?:\s+([\s\S]*))?$/i;
const CLOSED = /^\s*Closed connection\s*[.:]\s*([\s\S]*)$/i;

export function readLogLine(message: string): LogLineFact {
  if (typeof message !== 'string') return { type: 'other' };
  const auth = AUTH.exec(message);
  if (auth) {
    return {
      type: 'auth',
      succeeded: auth[2].toLowerCase() === 'succeeded',
      method: auth[1].toLowerCase() === 'token' ? 'token' : 'apiKey',
      clientId: auth[3],
      clientIp: auth[4],
    };
  }
  const from = CLOSED_FROM.exec(message);
  if (from) return { type: 'closed', clientIp: from[1], reason: (from[2] ?? '').trim() };
  const closed = CLOSED.exec(message);
  if (closed) return { type: 'closed', reason: closed[1].trim() };
  return { type: 'other' };
}
