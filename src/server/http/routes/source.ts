// `GET /config/source` (platform-contract.md §7.2): what kind of broker is behind the API and what
// it can do. The sandbox serves its own broker: it lists connected clients, keeps the platform's
// history, and can hold a paused client's keep-alive (§8).

import { toIso } from '../../../core/time';
import { errors } from '../errors';
import type { Route } from '../router';

export const sourceRoutes: Route[] = [
  {
    method: 'GET',
    path: '/config/source',
    handler: ({ deps }) => {
      const s = deps.source?.();
      if (s === undefined) throw errors.unexpected();
      return {
        status: 200,
        body: {
          kind: s.kind,
          broker: s.broker,
          observingSince: toIso(s.observingSince),
          connectedCount: s.connectedCount,
          nodes: [],
          capabilities: { listsConnected: true, history: 'platform', holdKeepAlive: s.holdKeepAlive },
        },
      };
    },
  },
];
