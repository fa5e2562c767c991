// The behaviour of each kind of simulated client (see table.ts for the mixture).

import type { SimClient } from '../plan';
import type { DeviceRole } from '../table';
import { application } from './application';
import { badToken } from './badToken';
import type { Actor, ActorEnv } from './env';
import { flapper } from './flapper';
import { oversize } from './oversize';
import { stalled } from './stalled';
import { steady } from './steady';
import { twins } from './twins';

export type { Actor, ActorEnv } from './env';

const devices: Record<
  Exclude<DeviceRole, 'silent'>,
  (env: ActorEnv, d: Extract<SimClient, { kind: 'device' }>) => Actor
> = {
  steady,
  flapper,
  stalled,
  badToken,
  twins,
  oversize,
};

/** The client's behaviour; undefined for a registered device that never connects. */
export function actorFor(env: ActorEnv, c: SimClient): Actor | undefined {
  if (c.kind === 'application') return application(env, c);
  return c.role === 'silent' ? undefined : devices[c.role](env, c);
}
