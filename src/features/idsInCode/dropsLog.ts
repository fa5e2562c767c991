// Today's drops of one device from its connection log (platform-contract.md §3; no `vscode`
// import): the entries since local midnight, newest first, up to `maxPages` pages of 20.
import { eventsFromLog } from '../../core/events/fromLog';
import type { DeviceClientId } from '../../core/ids';
import { LOG_LIMIT_MAX } from '../../core/limits';
import { startOfDay, tallyDrops, type DropTally } from './drops';
import type { LookupRest } from './lookupTypes';

export async function readDropsToday(
  rest: LookupRest,
  device: DeviceClientId,
  now: number,
  maxPages: number,
  call: <T>(fn: () => Promise<T>) => Promise<T>,
  signal: AbortSignal,
): Promise<DropTally> {
  const day = startOfDay(now);
  const entries: { message: string; timestamp?: string }[] = [];
  let complete = false;
  for (let page = 0; page < maxPages && !complete; page++) {
    const request = {
      typeId: device.typeId,
      deviceId: device.deviceId,
      limit: LOG_LIMIT_MAX,
      offset: page * LOG_LIMIT_MAX,
      fromTime: day,
      toTime: now,
    };
    const read = await call(() => rest.getConnectionLog(request, signal));
    entries.push(...read.entries);
    complete = read.entries.length < LOG_LIMIT_MAX;
  }
  return tallyDrops(eventsFromLog(entries), day, complete);
}
