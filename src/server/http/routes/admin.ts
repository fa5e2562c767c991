// Sandbox-only admin call (not on the real platform): close a live client with close code 94,
// so reconnect logic can be tested on demand.

import { CloseCode } from '../../../core/closeCodes';
import { errors } from '../errors';
import { forLog } from '../logText';
import type { Route } from '../router';

export const adminRoutes: Route[] = [
  {
    method: 'POST',
    path: '/sandbox/clients/:clientId/disconnect',
    handler: ({ deps, params }) => {
      if (!deps.admin.disconnectClient(params.clientId)) throw errors.clientNotConnected(params.clientId);
      deps.log.info(`admin disconnect of ${forLog(params.clientId)}`);
      return { status: 200, body: { clientId: params.clientId, closeCode: CloseCode.Administrator } };
    },
  },
];
