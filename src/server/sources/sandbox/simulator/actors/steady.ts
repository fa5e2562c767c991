// A steady device (or gateway): long sessions publishing events, some listening for commands;
// a session ends cleanly (0) or the device just drops (91), and it comes back a while later.

import type { Link } from '../link';
import type { SimDevice } from '../plan';
import { connectAs, connectedAs, eventPayload, publishFor, type Actor, type ActorEnv } from './env';

export function steady(env: ActorEnv, d: SimDevice): Actor {
  const p = env.table.steady;
  let link: Link | undefined;
  const end = (l: Link) => l.end(d.rng.chance(p.cleanShare));
  return {
    async prelude() {
      for (let i = d.rng.in(env.table.prelude.sessions); i > 0; i--) {
        const attempt = await connectAs(env, d);
        if (!attempt.ok) continue;
        attempt.link.publish(`iot-2/evt/${d.type.events[0]}/fmt/json`, eventPayload(d, 0));
        await env.clock.wait(d.rng.in(env.table.prelude.holdMs), attempt.link);
        await end(attempt.link);
      }
      // It is connected when the sandbox reports ready: the fleet is alive at once.
      const attempt = await connectAs(env, d);
      if (attempt.ok) link = attempt.link;
    },
    async run() {
      for (;;) {
        link ??= await connectedAs(env, d);
        if (d.rng.chance(p.commandShare)) link.subscribe(['iot-2/cmd/+/fmt/+']);
        if (await publishFor(env, d, link, d.rng.in(p.sessionMs), p.publishMs)) await end(link);
        link = undefined;
        await env.clock.wait(d.rng.in(p.offlineMs));
      }
    },
  };
}
