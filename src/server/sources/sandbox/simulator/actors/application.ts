// An application (a dashboard, an analytics job) with the sandbox's API key: it subscribes to
// monitor topics or device events on every connect, and restarts now and then (its Disconnect is
// not retained and clears its Connect).

import type { Link } from '../link';
import type { SimApplication } from '../plan';
import { connectAs, connectedAs, type Actor, type ActorEnv } from './env';

export function application(env: ActorEnv, a: SimApplication): Actor {
  const p = env.table.application;
  let link: Link | undefined;
  return {
    async prelude() {
      const before = await connectAs(env, a);
      if (before.ok) {
        before.link.subscribe(a.spec.subscriptions);
        await env.clock.wait(a.rng.in(env.table.prelude.holdMs), before.link);
        await before.link.end(true);
      }
      // Watching when the devices come.
      const attempt = await connectAs(env, a);
      if (attempt.ok) (link = attempt.link).subscribe(a.spec.subscriptions);
    },
    async run() {
      for (;;) {
        if (link === undefined) (link = await connectedAs(env, a)).subscribe(a.spec.subscriptions);
        if (await env.clock.wait(a.rng.in(p.sessionMs), link)) await link.end(true);
        link = undefined;
        await env.clock.wait(a.rng.in(p.offlineMs));
      }
    },
  };
}
