// A hostile platform on loopback for the extension-host tests: a real HTTP server that answers
// the platform API's calls with the bodies a test gives it, and a real MQTT broker (aedes) on
// which the test publishes monitor messages as the platform would (platform-contract.md §4).
import type * as http from 'http';
import { apiError, json, startFaultServer, type FaultServer } from '../../unit/platform/support/faultServer';
import { startFaultBroker, type FaultBroker } from '../../unit/platform/support/faultBroker';

/** A route's answer: status and JSON body; or a function of the request's index that gives one. */
export type Answer = readonly [status: number, body: unknown] | ((index: number) => readonly [number, unknown]);

export interface HostilePlatform {
  readonly api: FaultServer;
  readonly broker: FaultBroker;
  /** Answers by `METHOD /path-after-api/v0002` (query left out); unknown routes get 404. */
  readonly routes: Map<string, Answer>;
  close(): Promise<void>;
}

const DEFAULTS: [string, Answer][] = [
  ['GET /config/clientstate', [200, { enabled: true }]],
  ['GET /clientconnectionstates', [200, { results: [], meta: { total_rows: 0 } }]],
  ['GET /device/types', [200, { results: [], meta: { total_rows: 0 } }]],
];

export async function startHostilePlatform(): Promise<HostilePlatform> {
  const routes = new Map<string, Answer>(DEFAULTS);
  const api = await startFaultServer((req: http.IncomingMessage, res: http.ServerResponse, index: number) => {
    const path = (req.url ?? '').split('?')[0].replace(/^\/api\/v0002/, '');
    const route = routes.get(`${req.method} ${path}`);
    const answer = typeof route === 'function' ? route(index) : route;
    if (answer) json(res, answer[0], answer[1]);
    else json(res, 404, apiError('CUDAP0404E', `no resource ${path}`));
  });
  const broker = await startFaultBroker();
  return {
    api,
    broker,
    routes,
    async close() {
      await api.close();
      await broker.close();
    },
  };
}
