// A flapping device: a burst of short sessions that mostly drop (91) and sometimes end cleanly (0),
// as a device on a bad link or in a crash loop does; then a calm spell connected.

import type { SimDevice } from '../plan';
import { connectAs, connectedAs, publishFor, type Actor, type ActorEnv } from './env';

export function flapper(env: ActorEnv, d: SimDevice): Actor {
  const p = env.table.flapper;
  const flap = async (upMs: readonly [number, number], downMs: readonly [number, number]) => {
    const attempt = await connectAs(env, d);
    if (attempt.ok && (await env.clock.wait(d.rng.in(upMs), attempt.link))) {
      await attempt.link.end(!d.rng.chance(p.abruptShare));
    }
    await env.clock.wait(d.rng.in(downMs));
  };
  return {
    async prelude() {
      const hold = env.table.prelude.holdMs;
      for (let i = d.rng.in(env.table.prelude.sessions) + 1; i > 0; i--) await flap(hold, hold);
    },
    async run() {
      for (;;) {
        for (let i = d.rng.in(p.cycles); i > 0; i--) await flap(p.upMs, p.downMs);
        const calm = await connectedAs(env, d);
        if (await publishFor(env, d, calm, d.rng.in(p.calmMs), env.table.steady.publishMs)) await calm.end(true);
        await env.clock.wait(d.rng.in(p.downMs));
      }
    },
  };
}
