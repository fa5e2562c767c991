// A device that stops pinging: it connects with a short keep-alive, publishes for a while, then
// goes silent (a blocked loop, a breakpoint), so the server times it out (160). Its mqtt.js client
// never sends PINGREQ; only its publishes keep the session alive until then.

import type { SimDevice } from '../plan';
import { connectAs, connectedAs, eventPayload, publishFor, type Actor, type ActorEnv } from './env';

export function stalled(env: ActorEnv, d: SimDevice): Actor {
  const p = env.table.stalled;
  return {
    async prelude() {
      const attempt = await connectAs(env, d);
      if (!attempt.ok) return;
      attempt.link.publish(`iot-2/evt/${d.type.events[0]}/fmt/json`, eventPayload(d, 0));
      await env.clock.wait(d.rng.in(env.table.prelude.holdMs), attempt.link);
      await attempt.link.end(true);
    },
    async run() {
      for (;;) {
        const keepAliveS = d.rng.in(p.keepAliveS);
        const link = await connectedAs(env, d, { keepAliveS, pinging: false });
        if (await publishFor(env, d, link, d.rng.in(p.activeMs), p.publishMs)) {
          // Silent now: the server closes after 1.5 × keep-alive. Should it not, the device gives up.
          if (await env.clock.wait(keepAliveS * 3000, link)) await link.end(false);
        }
        await env.clock.wait(d.rng.in(p.offlineMs));
      }
    },
  };
}
