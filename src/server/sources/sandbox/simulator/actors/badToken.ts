// A device configured with a wrong (old) token: every attempt is refused with CONNACK 5, which the
// platform records as a failed connect; it keeps retrying, slowly.

import type { SimDevice } from '../plan';
import { connectAs, type Actor, type ActorEnv } from './env';

export function badToken(env: ActorEnv, d: SimDevice): Actor {
  const attempt = async () => {
    const a = await connectAs(env, d, { token: `${d.token}-old` });
    // Should the sandbox ever accept it, the device leaves at once: it stays a refused one.
    if (a.ok) await a.link.end(true);
  };
  return {
    prelude: attempt,
    async run() {
      for (;;) {
        await attempt();
        await env.clock.wait(d.rng.in(env.table.badToken.retryMs));
      }
    },
  };
}
