// The registry's wire shapes (platform-contract.md §5) and its keyset paging: records never show a token hash.

import { deviceClientId } from '../../../core/ids';
import { STATE_PAGE_DEFAULT, STATE_PAGE_MAX } from '../../../core/limits';
import type { Selection } from '../../store/topK';
import type { DeviceRecord, DeviceTypeRecord } from '../../store/types';
import { decodeBookmark, encodeBookmark } from '../bookmark';
import { invalidRequest } from '../errors';
import { ParamReader } from '../params';

export function typeView(type: DeviceTypeRecord) {
  return {
    id: type.id,
    classId: type.classId ?? 'Device',
    ...(type.description !== undefined ? { description: type.description } : {}),
    createdDateTime: type.createdDateTime,
  };
}

export function deviceView(org: string, device: DeviceRecord) {
  return {
    typeId: device.typeId,
    deviceId: device.deviceId,
    clientId: deviceClientId(org, device.typeId, device.deviceId, device.gateway),
    classId: device.gateway ? 'Gateway' : 'Device',
    registration: { date: device.createdDateTime },
  };
}

export interface PageParams {
  limit: number;
  /** The key of the last record of the previous page. */
  after?: string;
}

/** `_limit` and `_bookmark` of a registry listing; 400 for bad values. */
export function readPageParams(query: URLSearchParams, errorId: string): PageParams {
  const p = new ParamReader(query);
  const limit = p.int('_limit', 1, STATE_PAGE_MAX, STATE_PAGE_DEFAULT);
  const text = p.one('_bookmark');
  let after: string | undefined;
  if (text !== undefined) {
    const value = decodeBookmark(text) as { a?: unknown } | undefined;
    if (typeof value === 'object' && value !== null && typeof value.a === 'string') after = value.a;
    else p.bad('_bookmark', 'the bookmark is not valid; use the bookmark of the previous page.');
  }
  if (p.violations.length > 0) throw invalidRequest(errorId, p.violations);
  return { limit, ...(after !== undefined ? { after } : {}) };
}

export function pageBody<T, V>(page: Selection<T>, key: (item: T) => string, view: (item: T) => V) {
  const last = page.items[page.items.length - 1];
  return {
    results: page.items.map(view),
    ...(page.more && last !== undefined ? { bookmark: encodeBookmark({ a: key(last) }) } : {}),
    meta: { total_rows: page.matched },
  };
}
