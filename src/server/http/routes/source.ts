// `GET /config/source` (platform-contract.md §7.2): which broker feeds the API, since when, whether the server hears
// it now, and what it cannot tell.

import { errors } from '../errors';
import type { Route } from '../router';

export const sourceRoutes: Route[] = [
  {
    method: 'GET',
    path: '/config/source',
    handler: ({ deps }) => {
      const source = deps.source?.();
      if (source === undefined) throw errors.unexpected();
      return { status: 200, body: source };
    },
  },
];
