// Writes the Client Connection State records (platform-contract.md §2.3). Each change carries the time it
// happened; with a lag (like the real platform's) it reaches the store that much later, in order.

import { type ActivityEvent, type ClientStateWire } from '../../../../core/clientState';
import { closeCodeInfo, closeReason } from '../../../../core/closeCodes';
import { clientTypeOf, type ParsedClientId } from '../../../../core/ids';
import { protocolVersionName } from '../../../../core/monitor';
import { toIso } from '../../../../core/time';
import type { Logger } from '../../../log';
import type { SandboxStore } from '../../../store/store';
import { messageOf } from '../../../../core/errors';

/** What the writer needs to know about a client to build its record from nothing. */
export interface ClientFacts {
  id: ParsedClientId;
  protocolLevel: number;
  connectTime?: number;
  /** Of this connection (platform-contract.md §8). */
  clientAddr?: string;
  clientPort?: number;
  keepAliveSeconds?: number;
}

type Update = (previous: ClientStateWire | undefined) => ClientStateWire;
interface Pending {
  due: number;
  clientId: string;
  update: Update;
}

export class StateWriter {
  private readonly queue: Pending[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: SandboxStore,
    private readonly lagMs: number,
    private readonly log: Logger,
  ) {}

  connected(facts: ClientFacts, at: number): void {
    this.write(facts.id.raw, (prev) => ({
      ...withoutConnection(base(facts, prev)),
      connectionStatus: 'connected',
      lastConnectTime: toIso(at),
      lastActivityEvent: 'mqttConnect',
      lastActivityTime: toIso(at),
      mqttConnectProtocol: protocolVersionName(facts.protocolLevel),
      ...connectionFields(facts),
    }));
  }

  activity(facts: ClientFacts, event: ActivityEvent, at: number): void {
    this.write(facts.id.raw, (prev) => ({
      ...base(facts, prev),
      lastActivityEvent: event,
      lastActivityTime: toIso(at),
    }));
  }

  /** A session ended, or an attempt was refused: the client is disconnected, and why. */
  disconnected(facts: ClientFacts, closeCode: number, at: number): void {
    this.write(facts.id.raw, (prev) => disconnectedRecord(base(facts, prev), closeCode, at));
  }

  /** An attempt was refused (its credentials failed): recorded only for a client that has never connected,
   *  so that it is listed (platform-contract.md §2). The record of a real session — connected now, or how
   *  it last ended — is never overwritten by whoever guesses its token (§4.3). */
  refused(facts: ClientFacts, closeCode: number, at: number): void {
    this.write(facts.id.raw, (prev) =>
      prev?.lastConnectTime !== undefined ? prev : disconnectedRecord(base(facts, prev), closeCode, at),
    );
  }

  /** Applies every pending change now (on shutdown). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const p of this.queue.splice(0)) this.apply(p);
  }

  private write(clientId: string, update: Update): void {
    if (this.lagMs <= 0) return this.apply({ due: 0, clientId, update });
    this.queue.push({ due: Date.now() + this.lagMs, clientId, update });
    this.timer ??= setTimeout(() => this.drain(), this.lagMs);
  }

  /** Every change waits the same lag, so the queue is in due order. */
  private drain(): void {
    this.timer = undefined;
    const now = Date.now();
    while (this.queue.length > 0 && this.queue[0].due <= now) this.apply(this.queue.shift() as Pending);
    if (this.queue.length > 0) this.timer = setTimeout(() => this.drain(), this.queue[0].due - now);
  }

  private apply(p: Pending): void {
    try {
      this.store.putState(p.update(this.store.getState(p.clientId)));
    } catch (err) {
      // A failing journal must not take the broker down with it.
      this.log.error(`could not write the state of ${p.clientId}: ${messageOf(err)}`);
    }
  }
}

type ConnectionFields = Pick<ClientStateWire, 'clientAddr' | 'clientPort' | 'keepAliveSeconds'>;

/** Where the connection came from and its keep-alive (platform-contract.md §8), the fields known. */
function connectionFields(f: ClientFacts): ConnectionFields {
  return {
    ...(f.clientAddr !== undefined ? { clientAddr: f.clientAddr } : {}),
    ...(f.clientPort !== undefined ? { clientPort: f.clientPort } : {}),
    ...(f.keepAliveSeconds !== undefined ? { keepAliveSeconds: f.keepAliveSeconds } : {}),
  };
}

/** A record without the last connection's fields: a new connection brings its own. */
function withoutConnection(record: ClientStateWire): ClientStateWire {
  const { clientAddr: _a, clientPort: _p, keepAliveSeconds: _k, ...rest } = record;
  return rest;
}

function disconnectedRecord(record: ClientStateWire, closeCode: number, at: number): ClientStateWire {
  const info = closeCodeInfo(closeCode);
  return {
    ...record,
    connectionStatus: 'disconnected',
    lastDisconnectTime: toIso(at),
    lastActivityEvent: 'mqttDisconnect',
    lastActivityTime: toIso(at),
    disconnectInitiator: info?.initiator ?? 'server',
    mqttReasonCode: info?.mqttReasonCode ?? 128,
    closeCode,
    closeReason: closeReason(closeCode),
  };
}

/** The previous record, or the start of a new one. */
function base(facts: ClientFacts, prev: ClientStateWire | undefined): ClientStateWire {
  if (prev) return prev;
  return {
    id: facts.id.raw,
    clientType: clientTypeOf(facts.id.kind),
    connectionStatus: 'connected',
    ...(facts.connectTime !== undefined ? { lastConnectTime: toIso(facts.connectTime) } : {}),
    mqttConnectProtocol: protocolVersionName(facts.protocolLevel),
  };
}
