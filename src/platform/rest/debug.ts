// The calls for debugging (platform-contract.md §8): a connected client's keep-alive and deadline,
// and holding it while its program is paused. What kind of broker is behind the API: source.ts.
// Answers are read defensively: a field of the wrong type is left out, never trusted.

import { parseInstant } from '../../core/time';
import { isPlatformError, PlatformError } from '../errors';
import type { Transport } from './http';
import { isUsableSegment, pathSegment, quote } from './text';

export interface KeepAliveInfo {
  readonly keepAliveSeconds: number;
  /** Epoch ms of the last packet that reset the keep-alive. */
  readonly lastPacketTime?: number;
  /** Epoch ms at which the broker closes the client with 160 unless a packet arrives; absent: never. */
  readonly deadline?: number;
  readonly held: boolean;
  readonly heldUntil?: number;
}

/** The most a hold may last (platform-contract.md §8). */
export const MAX_HOLD_SECONDS = 3600;

const clientPath = (clientId: string, what: string) => `/sandbox/clients/${pathSegment(clientId)}/${what}`;

export function getKeepAlive(t: Transport, clientId: string, signal?: AbortSignal): Promise<KeepAliveInfo> {
  return keepAliveCall(t, clientId, () => t.send({ method: 'GET', path: clientPath(clientId, 'keepalive'), signal }));
}

export function holdKeepAlive(
  t: Transport,
  clientId: string,
  seconds: number,
  signal?: AbortSignal,
): Promise<KeepAliveInfo> {
  const n = Math.min(MAX_HOLD_SECONDS, Math.max(1, Math.round(seconds)));
  return keepAliveCall(t, clientId, () =>
    t.send({ method: 'POST', path: clientPath(clientId, 'hold'), body: { seconds: n }, signal }),
  );
}

export function releaseKeepAlive(t: Transport, clientId: string, signal?: AbortSignal): Promise<KeepAliveInfo> {
  return keepAliveCall(t, clientId, () => t.send({ method: 'DELETE', path: clientPath(clientId, 'hold'), signal }));
}

async function keepAliveCall(
  t: Transport,
  clientId: string,
  send: () => Promise<{ body: unknown }>,
): Promise<KeepAliveInfo> {
  if (!isUsableSegment(clientId)) {
    throw new PlatformError({ kind: 'badRequest', message: `${quote(clientId)} cannot be a client id.` });
  }
  let body: unknown;
  try {
    ({ body } = await send());
  } catch (error) {
    if (isPlatformError(error, 'notFound')) {
      throw error.withKind(
        'notFound',
        `${quote(clientId)} is not connected, or this platform cannot tell its keep-alive.`,
      );
    }
    throw error;
  }
  const info = readKeepAlive(body);
  if (!info) {
    throw new PlatformError({
      kind: 'malformed',
      message: `${t.host} answered with something that is not the keep-alive of ${quote(clientId)}.`,
    });
  }
  return info;
}

function readKeepAlive(body: unknown): KeepAliveInfo | undefined {
  const r = objectOf(body);
  const k = r.keepAliveSeconds;
  if (typeof k !== 'number' || !Number.isFinite(k) || k < 0 || typeof r.held !== 'boolean') return undefined;
  const time = (v: unknown) => (typeof v === 'string' ? parseInstant(v) : undefined);
  return {
    keepAliveSeconds: k,
    lastPacketTime: time(r.lastPacketTime),
    deadline: time(r.deadline),
    held: r.held,
    heldUntil: time(r.heldUntil),
  };
}

function objectOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
