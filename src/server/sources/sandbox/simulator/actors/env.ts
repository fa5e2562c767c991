// What every simulated client's behaviour works with: the fleet's clock, the table, and a way to
// connect as itself (or, for a bad-token device, as itself with the wrong token).

import type { MqttClient } from 'mqtt';
import type { Logger } from '../../../../log';
import { TOKEN_AUTH_USER } from '../../broker/auth';
import type { Clock } from '../clock';
import type { Gate } from '../gate';
import { openLink, type Attempt, type Endpoint, type Link } from '../link';
import type { SimClient, SimDevice, Transport } from '../plan';
import type { FleetTable } from '../table';

export interface ActorEnv {
  readonly clock: Clock;
  /** Bounds the connection attempts in flight. */
  readonly gate: Gate;
  readonly table: FleetTable;
  readonly log: Logger;
  /** Where each transport is reached; tls and ws may be missing (then tcp is used). */
  readonly endpoints: Readonly<Partial<Record<Transport, Endpoint>>> & { tcp: Endpoint };
  readonly api: { key: string; token: string };
  /** Every mqtt.js client the fleet has open or opening, for close(). */
  readonly clients: Set<MqttClient>;
  /** Shared bytes for oversize payloads (sliced, never copied). */
  readonly bigPayload: Buffer;
}

/** The behaviour of one simulated client. */
export interface Actor {
  /** A few quick sessions at start, so there is history; may leave a connection open for run(). */
  prelude(): Promise<void>;
  /** The live behaviour, until the fleet stops (then a wait rejects with Stopped). */
  run(): Promise<void>;
}

export interface ConnectOptions {
  keepAliveS?: number;
  pinging?: boolean;
  /** A device's token other than its registered one. */
  token?: string;
}

/** Connects as `c`; throws Stopped once the fleet has stopped. */
export function connectAs(env: ActorEnv, c: SimClient, o: ConnectOptions = {}): Promise<Attempt> {
  env.clock.check();
  const endpoint = env.endpoints[c.transport] ?? env.endpoints.tcp;
  const credentials =
    c.kind === 'device'
      ? { username: TOKEN_AUTH_USER, password: o.token ?? c.token }
      : { username: env.api.key, password: env.api.token };
  return env.gate.through(() =>
    openLink(
      {
        clientId: c.clientId,
        ...credentials,
        endpoint,
        protocolLevel: c.protocolLevel,
        keepAliveS: o.keepAliveS ?? 60,
        pinging: o.pinging ?? true,
        connectTimeoutMs: env.table.connectTimeoutMs,
      },
      env.clients,
    ),
  );
}

/** Connects, waiting and retrying after failures (a busy or restarting broker) until it works. */
export async function connectedAs(env: ActorEnv, c: SimClient, o: ConnectOptions = {}): Promise<Link> {
  for (;;) {
    const attempt = await connectAs(env, c, o);
    if (attempt.ok) return attempt.link;
    await env.clock.wait(c.rng.in(env.table.retryMs));
  }
}

/** One event in the platform's JSON convention (`{"d": …}`). */
export function eventPayload(d: SimDevice, seq: number): string {
  return JSON.stringify({ d: { seq, value: d.rng.int(0, 1000) / 10, ts: new Date().toISOString() } });
}

/** Publishes events every `publishMs` for `ms`; false when the connection closed before. */
export async function publishFor(
  env: ActorEnv,
  d: SimDevice,
  link: Link,
  ms: number,
  publishMs: readonly [number, number],
): Promise<boolean> {
  const until = Date.now() + ms;
  let seq = 0;
  while (link.open) {
    const left = until - Date.now();
    if (left <= 0) return true;
    if (!(await env.clock.wait(Math.min(left, d.rng.in(publishMs)), link))) return false;
    link.publish(`iot-2/evt/${d.rng.pick(d.type.events)}/fmt/json`, eventPayload(d, ++seq));
  }
  return false;
}
