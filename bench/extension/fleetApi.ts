// The state API of the sandbox over fleets of 1k, 10k and 100k client records, for the extension
// benchmark: one child process, one REST server per fleet (the sandbox's own server and store),
// each announced by a JSON line on stdout. SIGTERM closes them.
//   node out/bench/extension/fleetApi.js 1000 10000 100000

import type { ClientStateWire } from '../../src/core/clientState';
import { startApiServer, type ApiServer } from '../../src/server/http/server';
import { memoryLogger } from '../../src/server/log';
import { hashToken, SandboxStore } from '../../src/server/store/store';

export interface FleetApi {
  readonly clients: number;
  readonly apiUrl: string;
  readonly apiKey: string;
  readonly apiToken: string;
}

const ORG = 'bench2';
const KEY = 'a-bench2-benchkey00';
const TOKEN = 'bench-token-0002';
const BASE = Date.UTC(2024, 0, 1);
const TYPES = ['sensor', 'valve', 'meter', 'camera', 'lock'];

/** A seeded fleet: 85 % devices, 10 % gateways, 5 % applications; 70 % connected. */
function fill(store: SandboxStore, count: number): void {
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  for (let i = 0; i < count; i++) {
    const kind = i % 20;
    const id =
      kind < 17 ? `d:${ORG}:${TYPES[i % 5]}:dev-${i}` : kind < 19 ? `g:${ORG}:gw:gw-${i}` : `a:${ORG}:app-${i}`;
    const connect = BASE + Math.floor(rand() * 30 * 86_400_000);
    const connected = rand() < 0.7;
    const state: ClientStateWire = {
      id,
      clientType: kind < 17 ? 'device' : kind < 19 ? 'gateway' : 'application',
      connectionStatus: connected ? 'connected' : 'disconnected',
      lastConnectTime: new Date(connect).toISOString(),
      lastActivityEvent: 'mqttPublish',
      lastActivityTime: new Date(connect + Math.floor(rand() * 3_600_000)).toISOString(),
      mqttConnectProtocol: '3.1.1',
      ...(connected
        ? {}
        : {
            lastDisconnectTime: new Date(connect + 3_600_000).toISOString(),
            disconnectInitiator: 'network',
            mqttReasonCode: 141,
            closeCode: 160,
            closeReason: 'The connection timed out',
          }),
    };
    store.putState(state);
  }
}

async function main(sizes: number[]): Promise<void> {
  const quiet = memoryLogger();
  const log = { ...quiet, info: () => {}, child: () => ({ ...quiet, info: () => {} }) };
  const servers: ApiServer[] = [];
  for (const clients of sizes) {
    const store = new SandboxStore();
    store.addApiKey({ key: KEY, tokenHash: hashToken(TOKEN), createdDateTime: new Date().toISOString() });
    fill(store, clients);
    const server = await startApiServer({
      store,
      org: ORG,
      log,
      admin: { disconnectClient: () => false },
      host: '127.0.0.1',
      port: 0,
    });
    servers.push(server);
    const line: FleetApi = { clients, apiUrl: server.url, apiKey: KEY, apiToken: TOKEN };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
  process.once('SIGTERM', () => void Promise.all(servers.map((s) => s.close())).then(() => process.exit(0)));
}

if (require.main === module) {
  main(process.argv.slice(2).map(Number)).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
