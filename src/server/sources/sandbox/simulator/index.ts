// The simulated fleet of `--simulate N --seed S`: registers its devices, gives the first of them a
// few quick sessions (history for the logs, states and timelines; the first few dozen before the
// sandbox reports ready, steady ones left connected), and runs every client's seeded behaviour
// over real mqtt.js connections to the sandbox's own listeners, starting at most
// `startsPerSecond` clients a second.

import * as fs from 'node:fs';
import type { MqttClient } from 'mqtt';
import type { FleetContext } from '../../../index';
import { actorFor, type Actor, type ActorEnv } from './actors';
import { Clock, Stopped } from './clock';
import { Gate } from './gate';
import type { Endpoint } from './link';
import { planFleet, type FleetPlan, type Transport } from './plan';
import { registerFleet } from './registry';
import { FLEET_TABLE, type FleetTable } from './table';
import { messageOf } from '../../../../core/errors';

export interface FleetOptions {
  /** The behaviour table (tests run a faster one). */
  table?: FleetTable;
}

export interface FleetHandle {
  readonly plan: FleetPlan;
  /** Stops every client's behaviour at once: no new connection, publish or timer. */
  stop(): void;
  /** Stops, ends every connection still open (cleanly), and waits for every client's loop to end. */
  close(): Promise<void>;
}

export async function startFleet(context: FleetContext, o: FleetOptions = {}): Promise<FleetHandle> {
  const table = o.table ?? FLEET_TABLE;
  const { ready, store, log } = context;
  const plan = planFleet(ready.org, context.clients, context.seed, table);
  const registered = registerFleet(store, plan);
  const clock = new Clock();
  const gate = new Gate(table.connectsInFlight);
  const clients = new Set<MqttClient>();
  const env: ActorEnv = {
    clock,
    gate,
    table,
    log,
    clients,
    endpoints: endpoints(context),
    api: { key: ready.apiKey, token: ready.apiToken },
    bigPayload: Buffer.alloc(table.oversize.bytes[1], 0x5a),
  };
  const actors = plan.clients
    .map((c) => ({ c, actor: actorFor(env, c) }))
    .filter((a): a is { c: typeof a.c; actor: Actor } => a.actor !== undefined);
  log.info(
    `${describe(plan)}; ${registered} device(s) registered, ${plan.devices.length - registered} kept; seed ` +
      `${context.seed}`,
  );

  const guarded = async (what: string, step: () => Promise<void>) => {
    try {
      await step();
    } catch (err) {
      if (!(err instanceof Stopped)) log.warn(`${what}: ${messageOf(err)}`);
    }
  };
  const started = Date.now();
  const { awaited, clients: withPrelude, concurrency } = table.prelude;
  await pool(actors.slice(0, awaited), concurrency, ({ c, actor }) =>
    guarded(`prelude of ${c.clientId}`, () => actor.prelude()),
  );
  log.info(`prelude of ${Math.min(actors.length, awaited)} client(s) done in ${Date.now() - started} ms`);

  const runs = actors.map(({ c, actor }, i) =>
    guarded(`${c.clientId}`, async () => {
      await clock.wait((i * 1000) / table.startsPerSecond);
      if (i >= awaited && i < withPrelude) await guarded(`prelude of ${c.clientId}`, () => actor.prelude());
      // A loop that fails unexpectedly starts over after a pause rather than leaving its client dead.
      for (;;) {
        await guarded(`${c.clientId} (restarting it)`, () => actor.run());
        await clock.wait(c.rng.in(table.retryMs));
      }
    }),
  );

  let closing: Promise<void> | undefined;
  const stop = () => {
    clock.stop();
    gate.stop();
  };
  return {
    plan,
    stop,
    close: () =>
      (closing ??= (async () => {
        stop();
        await Promise.all([...clients].map(endClient));
        await Promise.all(runs);
      })()),
  };
}

/** The sandbox's own listeners; TLS clients trust its CA. */
function endpoints({ ready }: FleetContext): ActorEnv['endpoints'] {
  const found: Partial<Record<Transport, Endpoint>> & { tcp: Endpoint } = {
    tcp: { url: ready.mqttUrl },
    ws: { url: ready.wsUrl },
  };
  if (ready.mqttsUrl !== null && ready.caFile !== null) {
    found.tls = { url: ready.mqttsUrl, ca: fs.readFileSync(ready.caFile, 'utf8') };
  }
  return found;
}

/** A clean DISCONNECT when still connected; a client that does not finish in time is dropped. */
function endClient(client: MqttClient): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => client.end(true, () => resolve()), 2000).unref();
    client.end(!client.connected, () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Runs `fn` over the items, at most `limit` at a time. */
async function pool<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

function describe(plan: FleetPlan): string {
  const roles = new Map<string, number>();
  for (const d of plan.devices) roles.set(d.role, (roles.get(d.role) ?? 0) + 1);
  const mix = [...roles].map(([role, n]) => `${n} ${role}`).join(', ');
  return (
    `simulated fleet of ${plan.clients.length} client(s): ${plan.applications.length} application(s), ` +
    `${plan.devices.length} device(s) (${mix})`
  );
}
