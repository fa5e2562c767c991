// A deterministic fleet of client states and a naive reference of the state query (filter, then
// sort everything), to check the API's paged answers against.

import type { ClientStateWire } from '../../../../src/core/clientState';
import { parseClientId, isDeviceLike } from '../../../../src/core/ids';
import type { SandboxStore } from '../../../../src/server/store/store';
import { ORG } from './fixture';

const BASE = Date.UTC(2024, 0, 1);
const MIN = 60_000;

/** A small seeded generator (mulberry32): the same fleet on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function makeStates(count: number, seed = 7): ClientStateWire[] {
  const rand = seeded(seed);
  const states: ClientStateWire[] = [];
  for (let i = 0; i < count; i++) {
    const kind = i % 10;
    const id =
      kind < 5
        ? `d:${ORG}:sensor:s-${i}`
        : kind < 8
          ? `d:${ORG}:valve:v-${i}`
          : kind === 8
            ? `g:${ORG}:gw:g-${i}`
            : `a:${ORG}:app-${i}`;
    const connected = rand() < 0.6;
    // Coarse times on purpose: many ties, so the id must break them exactly across pages.
    const connect = BASE + Math.floor(rand() * 50) * MIN;
    const hasDisconnect = !connected || rand() < 0.5;
    const activity = connect + Math.floor(rand() * 20) * MIN;
    states.push({
      id,
      clientType: kind < 8 ? 'device' : kind === 8 ? 'gateway' : 'application',
      connectionStatus: connected ? 'connected' : 'disconnected',
      lastConnectTime: new Date(connect).toISOString(),
      ...(hasDisconnect ? { lastDisconnectTime: new Date(connect + (connected ? -5 : 5) * MIN).toISOString() } : {}),
      lastActivityEvent: 'mqttPublish',
      lastActivityTime: new Date(activity).toISOString(),
      mqttConnectProtocol: '3.1.1',
    });
  }
  return states;
}

export function fill(store: SandboxStore, states: ClientStateWire[]): void {
  for (const s of states) store.putState(s);
}

export const at = (minutes: number) => new Date(BASE + minutes * MIN).toISOString();

type Key = 'id' | 'clientType' | 'connectionStatus' | 'lastConnectTime' | 'lastDisconnectTime' | 'lastActivityTime';

/** Filter by the predicate, then sort all by `sort` (`-` = descending), then id; missing values first ascending. */
export function reference(
  states: ClientStateWire[],
  keep: (s: ClientStateWire) => boolean,
  sort: string,
): ClientStateWire[] {
  const keys =
    sort === '' ? [] : sort.split(',').map((k) => ({ field: k.replace(/^-/, '') as Key, desc: k.startsWith('-') }));
  if (!keys.some((k) => k.field === 'id')) keys.push({ field: 'id', desc: false });
  const value = (s: ClientStateWire, f: Key) => s[f] ?? '';
  return states.filter(keep).sort((a, b) => {
    for (const k of keys) {
      const x = value(a, k.field),
        y = value(b, k.field);
      if (x !== y) return (x < y ? -1 : 1) * (k.desc ? -1 : 1);
    }
    return 0;
  });
}

export function partsOf(id: string): { typeId?: string; deviceId?: string } {
  const p = parseClientId(id);
  return p !== undefined && isDeviceLike(p) ? { typeId: p.typeId, deviceId: p.deviceId } : {};
}
