// Two processes sharing one client id (a copied config, a service started twice): each connect of
// one takes the session over from the other (288), back and forth for a few rounds; then one
// process is stopped and the other carries on alone.

import type { Link } from '../link';
import type { SimDevice } from '../plan';
import { connectAs, connectedAs, publishFor, type Actor, type ActorEnv } from './env';

export function twins(env: ActorEnv, d: SimDevice): Actor {
  const p = env.table.twins;
  let current: Link | undefined;
  return {
    async prelude() {
      const first = await connectAs(env, d);
      const second = await connectAs(env, d); // the broker closes the first with 288
      if (first.ok) await first.link.closed();
      if (second.ok) current = second.link;
    },
    async run() {
      for (;;) {
        current ??= await connectedAs(env, d);
        await publishFor(env, d, current, d.rng.in(p.aloneMs), env.table.steady.publishMs);
        for (let takeovers = 2 * d.rng.in(p.rounds); takeovers > 0; takeovers--) {
          current = await connectedAs(env, d);
          await env.clock.wait(d.rng.in(p.gapMs), current);
        }
      }
    },
  };
}
