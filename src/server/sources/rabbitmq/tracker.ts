// The MQTT connections of an observed RabbitMQ as the server follows them (platform-contract.md §7.1): created from
// its connection.created event, with the client id from the event, else from the accept log line, else from the
// management API; closed from its connection.closed event, with the cause the log tells (causes.ts). A connection
// gone before its id could be read is said, not recorded. Other lines of warning or worse that name a known
// connection (a payload over the broker's size, which the client is not told of) go into that client's log.

import { forLog } from '../../http/logText';
import type { Logger } from '../../log';
import type { ObservedRecorder } from '../observed/recorder';
import type { CauseJoiner } from './causes';
import type { ConnectionClosed, ConnectionCreated } from './events';
import { connectionByName, type ListedConnection } from './listing';
import type { RabbitLogLine } from './logLines';
import type { Management } from './management';

export interface Tracked extends ListedConnection {
  /** When this server learned of it (ms). */
  learnedAt: number;
  localPid?: string;
  closedAt?: number;
  /** Closed before its client id could be read. */
  gone?: boolean;
}

export interface TrackerDeps {
  recorder: ObservedRecorder;
  joiner: CauseJoiner;
  log: Logger;
  /** The management API, while it answers. */
  api(): Management | undefined;
  /** How many MQTT connections the broker has, as far as the server follows them. */
  count(n: number): void;
  /** A node went down or came up: look again. */
  nodeChanged(kind: 'nodeDown' | 'nodeUp', node: string): void;
}

const NAME_IN_TEXT = /(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-fA-F:]{2,39}):\d{1,5} -> [^\s,)"']{3,60}/g;
const LOUD = new Set(['warning', 'error', 'critical', 'alert', 'emergency']);
const ACCEPTED_KEPT = 10_000;

function protocolOf(text: string | undefined): 'mqtt3' | 'mqtt4' | 'mqtt5' | undefined {
  return text === 'MQTT 3.1.1' ? 'mqtt4' : text === 'MQTT 3.1' ? 'mqtt3' : text === 'MQTT 5.0' ? 'mqtt5' : undefined;
}

export class RabbitTracker {
  readonly conns = new Map<string, Tracked>();
  /** Client ids told by accept lines, by connection name, for events that lack them. */
  private readonly accepted = new Map<string, string>();
  /** Names closed while a listing was read: that listing is older than their close. */
  closedWhileListing: Set<string> | undefined;

  constructor(private readonly d: TrackerDeps) {}

  created(e: ConnectionCreated, at: number): void {
    if (!e.mqtt) return;
    const c: Tracked = {
      name: e.name,
      learnedAt: at,
      ...(e.clientId !== undefined || this.accepted.has(e.name)
        ? { clientId: e.clientId ?? this.accepted.get(e.name) }
        : {}),
      ...(e.node !== undefined ? { node: e.node } : {}),
      ...(e.peerHost !== undefined ? { peerHost: e.peerHost } : {}),
      ...(e.peerPort !== undefined ? { peerPort: e.peerPort } : {}),
      ...(e.connectedAt !== undefined ? { connectedAt: e.connectedAt } : {}),
      ...(e.protocol !== undefined ? { protocol: e.protocol } : {}),
      ...(e.user !== undefined ? { user: e.user } : {}),
      ...(e.localPid !== undefined ? { localPid: e.localPid } : {}),
    };
    this.conns.set(e.name, c);
    this.d.count(this.conns.size);
    if (c.clientId !== undefined) this.connect(c, at);
    else void this.lookUp(c, at);
  }

  closed(e: ConnectionClosed, at: number): void {
    const c = this.conns.get(e.name);
    if (c === undefined) return; // not MQTT (the server's own AMQP connection, say), or never known
    this.conns.delete(e.name);
    this.closedWhileListing?.add(e.name);
    this.d.count(this.conns.size);
    c.closedAt = at;
    if (c.clientId !== undefined) {
      this.disconnect(c, { ...c, node: e.node ?? c.node, localPid: e.localPid ?? c.localPid }, at);
    }
  }

