// The simulated fleet's mixture and behaviour, in one table: who is in the fleet, and how long
// each kind of client stays, waits and talks. Durations are milliseconds unless named otherwise;
// every range is [min, max], drawn per client from its seeded stream. Tests run the same table
// faster with scaleTable().

import { MAX_PAYLOAD_BYTES } from '../../../../core/limits';
import type { Range } from './random';

/**
 * What a simulated device does (platform-contract.md §4.3 causes it drives):
 * steady: long sessions publishing events, ending clean (0) or abrupt (91);
 * flapper: bursts of short sessions (91 / 0), then a calm spell;
 * stalled: stops pinging after a while (160);
 * badToken: a wrong token, retried (CONNACK 5, FailedConnect);
 * twins: two processes sharing one client id (288 ping-pong);
 * oversize: now and then a payload over 128 KB (287);
 * silent: registered, never connects.
 */
export type DeviceRole = 'steady' | 'flapper' | 'stalled' | 'badToken' | 'twins' | 'oversize' | 'silent';

export interface DeviceTypeSpec {
  id: string;
  /** Device ids are `{prefix}-{n}`. */
  prefix: string;
  weight: number;
  gateway: boolean;
  events: readonly string[];
}

export interface ApplicationSpec {
  appId: string;
  /** Topic filters it subscribes to on every connect. */
  subscriptions: readonly string[];
}

export interface FleetTable {
  /** Share of the devices per role; each role gets at least one device while there are enough, in this order. */
  mix: Readonly<Record<DeviceRole, number>>;
  types: readonly DeviceTypeSpec[];
  /** Applications take one client each from N, at most one per 5 clients. */
  applications: readonly ApplicationSpec[];
  /** How clients reach the broker (tls only when the sandbox has TLS), and the share speaking MQTT 3.1. */
  transports: Readonly<{ tcp: number; ws: number; tls: number }>;
  mqtt31Share: number;
  /**
   * Quick sessions at start so logs, states and timelines are not empty: the first `clients` get
   * them, the first `awaited` of those before the sandbox reports ready, the others as they start.
   */
  prelude: { awaited: number; clients: number; concurrency: number; sessions: Range; holdMs: Range };
  /** Live clients start at most this many per second (the platform's quota is 300 connections/s). */
  startsPerSecond: number;
  /** Connection attempts in flight at once (more wait their turn), and how long one may take. */
  connectsInFlight: number;
  connectTimeoutMs: number;
  /** After a failed attempt (refused port, timeout), wait this long before the next. */
  retryMs: Range;
  steady: { publishMs: Range; sessionMs: Range; offlineMs: Range; cleanShare: number; commandShare: number };
  flapper: { cycles: Range; upMs: Range; downMs: Range; abruptShare: number; calmMs: Range };
  stalled: { keepAliveS: Range; activeMs: Range; publishMs: Range; offlineMs: Range };
  badToken: { retryMs: Range };
  twins: { aloneMs: Range; rounds: Range; gapMs: Range };
  oversize: { beforeMs: Range; bytes: Range; share: number; offlineMs: Range };
  application: { sessionMs: Range; offlineMs: Range };
}

export const FLEET_TABLE: FleetTable = {
  mix: { steady: 0.5, badToken: 0.05, twins: 0.05, stalled: 0.07, flapper: 0.12, oversize: 0.05, silent: 0.16 },
  types: [
    { id: 'TemperatureSensor', prefix: 'temp', weight: 4, gateway: false, events: ['status', 'temperature'] },
    { id: 'SmartMeter', prefix: 'meter', weight: 3, gateway: false, events: ['reading'] },
    { id: 'Valve', prefix: 'valve', weight: 2, gateway: false, events: ['position', 'alarm'] },
    { id: 'Camera', prefix: 'cam', weight: 1, gateway: false, events: ['motion'] },
    { id: 'EdgeGateway', prefix: 'gw', weight: 1, gateway: true, events: ['heartbeat'] },
  ],
  applications: [
    { appId: 'ops-dashboard', subscriptions: ['iot-2/type/+/id/+/mon', 'iot-2/app/+/mon'] },
    { appId: 'meter-analytics', subscriptions: ['iot-2/type/SmartMeter/id/+/evt/+/fmt/+'] },
  ],
  transports: { tcp: 0.8, ws: 0.1, tls: 0.1 },
  mqtt31Share: 0.1,
  prelude: { awaited: 40, clients: 500, concurrency: 40, sessions: [1, 3], holdMs: [5, 40] },
  startsPerSecond: 200,
  connectsInFlight: 40,
  connectTimeoutMs: 30_000,
  retryMs: [2_000, 10_000],
  steady: {
    publishMs: [5_000, 30_000],
    sessionMs: [120_000, 900_000],
    offlineMs: [3_000, 45_000],
    cleanShare: 0.6,
    commandShare: 0.5,
  },
  flapper: { cycles: [3, 8], upMs: [1_000, 5_000], downMs: [500, 3_000], abruptShare: 0.7, calmMs: [30_000, 120_000] },
  stalled: { keepAliveS: [5, 15], activeMs: [5_000, 20_000], publishMs: [2_000, 4_000], offlineMs: [5_000, 30_000] },
  badToken: { retryMs: [10_000, 45_000] },
  twins: { aloneMs: [15_000, 90_000], rounds: [2, 5], gapMs: [1_000, 4_000] },
  oversize: {
    beforeMs: [10_000, 50_000],
    bytes: [MAX_PAYLOAD_BYTES + 1, MAX_PAYLOAD_BYTES * 2],
    share: 0.7,
    offlineMs: [5_000, 20_000],
  },
  application: { sessionMs: [300_000, 900_000], offlineMs: [2_000, 10_000] },
};

/** The same table with every duration multiplied by `factor` (keep-alive at least 1 s). */
export function scaleTable(table: FleetTable, factor: number): FleetTable {
  const scale = (value: unknown, key: string): unknown => {
    if (Array.isArray(value) && key.endsWith('Ms')) {
      return value.map((v: number) => Math.max(1, Math.round(v * factor)));
    }
    if (Array.isArray(value) && key.endsWith('S')) return value.map((v: number) => Math.max(1, Math.round(v * factor)));
    if (typeof value === 'number' && key.endsWith('Ms')) return Math.max(1, Math.round(value * factor));
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scale(v, k)]));
    }
    return value;
  };
  // How long a connect may take is the network's business, not behaviour: not scaled.
  return {
    ...(scale(table, '') as FleetTable),
    connectTimeoutMs: table.connectTimeoutMs,
    startsPerSecond: table.startsPerSecond / Math.min(1, factor),
  };
}
