// Who is in the simulated fleet: from N, the seed and the table, the same devices and
// applications every time — ids, types, roles, tokens, transports and each client's own seeded
// stream. Nothing here touches the network or the store.

import { createHash } from 'node:crypto';
import { appClientId, deviceClientId } from '../../../../core/ids';
import { Random } from './random';
import type { ApplicationSpec, DeviceRole, DeviceTypeSpec, FleetTable } from './table';

export type Transport = 'tcp' | 'ws' | 'tls';

interface Simulated {
  readonly clientId: string;
  readonly transport: Transport;
  /** 3 = MQTT 3.1, 4 = 3.1.1. */
  readonly protocolLevel: 3 | 4;
  readonly rng: Random;
}

export interface SimDevice extends Simulated {
  readonly kind: 'device';
  readonly role: DeviceRole;
  readonly type: DeviceTypeSpec;
  readonly deviceId: string;
  /** The registered token; a badToken device connects with another one. */
  readonly token: string;
}

export interface SimApplication extends Simulated {
  readonly kind: 'application';
  readonly spec: ApplicationSpec;
}

export type SimClient = SimDevice | SimApplication;

export interface FleetPlan {
  readonly types: readonly DeviceTypeSpec[];
  readonly devices: readonly SimDevice[];
  readonly applications: readonly SimApplication[];
  /** Devices and applications in the order they start (seeded). */
  readonly clients: readonly SimClient[];
}

/** Applications take one client each, at most one per 5 clients. */
export function applicationCount(clients: number, table: FleetTable): number {
  return Math.min(table.applications.length, Math.floor(clients / 5));
}

/** How many devices of each role: one of each first (in the table's order), the rest by largest remainder. */
export function roleCounts(devices: number, mix: FleetTable['mix']): Record<DeviceRole, number> {
  const roles = Object.keys(mix) as DeviceRole[];
  const counts = Object.fromEntries(roles.map((r) => [r, 0])) as Record<DeviceRole, number>;
  for (const role of roles.slice(0, devices)) counts[role] = 1;
  const rest = devices - Math.min(devices, roles.length);
  const total = roles.reduce((s, r) => s + mix[r], 0);
  const exact = roles.map((r) => ({ r, x: (rest * mix[r]) / total }));
  for (const { r, x } of exact) counts[r] += Math.floor(x);
  let left = rest - exact.reduce((s, e) => s + Math.floor(e.x), 0);
  for (const { r } of [...exact].sort((a, b) => (b.x % 1) - (a.x % 1))) {
    if (left-- <= 0) break;
    counts[r]++;
  }
  return counts;
}

/** A token the simulator can derive again on the next start (a kept registry then still matches). */
function tokenFor(seed: number, clientId: string): string {
  return createHash('sha256').update(`iot-sandbox-fleet/${seed}/${clientId}`).digest('base64url').slice(0, 24);
}

export function planFleet(org: string, clients: number, seed: number, table: FleetTable): FleetPlan {
  const root = Random.seeded(seed);
  const [shape, ...streams] = root.streams(clients + 1);
  const apps = applicationCount(clients, table);
  const counts = roleCounts(clients - apps, table.mix);
  const roles = shape.shuffled(
    (Object.keys(counts) as DeviceRole[]).flatMap((r) => Array<DeviceRole>(counts[r]).fill(r)),
  );
  const numbers = new Map<string, number>();
  const typeWeights = Object.fromEntries(table.types.map((t) => [t.id, t.weight]));
  const reach = (): Pick<Simulated, 'transport' | 'protocolLevel'> => ({
    transport: shape.weighted(table.transports),
    protocolLevel: shape.chance(table.mqtt31Share) ? 3 : 4,
  });

  const devices: SimDevice[] = roles.map((role, i) => {
    const typeId = shape.weighted(typeWeights);
    const type = table.types.find((t) => t.id === typeId) as DeviceTypeSpec;
    const n = (numbers.get(type.id) ?? 0) + 1;
    numbers.set(type.id, n);
    const deviceId = `${type.prefix}-${String(n).padStart(4, '0')}`;
    const clientId = deviceClientId(org, type.id, deviceId, type.gateway);
    return {
      kind: 'device',
      role,
      type,
      deviceId,
      clientId,
      token: tokenFor(seed, clientId),
      ...reach(),
      rng: streams[i],
    };
  });
  const applications: SimApplication[] = table.applications.slice(0, apps).map((spec, i) => ({
    kind: 'application',
    spec,
    clientId: appClientId(org, spec.appId),
    ...reach(),
    rng: streams[devices.length + i],
  }));
  // Applications first: they are watching when the devices come.
  return { types: table.types, devices, applications, clients: [...applications, ...devices] };
}
