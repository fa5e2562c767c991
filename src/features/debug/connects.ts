// What the monitor topics tell about every client while debugging (platform-contract.md §4, §8):
// each client's current connection — where it came from (ClientAddr, ClientPort), its keep-alive —
// and every live connect, drop and takeover, for the ownership matcher, the drop explanation and
// the duplicate-id detective. Bounded: the least recently heard-of clients are forgotten first.

import { Emitter, type Disposable, type Listener } from '../../platform/events';
import type { MonitorEvent } from '../../platform/monitor/types';
import { parseInstant } from '../../core/time';
import { endpointKey, normalAddress } from './procNet';

export interface Connection {
  readonly clientId: string;
  /** `address:port` as procNet.endpointKey writes it; undefined when the broker gave no port. */
  readonly endpoint?: string;
  readonly clientAddr?: string;
  readonly keepAliveSeconds?: number;
  /** Platform time of the Connect (epoch ms), when it said. */
  readonly time?: number;
  /** When this window heard of it. */
  readonly receivedAt: number;
  /** Heard as the retained state on subscribing, not as it happened. */
  readonly retained: boolean;
}

export interface Drop {
  readonly clientId: string;
  readonly closeCode?: number;
  /** The side that was dropped, when the message said. */
  readonly endpoint?: string;
  readonly keepAliveSeconds?: number;
  readonly time?: number;
  readonly receivedAt: number;
}

interface LedgerEvents {
  /** A Connect: live, or the retained state on subscribing (`retained`). */
  connected: Connection;
  /** A live Disconnect. */
  dropped: Drop;
}

export const MAX_CLIENTS = 20_000;

export class ConnectLedger {
  private readonly current = new Map<string, Connection>();
  private readonly byEndpoint = new Map<string, string>();
  private readonly emitter = new Emitter<LedgerEvents>();
  private ports = false;

  constructor(private readonly max = MAX_CLIENTS) {}

  on<K extends keyof LedgerEvents>(name: K, listener: Listener<LedgerEvents[K]>): Disposable {
    return this.emitter.on(name, listener);
  }

  get size(): number {
    return this.current.size;
  }
  /** Whether the broker has reported a client's port (ClientPort) at all: without, nothing matches by port. */
  get givesPorts(): boolean {
    return this.ports;
  }
  /** The client connected now from this endpoint (`address:port`), as far as the monitor told. */
  atEndpoint(endpoint: string): Connection | undefined {
    const id = this.byEndpoint.get(endpoint);
    return id === undefined ? undefined : this.current.get(id);
  }
  connection(clientId: string): Connection | undefined {
    return this.current.get(clientId);
  }
  /** Every connection known now. */
  connections(): IterableIterator<Connection> {
    return this.current.values();
  }

  handle(e: MonitorEvent): void {
    const m = e.message;
    const clientId = typeof m.ClientID === 'string' && m.ClientID !== '' ? m.ClientID : e.clientId;
    if (clientId === undefined) return;
    const endpoint = endpointOf(m.ClientAddr, m.ClientPort);
    const time = typeof m.Time === 'string' ? parseInstant(m.Time) : undefined;
    const keepAliveSeconds = typeof m.KeepAlive === 'number' && m.KeepAlive >= 0 ? m.KeepAlive : undefined;
    if (m.Action === 'Connect') {
      const c: Connection = {
        clientId,
        endpoint,
        clientAddr: typeof m.ClientAddr === 'string' ? normalAddress(m.ClientAddr) : undefined,
        keepAliveSeconds,
        time,
        receivedAt: e.receivedAt,
        retained: e.retained,
      };
      this.forget(clientId);
      this.current.set(clientId, c);
      if (endpoint !== undefined) {
        this.byEndpoint.set(endpoint, clientId);
        this.ports = true;
      }
      this.trim();
      this.emitter.emit('connected', c);
    } else if (m.Action === 'Disconnect') {
      // A takeover's Disconnect may come after the new session's Connect (platform-contract.md §4.1):
      // it ends the connection it names, not the newer one.
      const known = this.current.get(clientId);
      if (known && (endpoint === undefined || known.endpoint === undefined || known.endpoint === endpoint)) {
        this.forget(clientId);
      }
      if (!e.retained) {
        const closeCode = typeof m.CloseCode === 'number' ? m.CloseCode : undefined;
        this.emitter.emit('dropped', {
          clientId,
          closeCode,
          endpoint,
          keepAliveSeconds,
          time,
          receivedAt: e.receivedAt,
        });
      }
    }
  }

  /** Forgets every connection (another platform). */
  clear(): void {
    this.current.clear();
    this.byEndpoint.clear();
    this.ports = false;
  }

  dispose(): void {
    this.emitter.clear();
    this.clear();
  }

  private forget(clientId: string): void {
    const known = this.current.get(clientId);
    if (!known) return;
    this.current.delete(clientId);
    if (known.endpoint !== undefined && this.byEndpoint.get(known.endpoint) === clientId) {
      this.byEndpoint.delete(known.endpoint);
    }
  }

  private trim(): void {
    for (const id of this.current.keys()) {
      if (this.current.size <= this.max) return;
      this.forget(id);
    }
  }
}

/** `address:port` of a monitor message's client, when both are usable. */
export function endpointOf(addr: unknown, port: unknown): string | undefined {
  if (typeof addr !== 'string' || addr === '' || addr.length > 64) return undefined;
  if (typeof port !== 'number' || !Number.isInteger(port) || port <= 0 || port > 65535) return undefined;
  return endpointKey({ address: normalAddress(addr), port });
}
