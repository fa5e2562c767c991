// The sandbox as a source: the server's own broker (platform-contract.md §1–§5, §8) on its listeners, its admin
// and keep-alive calls, and `config/source` saying so.

import type { TlsMaterial } from '../../mqtt/listeners';
import type { Logger } from '../../log';
import type { SandboxStore } from '../../store/store';
import type { SourceSide } from '../side';
import type { AuthLimits } from '../../authLimit';
import { startBroker, type BrokerPorts } from './broker';
import { sandboxSource } from './source';

export interface SandboxSideOptions {
  org: string;
  host: string;
  /** The host as a URL names it. */
  urlHost: string;
  store: SandboxStore;
  log: Logger;
  ports: BrokerPorts;
  tls?: TlsMaterial;
  stateLagMs: number;
  connectTimeoutMs: number;
  authLimits?: Partial<AuthLimits>;
  /** When the server started (ms). */
  started: number;
}

export async function startSandboxSide(o: SandboxSideOptions): Promise<SourceSide> {
  const broker = await startBroker({
    org: o.org,
    host: o.host,
    store: o.store,
    log: o.log.child('broker'),
    ports: o.ports,
    tls: o.tls,
    stateLagMs: o.stateLagMs,
    connectTimeoutMs: o.connectTimeoutMs,
    authLimits: o.authLimits,
  });
  return {
    ports: broker.ports,
    admin: broker,
    source: sandboxSource(
      `mqtt://${o.urlHost}:${broker.ports.mqtt}`,
      o.started,
      () => broker.connectedCount(),
      () => broker.canHoldKeepAlive(),
    ),
    close: () => broker.close(),
  };
}
