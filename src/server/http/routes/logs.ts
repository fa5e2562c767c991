// Connection Logs API (platform-contract.md §3): a device's log lines, newest first, as a bare array.

import type { ConnectionLogEntry } from '../../../core/connectionLog';
import { LOG_LIMIT_MAX, LOG_LIMIT_MIN, LOG_OFFSET_MAX } from '../../../core/limits';
import { parseInstant } from '../../../core/time';
import { errors, invalidRequest } from '../errors';
import { ParamReader } from '../params';
import type { Route } from '../router';

export const logRoutes: Route[] = [
  {
    method: 'GET',
    path: '/logs/connection',
    handler: ({ deps, query }) => {
      const p = new ParamReader(query);
      const typeId = p.idPart('typeId', p.required('typeId'));
      const deviceId = p.idPart('deviceId', p.required('deviceId'));
      const limit = p.int('limit', LOG_LIMIT_MIN, LOG_LIMIT_MAX, LOG_LIMIT_MAX);
      const offset = p.int('offset', 0, LOG_OFFSET_MAX, 0);
      const from = p.instant('fromTime');
      const to = p.instant('toTime');
      if (query.has('fromTime') !== query.has('toTime')) {
        p.bad(query.has('fromTime') ? 'toTime' : 'fromTime', 'fromTime and toTime are given together or not at all.');
      } else if (from !== undefined && to !== undefined && from > to) {
        p.bad('fromTime', 'fromTime is later than toTime.');
      }
      if (p.violations.length > 0 || typeId === undefined || deviceId === undefined) {
        throw invalidRequest('CUDLG0400E', p.violations);
      }
      if (deps.store.getType(typeId) === undefined) throw errors.logTypeNotFound(typeId);

      let entries: ConnectionLogEntry[] = deps.store.listLog(typeId, deviceId);
      if (from !== undefined && to !== undefined) {
        entries = entries.filter((e) => {
          const t = parseInstant(e.timestamp);
          return t !== undefined && t >= from && t <= to;
        });
      }
      return { status: 200, body: entries.slice(offset, offset + limit) };
    },
  },
];
