// A long, realistic history for tests and benchmarks, built through core's real monitor reader:
// sessions of varied length ended by every cause, failed attempts in between, takeovers, and a few
// lines nobody understands. Seeded, so every run draws the same picture.
import { eventFromMonitor, type ConnectivityEvent } from '../../../../../src/core/events';

const CLOSES = [160, 160, 91, 0, 92, 94, 288, 287, 164, 93];

/** A small deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** About `count` events ending at `end` (epoch ms), oldest first. */
export function syntheticHistory(
  count: number,
  end: number,
  seed = 7,
  clientId = 'd:testor:sensor:s-1',
): ConnectivityEvent[] {
  const rnd = random(seed);
  const out: ConnectivityEvent[] = [];
  let t = end;
  const iso = (ms: number) => new Date(ms).toISOString();
  // Built backwards from `end` so that the history reaches the present, then reversed.
  while (out.length < count) {
    const code = CLOSES[Math.floor(rnd() * CLOSES.length)];
    const length = 5_000 + Math.floor(rnd() * rnd() * 3_600_000);
    const gap = 1_000 + Math.floor(rnd() * 120_000);
    const addr = `10.0.${Math.floor(rnd() * 4)}.${1 + Math.floor(rnd() * 200)}`;
    if (rnd() < 0.05) {
      out.push(
        eventFromMonitor({ Action: 'Mystery', Time: iso(t - 500), ClientID: clientId, Reason: 'never seen before' }),
      );
    }
    out.push(
      eventFromMonitor({
        Action: 'Disconnect',
        Time: iso(t),
        ClientID: clientId,
        ClientAddr: addr,
        ...(code !== 0 ? { CloseCode: code } : {}),
      }),
    );
    out.push(
      eventFromMonitor({
        Action: 'Connect',
        Time: iso(t - length),
        ClientID: clientId,
        ClientAddr: addr,
        User: 'use-token-auth',
        Port: 8883,
        Secure: true,
      }),
    );
    t -= length + gap;
    if (rnd() < 0.2) {
      out.push(
        eventFromMonitor({
          Action: 'FailedConnect',
          Time: iso(t + gap / 2),
          ClientID: clientId,
          ClientAddr: addr,
          CloseCode: 180,
        }),
      );
    }
  }
  return out.slice(0, count).sort((a, b) => (a.time as number) - (b.time as number));
}
