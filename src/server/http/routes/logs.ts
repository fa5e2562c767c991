// Connection Logs API (platform-contract.md §3, §7.2): a device's log lines by type and device id, or any client's by
// client id, newest first, as a bare array.

import type { ConnectionLogEntry } from '../../../core/connectionLog';
import { LOG_LIMIT_MAX, LOG_LIMIT_MIN, LOG_OFFSET_MAX, MAX_CLIENT_ID_BYTES } from '../../../core/limits';
import { parseInstant } from '../../../core/time';
import type { ApiDeps } from '../context';
import { errors, invalidRequest } from '../errors';
import { ParamReader } from '../params';
import type { Route } from '../router';

type Subject = { clientId: string } | { typeId: string; deviceId: string };

/** The log asked for: by client id, or by a device's type and id; undefined when a violation says why not. */
function readSubject(p: ParamReader, query: URLSearchParams): Subject | undefined {
  if (query.has('clientId')) {
    if (query.has('typeId') || query.has('deviceId')) {
      p.bad('clientId', 'give clientId, or typeId and deviceId, not both.');
    }
    const clientId = p.text('clientId', MAX_CLIENT_ID_BYTES);
    return clientId === undefined ? undefined : { clientId };
  }
  const typeId = p.idPart('typeId', p.required('typeId'));
  const deviceId = p.idPart('deviceId', p.required('deviceId'));
  return typeId !== undefined && deviceId !== undefined ? { typeId, deviceId } : undefined;
}

function entriesOf(deps: ApiDeps, subject: Subject): ConnectionLogEntry[] {
  if ('clientId' in subject) return deps.store.listClientLog(subject.clientId);
  // The sandbox's registry knows every type; an observed broker's types are only what its clients' ids say.
  const observing = (deps.source?.().kind ?? 'sandbox') !== 'sandbox';
  if (!observing && deps.store.getType(subject.typeId) === undefined) throw errors.logTypeNotFound(subject.typeId);
  return deps.store.listLog(subject.typeId, subject.deviceId);
}

export const logRoutes: Route[] = [
  {
    method: 'GET',
    path: '/logs/connection',
    handler: ({ deps, query }) => {
      const p = new ParamReader(query);
      const subject = readSubject(p, query);
      const limit = p.int('limit', LOG_LIMIT_MIN, LOG_LIMIT_MAX, LOG_LIMIT_MAX);
      const offset = p.int('offset', 0, LOG_OFFSET_MAX, 0);
      const from = p.instant('fromTime');
      const to = p.instant('toTime');
      if (query.has('fromTime') !== query.has('toTime')) {
        p.bad(query.has('fromTime') ? 'toTime' : 'fromTime', 'fromTime and toTime are given together or not at all.');
      } else if (from !== undefined && to !== undefined && from > to) {
        p.bad('fromTime', 'fromTime is later than toTime.');
      }
      if (p.violations.length > 0 || subject === undefined) throw invalidRequest('CUDLG0400E', p.violations);

      let entries = entriesOf(deps, subject);
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
