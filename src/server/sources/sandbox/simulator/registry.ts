// The fleet's device types and devices, registered through the store like the REST registry
// does. A kept registry (--data-dir) is reused: a device whose token still matches is left alone,
// so a restart with the same seed adds nothing to the journal.

import { hashToken, type SandboxStore } from '../../../store/store';
import type { FleetPlan } from './plan';

/** Registers what is missing; returns how many devices were (re)registered. */
export function registerFleet(store: SandboxStore, plan: FleetPlan): number {
  const now = new Date().toISOString();
  for (const type of plan.types) {
    if (store.getType(type.id)) continue;
    store.addType({
      id: type.id,
      description: 'simulated fleet',
      classId: type.gateway ? 'Gateway' : 'Device',
      createdDateTime: now,
    });
  }
  let added = 0;
  for (const d of plan.devices) {
    if (store.verifyDeviceToken(d.type.id, d.deviceId, d.token)) continue;
    store.addDevice({
      typeId: d.type.id,
      deviceId: d.deviceId,
      gateway: d.type.gateway,
      tokenHash: hashToken(d.token),
      createdDateTime: now,
    });
    added++;
  }
  return added;
}
