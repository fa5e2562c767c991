// One MQTT connection as the platform sees it: where it came in, who it claims to be, and why it
// ended. aedes knows the protocol; this knows the platform's facts (close codes, monitor fields).

import type { Client } from 'aedes';
import type { Socket } from 'node:net';
import type { ParsedClientId } from '../../../../core/ids';
import type { Transport } from '../../../mqtt/listeners';
import { protocolName, type ConnectionFacts, type TrafficCounts } from '../../../../core/monitor';
import { plainText } from '../../../../core/text';

/**
 * opened → connecting (CONNECT read) → connected (CONNACK 0 sent) → closed;
 * or → refused (CONNACK ≠ 0 sent, already recorded).
 */
export type Phase = 'opened' | 'connecting' | 'connected' | 'refused' | 'closed';

export class Session {
  phase: Phase = 'opened';
  rawId?: string;
  id?: ParsedClientId;
  protocolLevel = 4;
  user?: string;
  durable = false;
  connectTime?: number;
  /** The first cause decided wins: the later effects of one close must not overwrite it. */
  closeCode?: number;
  readMsg = 0;
  writeMsg = 0;
  /** Subscription filters as the broker holds them (after mapping), for the quota. */
  readonly subscriptions = new Set<string>();
  /** Filters the broker itself is unsubscribing after a mapping; not the client's activity. */
  readonly internalUnsubscribes = new Set<string>();

  /** From the CONNECT packet. */
  keepAliveSeconds?: number;

  /** Read at once: a destroyed socket no longer knows its peer. */
  readonly clientAddr: string;
  readonly clientPort?: number;

  constructor(
    readonly client: Client,
    /** The TCP socket under the connection (under TLS or WebSocket too), for byte counts. */
    readonly socket: Socket,
    readonly transport: Transport,
  ) {
    this.clientAddr = plainAddress(socket.remoteAddress);
    this.clientPort = socket.remotePort;
  }

  closeWith(code: number): void {
    this.closeCode ??= code;
  }

  facts(): ConnectionFacts {
    return {
      clientId: this.id?.raw ?? this.rawId ?? '',
      clientAddr: this.clientAddr,
      port: this.transport.port,
      secure: this.transport.secure,
      protocol: protocolName(this.protocolLevel, this.transport.websocket),
      user: this.user,
      durable: this.durable,
      clientPort: this.clientPort,
      keepAliveSeconds: this.keepAliveSeconds,
    };
  }

  traffic(): TrafficCounts {
    return {
      readBytes: this.socket.bytesRead,
      readMsg: this.readMsg,
      writeBytes: this.socket.bytesWritten,
      writeMsg: this.writeMsg,
    };
  }
}

/** `::ffff:10.1.2.3` → `10.1.2.3`, as the platform's log lines show addresses. */
export function plainAddress(address: string | undefined): string {
  if (address === undefined) return 'unknown';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

/** Text from the network (ids, topics), safe and short for a log line, quoted. */
export function describeText(text: string, max = 80): string {
  return JSON.stringify(plainText(text, max));
}
