// The admin call (platform-contract.md §7.2; not on the real platform): close a connected client with close code 94,
// so reconnect logic can be tested on demand — on the server's own broker, or on an observed broker that allows it.

import { CloseCode } from '../../../core/closeCodes';
import { BrokerCallError } from '../context';
import { errors } from '../errors';
import { forLog } from '../logText';
import type { Route } from '../router';

export const adminRoutes: Route[] = [
  {
    method: 'POST',
    path: '/sandbox/clients/:clientId/disconnect',
    handler: async ({ deps, params }) => {
      const admin = deps.admin;
      if (admin.disconnectClient === undefined) throw errors.disconnectUnsupported(deps.source?.().kind ?? 'broker');
      let closed: boolean;
      try {
        closed = await admin.disconnectClient(params.clientId);
      } catch (err) {
        if (!(err instanceof BrokerCallError)) throw err;
        deps.log.warn(`admin disconnect of ${forLog(params.clientId)} failed: ${err.message}`);
        throw errors.brokerCallFailed(err.message);
      }
      if (!closed) throw errors.clientNotConnected(params.clientId);
      deps.log.info(`admin disconnect of ${forLog(params.clientId)}`);
      return { status: 200, body: { clientId: params.clientId, closeCode: CloseCode.Administrator } };
    },
  },
];