  line(l: RabbitLogLine, at: number): void {
    switch (l.kind) {
      case 'mqttAccepted': {
        if (this.accepted.size >= ACCEPTED_KEPT) this.accepted.delete(this.accepted.keys().next().value as string);
        this.accepted.set(l.connection, l.clientId);
        const c = this.conns.get(l.connection);
        if (c !== undefined && c.clientId === undefined && !c.gone) {
          c.clientId = l.clientId;
          this.connect(c, at);
        }
        return;
      }
      case 'mqttClosed':
      case 'adminClose':
      case 'nodeStopping':
        return this.d.joiner.line(l, at);
      case 'mqttRefused':
        return this.d.log.info(`an MQTT connection was refused (${l.cause}); RabbitMQ does not say which client id`);
      case 'loginFailed':
        return this.d.log.info(
          `an MQTT login failed for user ${forLog(l.user, 60)}; RabbitMQ does not say which client id it used`,
        );
      case 'nodeDown':
      case 'nodeUp':
        return this.d.nodeChanged(l.kind, l.about);
      case 'other':
        return this.other(l, at);
    }
  }

  /** The client id's connection now: as the recorder follows it, else any connection of the id the broker has. */
  connectionOf(clientId: string): string | undefined {
    const name = this.d.recorder.connectionOf(clientId);
    if (name !== undefined && this.conns.has(name)) return name;
    for (const c of this.conns.values()) if (c.clientId === clientId) return c.name;
    return undefined;
  }

  connect(c: Tracked, at: number): void {
    const protocol = protocolOf(c.protocol);
    this.d.recorder.connected({
      clientId: c.clientId as string,
      at,
      connection: c.name,
      ...(c.connectedAt !== undefined ? { connectTime: c.connectedAt } : {}),
      ...(c.peerHost !== undefined ? { clientAddr: c.peerHost } : {}),
      ...(c.peerPort !== undefined ? { clientPort: c.peerPort } : {}),
      ...(c.port !== undefined ? { listenerPort: c.port } : {}),
      ...(c.node !== undefined ? { node: c.node } : {}),
      ...(protocol !== undefined ? { protocol } : {}),
      ...(c.user !== undefined ? { user: c.user } : {}),
    });
  }

  private disconnect(c: Tracked, where: { name: string; node?: string; localPid?: string }, at: number): void {
    const clientId = c.clientId as string;
    this.d.joiner.closed(where, at, (cause) =>
      this.d.recorder.disconnected({
        clientId,
        at,
        connection: c.name,
        ...(c.node !== undefined ? { node: c.node } : {}),
        ...cause,
      }),
    );
  }

  private async lookUp(c: Tracked, at: number): Promise<void> {
    const api = this.d.api();
    let listed: ListedConnection | undefined;
    try {
      listed = api === undefined ? undefined : await connectionByName(api, c.name);
    } catch (err) {
      this.d.log.warn(`could not read the client id of ${forLog(c.name)}: ${(err as Error).message}`);
    }
    if (c.clientId !== undefined) return; // an accept line told it meanwhile
    if (listed?.clientId === undefined) {
      c.gone = true;
      this.d.log.info(
        `the MQTT connection ${forLog(c.name)} ended before its client id could be read: it is not recorded`,
      );
      return;
    }
    c.clientId = listed.clientId;
    this.connect(c, at);
    if (c.closedAt !== undefined) this.disconnect(c, c, c.closedAt);
  }

  private other(l: Extract<RabbitLogLine, { kind: 'other' }>, at: number): void {
    if (!LOUD.has(l.level)) return;
    const head = l.message.slice(0, 2000);
    for (const name of head.match(NAME_IN_TEXT) ?? []) {
      const clientId = this.conns.get(name)?.clientId;
      if (clientId !== undefined) {
        return this.d.recorder.note(clientId, head.replace(/\s*\n\s*/g, ' ').slice(0, 1000), at);
      }
    }
  }
}
