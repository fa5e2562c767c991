// The sandbox's keep-alive calls (platform-contract.md §8): read a connected client's keep-alive,
// hold it (1–3600 s) while its program is paused at a breakpoint, release the hold. 404 when the
// client is not connected.

import { toIso } from '../../../core/time';
import { readJsonBody } from '../body';
import type { KeepAliveFacts } from '../context';
import { errors, invalidRequest, violation, ViolationId } from '../errors';
import { forLog } from '../logText';
import type { Route } from '../router';

export const MAX_HOLD_SECONDS = 3600;

function wire(f: KeepAliveFacts): Record<string, unknown> {
  return {
    keepAliveSeconds: f.keepAliveSeconds,
    lastPacketTime: toIso(f.lastPacketTime),
    deadline: f.deadline === null ? null : toIso(f.deadline),
    held: f.held,
    ...(f.heldUntil !== null ? { heldUntil: toIso(f.heldUntil) } : {}),
  };
}

type Call = (clientId: string) => KeepAliveFacts | undefined;

function answer(clientId: string, call: Call | undefined): { status: number; body: unknown } {
  if (call === undefined) throw errors.keepAliveNotHere();
  const facts = call(clientId);
  if (facts === undefined) throw errors.clientNotConnected(clientId);
  return { status: 200, body: wire(facts) };
}

/** `{"seconds": n}` with n a whole number of seconds, 1–3600. */
function holdSeconds(body: unknown): number {
  const seconds = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).seconds : undefined;
  if (typeof seconds === 'number' && Number.isInteger(seconds) && seconds >= 1 && seconds <= MAX_HOLD_SECONDS) {
    return seconds;
  }
  throw invalidRequest('CUDSB0400E', [
    violation(ViolationId.BadValue, `seconds: a whole number from 1 to ${MAX_HOLD_SECONDS} is required.`, ['seconds']),
  ]);
}

export const keepAliveRoutes: Route[] = [
  {
    method: 'GET',
    path: '/sandbox/clients/:clientId/keepalive',
    handler: ({ deps: { admin }, params }) => answer(params.clientId, admin.keepAlive?.bind(admin)),
  },
  {
    method: 'POST',
    path: '/sandbox/clients/:clientId/hold',
    handler: async ({ deps, params, req }) => {
      const { admin } = deps;
      if (admin.hold === undefined) throw errors.keepAliveNotHere();
      const seconds = holdSeconds(await readJsonBody(req));
      const reply = answer(params.clientId, (id) => admin.hold?.(id, seconds));
      deps.log.info(`keep-alive of ${forLog(params.clientId)} held for ${seconds} s`);
      return reply;
    },
  },
  {
    method: 'DELETE',
    path: '/sandbox/clients/:clientId/hold',
    handler: ({ deps: { admin }, params }) => answer(params.clientId, admin.release?.bind(admin)),
  },
];
