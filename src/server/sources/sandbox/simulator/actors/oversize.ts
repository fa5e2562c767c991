// A device that now and then publishes more than the platform's 128 KB (a log dump, a camera
// frame): the server closes it with 287, and it reconnects a while later.

import { MAX_PAYLOAD_BYTES } from '../../../../../core/limits';
import type { Link } from '../link';
import type { SimDevice } from '../plan';
import { connectAs, connectedAs, publishFor, type Actor, type ActorEnv } from './env';

export function oversize(env: ActorEnv, d: SimDevice): Actor {
  const p = env.table.oversize;
  const dump = async (link: Link) => {
    const bytes = Math.min(env.bigPayload.length, Math.max(MAX_PAYLOAD_BYTES + 1, d.rng.in(p.bytes)));
    link.publish('iot-2/evt/dump/fmt/bin', env.bigPayload.subarray(0, bytes));
    // The server closes it; should it not, the device leaves by itself.
    if (await env.clock.wait(env.table.connectTimeoutMs, link)) await link.end(false);
  };
  return {
    async prelude() {
      const attempt = await connectAs(env, d);
      if (attempt.ok) await dump(attempt.link);
    },
    async run() {
      for (;;) {
        const link = await connectedAs(env, d);
        if (await publishFor(env, d, link, d.rng.in(p.beforeMs), env.table.steady.publishMs)) {
          if (d.rng.chance(p.share)) await dump(link);
          else await link.end(true);
        }
        await env.clock.wait(d.rng.in(p.offlineMs));
      }
    },
  };
}
