// Client Connection State API (platform-contract.md §2): the paged query, one client by id, and the
// organization's switch. While the switch is off every state call answers 403.

import type { ClientStateList } from '../../../core/clientState';
import type { SandboxStore } from '../../store/store';
import { completeSort } from '../../store/stateQuery';
import { errors, invalidRequest, violation, ViolationId } from '../errors';
import { readJsonBody } from '../body';
import type { Route } from '../router';
import { readStateQuery, stateBookmark } from '../stateParams';

function requireEnabled(store: SandboxStore): void {
  if (!store.isClientStateEnabled()) throw errors.clientStateOff();
}

export const stateRoutes: Route[] = [
  {
    method: 'GET',
    path: '/clientconnectionstates',
    handler: ({ deps, query }) => {
      requireEnabled(deps.store);
      const request = readStateQuery(query);
      const page = deps.store.queryStates(request);
      const body: ClientStateList = {
        results: page.rows.map((r) => r.wire),
        ...(page.next !== undefined ? { bookmark: stateBookmark(completeSort(request.sort), page.next) } : {}),
        meta: { total_rows: page.total },
      };
      return { status: 200, body };
    },
  },
  {
    method: 'GET',
    path: '/clientconnectionstates/:clientId',
    handler: ({ deps, params }) => {
      requireEnabled(deps.store);
      const state = deps.store.getState(params.clientId);
      if (state === undefined) throw errors.clientNotFound(params.clientId);
      return { status: 200, body: state };
    },
  },
  {
    method: 'GET',
    path: '/config/clientstate',
    handler: ({ deps }) => ({ status: 200, body: { enabled: deps.store.isClientStateEnabled() } }),
  },
  {
    method: 'PUT',
    path: '/config/clientstate',
    handler: async ({ deps, req }) => {
      const body = (await readJsonBody(req)) as { enabled?: unknown } | null;
      if (typeof body !== 'object' || body === null || typeof body.enabled !== 'boolean') {
        throw invalidRequest('CUDCS0401E', [
          violation(ViolationId.BadField, 'enabled: give {"enabled": true} or {"enabled": false}.', ['enabled']),
        ]);
      }
      if (body.enabled !== deps.store.isClientStateEnabled()) {
        deps.store.setClientStateEnabled(body.enabled);
        deps.log.info(`client connection state switched ${body.enabled ? 'on' : 'off (stored state deleted)'}`);
      }
      return { status: 200, body: { enabled: deps.store.isClientStateEnabled() } };
    },
  },
];
