// The fleet plan: the same fleet for the same seed, every role present, sane counts at any size,
// and ids and tokens the broker accepts.

import * as assert from 'node:assert/strict';
import { parseClientId } from '../../../../../../src/core/ids';
import {
  applicationCount,
  planFleet,
  roleCounts,
  type FleetPlan,
} from '../../../../../../src/server/sources/sandbox/simulator/plan';
import { FLEET_TABLE, scaleTable, type DeviceRole } from '../../../../../../src/server/sources/sandbox/simulator/table';

const ORG = 'simorg';
const ROLES = Object.keys(FLEET_TABLE.mix) as DeviceRole[];

/** What a plan decides, without the generators (compared by their next draws). */
function facts(plan: FleetPlan) {
  return plan.clients.map((c) => ({
    clientId: c.clientId,
    kind: c.kind,
    transport: c.transport,
    protocolLevel: c.protocolLevel,
    ...(c.kind === 'device' ? { role: c.role, token: c.token } : {}),
    draws: [c.rng.int(0, 1e6), c.rng.int(0, 1e6), c.rng.int(0, 1e6)],
  }));
}

describe('simulator: the fleet plan', () => {
  it('is the same for the same seed, draws included, and another for another seed', () => {
    const a = facts(planFleet(ORG, 200, 7, FLEET_TABLE));
    assert.deepEqual(facts(planFleet(ORG, 200, 7, FLEET_TABLE)), a);
    const b = facts(planFleet(ORG, 200, 8, FLEET_TABLE));
    assert.notDeepEqual(
      b.map((c) => [c.clientId, c.role]),
      a.map((c) => [c.clientId, c.role]),
    );
  });

  it('gives every client its own stream: two clients do not draw the same numbers', () => {
    const draws = facts(planFleet(ORG, 50, 3, FLEET_TABLE)).map((c) => c.draws.join(','));
    assert.equal(new Set(draws).size, draws.length);
  });

  it('has every role, two applications, and N clients in all for N = 20', () => {
    const plan = planFleet(ORG, 20, 1, FLEET_TABLE);
    assert.equal(plan.clients.length, 20);
    assert.deepEqual(
      plan.applications.map((a) => a.clientId),
      ['a:simorg:ops-dashboard', 'a:simorg:meter-analytics'],
    );
    for (const role of ROLES) {
      assert.ok(
        plan.devices.some((d) => d.role === role),
        `a ${role} device`,
      );
    }
    assert.ok(new Set(plan.devices.map((d) => d.type.id)).size >= 3, 'several device types');
  });

  it('makes ids the platform accepts, unique, with gateways as g: clients, and a token per device', () => {
    const plan = planFleet(ORG, 2000, 5, FLEET_TABLE);
    assert.equal(new Set(plan.clients.map((c) => c.clientId)).size, plan.clients.length);
    for (const c of plan.clients) {
      const id = parseClientId(c.clientId);
      assert.ok(id, c.clientId);
      assert.equal(id.orgId, ORG);
      if (c.kind === 'device') assert.equal(id.kind, c.type.gateway ? 'gateway' : 'device');
    }
    assert.ok(plan.devices.some((d) => d.type.gateway));
    const tokens = new Set(plan.devices.map((d) => d.token));
    assert.equal(tokens.size, plan.devices.length);
  });

  it("keeps the table's proportions at 10,000 and stays whole at tiny sizes", () => {
    const counts = roleCounts(10_000, FLEET_TABLE.mix);
    assert.equal(
      Object.values(counts).reduce((s, n) => s + n, 0),
      10_000,
    );
    // One of each comes first, so each count may differ from the exact share by a few.
    for (const role of ROLES) {
      assert.ok(Math.abs(counts[role] - 10_000 * FLEET_TABLE.mix[role]) <= ROLES.length, `${role}: ${counts[role]}`);
    }
    for (const n of [0, 1, 2, 6, 7, 8, 13]) {
      const c = roleCounts(n, FLEET_TABLE.mix);
      assert.equal(
        Object.values(c).reduce((s, k) => s + k, 0),
        n,
        `sum for ${n}`,
      );
    }
    assert.equal(roleCounts(1, FLEET_TABLE.mix).steady, 1, 'one client is a steady one');
    assert.equal(applicationCount(4, FLEET_TABLE), 0);
    assert.equal(applicationCount(5, FLEET_TABLE), 1);
    assert.equal(planFleet(ORG, 1, 1, FLEET_TABLE).clients.length, 1);
  });

  it('scales durations and only durations', () => {
    const fast = scaleTable(FLEET_TABLE, 0.1);
    assert.deepEqual(fast.steady.publishMs, [500, 3000]);
    assert.deepEqual(fast.stalled.keepAliveS, [1, 2]);
    assert.equal(fast.steady.cleanShare, FLEET_TABLE.steady.cleanShare);
    assert.deepEqual(fast.oversize.bytes, FLEET_TABLE.oversize.bytes);
    assert.equal(fast.connectTimeoutMs, FLEET_TABLE.connectTimeoutMs);
    assert.deepEqual(fast.mix, FLEET_TABLE.mix);
    assert.equal(fast.startsPerSecond, FLEET_TABLE.startsPerSecond * 10);
  });
});
