// One connection-log message (platform-contract.md §3, §7.2) read into a fact, without context. The wordings are the
// platform's (seen in the wild), the sandbox's and an observing server's (core/connectionLog.ts writes the same ones).
// Anything else is `other`. Every pattern is anchored and linear: a 1 MB line costs one pass.

import type { AuthMethod } from './types';

export type LogLineFact =
  | {
      readonly type: 'auth';
      readonly succeeded: boolean;
      readonly method: AuthMethod;
      readonly clientId: string;
      /** Always on the platform's lines; an observed broker's may lack it (platform-contract.md §7.2). */
      readonly clientIp?: string;
      readonly clientPort?: number;
      readonly keepAliveSeconds?: number;
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

// An observed broker's (platform-contract.md §7.2): `Connected: ClientID='{id}', ClientIP={ip}, ClientPort={port},
// KeepAlive={k}` and `Connect failed: ClientID='{id}', ClientIP={ip}`, each part after the id left out when unknown.
// None of the parts after the id can hold a quote, so the id runs to the last quote of the line.
const OBSERVED_HEAD = /^\s*(Connected|Connect failed)\s*:\s*ClientID='/i;
const OBSERVED_TAIL =
  /^(?:,\s*ClientIP=([^\s,']+))?(?:,\s*ClientPort=(\d{1,5}))?(?:,\s*KeepAlive=(\d{1,5}))?\s*\.?\s*$/i;

function readObserved(message: string): LogLineFact | undefined {
  const head = OBSERVED_HEAD.exec(message);
  if (!head) return undefined;
  const end = message.lastIndexOf("'");
  if (end < head[0].length) return undefined;
  const tail = OBSERVED_TAIL.exec(message.slice(end + 1));
  if (!tail) return undefined;
  return {
    type: 'auth',
    succeeded: head[1].toLowerCase() === 'connected',
    method: 'unknown',
    clientId: message.slice(head[0].length, end),
    ...(tail[1] !== undefined ? { clientIp: tail[1] } : {}),
    ...(tail[2] !== undefined ? { clientPort: Number(tail[2]) } : {}),
    ...(tail[3] !== undefined ? { keepAliveSeconds: Number(tail[3]) } : {}),
  };
}

export function readLogLine(message: string): LogLineFact {
  if (typeof message !== 'string') return { type: 'other' };
  const observed = readObserved(message);
  if (observed) return observed;
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
